// Unknown keys at every level are reported at the key's own position, with
// a "did you mean" for plausible typos and the list of known keys otherwise.
#include "config_fixture.hpp"

namespace sluice::config_test {
namespace {

using ::testing::ElementsAre;

TEST_F(ConfigTest, TypoInOptionKeySuggestsTheOption) {
  // Line 3 is the typo; `path` is then also missing, which is reported too,
  // at the stage header. Errors come in file order.
  EXPECT_THAT(errors(with_source("pth = \"seeds\"\n")),
              ElementsAre("pipeline.toml:1:1: error: stage 'feed' (plugin feed) is missing required "
                          "option 'path', e.g. path = \"seeds\"",
                          "pipeline.toml:3:1: error: unknown key 'pth' in stage 'feed' "
                          "([[pipeline.p.source]]); did you mean 'path'?"));
}

TEST_F(ConfigTest, TypoInIndentedOptionKeyPointsAtTheKeyColumn) {
  EXPECT_EQ(error(with_source("path = \"in\"\n    attemps = 4\n")),
            "pipeline.toml:4:5: error: unknown key 'attemps' in stage 'feed' "
            "([[pipeline.p.source]]); did you mean 'attempts'?");
}

TEST_F(ConfigTest, SuggestionIgnoresCaseButKeysDoNot) {
  // TOML keys are case-sensitive, so `Path` is unknown; the suggestion
  // still finds `path`.
  EXPECT_EQ(error(with_source("path = \"in\"\nPath = \"x\"\n")),
            "pipeline.toml:4:1: error: unknown key 'Path' in stage 'feed' "
            "([[pipeline.p.source]]); did you mean 'path'?");
}

TEST_F(ConfigTest, TypoInPipelineKeySuggestsWorkers) {
  EXPECT_EQ(error(std::string("[pipeline.p]\nworkrs = 2\n") + kSource + kParser + kSink),
            "pipeline.toml:2:1: error: unknown key 'workrs' in [pipeline.p]; did you mean 'workers'?");
}

TEST_F(ConfigTest, TypoInHostKeySuggestsPluginDirs) {
  EXPECT_EQ(error(std::string("[host]\nplugin_dir = [\"plugins\"]\n") + kSource + kParser + kSink),
            "pipeline.toml:2:1: error: unknown key 'plugin_dir' in [host]; did you mean 'plugin_dirs'?");
}

TEST_F(ConfigTest, TypoInTopLevelKeySuggestsPipeline) {
  // The key of `[pipelines.p]` starts after the bracket: column 2.
  EXPECT_EQ(error("[pipelines.p]\nworkers = 2\n"),
            "pipeline.toml:1:2: error: unknown key 'pipelines' in the top level; "
            "did you mean 'pipeline'?");
}

TEST_F(ConfigTest, UnrelatedOptionKeyListsTheKnownKeys) {
  EXPECT_EQ(error(with_source("path = \"in\"\ncolour = \"red\"\n")),
            "pipeline.toml:4:1: error: unknown key 'colour' in stage 'feed' ([[pipeline.p.source]]) "
            "(known keys: plugin, name, path, attempts, ratio, verbose, timeout, buffer, include, "
            "headers, since)");
}

TEST_F(ConfigTest, UnrelatedParserKeyListsMatchAmongKnownKeys) {
  EXPECT_EQ(error(std::string("[[pipeline.p.parser]]\nplugin = \"text\"\nflavour = 1\n") + kSource + kSink),
            "pipeline.toml:3:1: error: unknown key 'flavour' in stage 'text' ([[pipeline.p.parser]]) "
            "(known keys: plugin, name, match, encoding)");
}

TEST_F(ConfigTest, UnrelatedPipelineKeyListsTheKnownKeys) {
  EXPECT_EQ(error(std::string("[pipeline.p]\nbanana = 1\n") + kSource + kParser + kSink),
            "pipeline.toml:2:1: error: unknown key 'banana' in [pipeline.p] (known keys: schedule, "
            "timezone, jitter, overlap, catch_up, workers, queue_capacity, batch_size, batch_timeout, "
            "source, parser, enrich, sink)");
}

TEST_F(ConfigTest, UnrelatedTopLevelKeyListsTheKnownKeys) {
  EXPECT_EQ(error(std::string("banana = 1\n") + kSource + kParser + kSink),
            "pipeline.toml:1:1: error: unknown key 'banana' in the top level "
            "(known keys: host, pipeline)");
}

TEST_F(ConfigTest, ErrorCarriesStructuredPosition) {
  try {
    load(with_source("path = \"in\"\n  pth = 1\n"));
    FAIL() << "accepted";
  } catch (const host::ConfigErrors& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    const auto& one = e.errors()[0];
    EXPECT_EQ(one.where().file, "pipeline.toml");
    EXPECT_EQ(one.where().line, 4u);
    EXPECT_EQ(one.where().column, 3u);
    EXPECT_EQ(one.detail(),
              "unknown key 'pth' in stage 'feed' ([[pipeline.p.source]]); did you mean 'path'?");
    // what() of the aggregate is the error lines joined, for printing as is.
    EXPECT_EQ(std::string(e.what()), one.what());
  }
}

}  // namespace
}  // namespace sluice::config_test

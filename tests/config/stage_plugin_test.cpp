// The `plugin` key of a stage: unknown names, plugins of the wrong kind,
// missing required options, and the `name` key.
#include "config_fixture.hpp"

namespace sluice::config_test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

TEST_F(ConfigTest, MissingRequiredOptionNamesStageOptionAndExample) {
  // Reported at the stage's [[...]] header: there is no key to point at.
  EXPECT_EQ(error(with_source("")),
            "pipeline.toml:1:1: error: stage 'feed' (plugin feed) is missing required option 'path', "
            "e.g. path = \"seeds\"");
}

TEST_F(ConfigTest, MissingRequiredOptionUsesTheStageName) {
  EXPECT_EQ(error(with_source("name = \"inbox\"\n")),
            "pipeline.toml:1:1: error: stage 'inbox' (plugin feed) is missing required option 'path', "
            "e.g. path = \"seeds\"");
}

TEST_F(ConfigTest, MissingRequiredOptionWithoutExampleHasNoExample) {
  // The sink header is on line 4 (after the source's three lines).
  const std::string text = std::string(kSource).substr(1) + kParser +
                           "\n[[pipeline.p.sink]]\nplugin = \"out\"\npath = \"o.jsonl\"\n";
  EXPECT_EQ(error(text),
            "pipeline.toml:8:1: error: stage 'out' (plugin out) is missing required option "
            "'flush_every'");
}

TEST_F(ConfigTest, EveryMissingRequiredOptionIsReported) {
  const std::string text =
      std::string(kSource).substr(1) + kParser + "\n[[pipeline.p.sink]]\nplugin = \"out\"\n";
  EXPECT_THAT(errors(text),
              ElementsAre("pipeline.toml:8:1: error: stage 'out' (plugin out) is missing required option "
                          "'path', e.g. path = \"out/articles.jsonl\"",
                          "pipeline.toml:8:1: error: stage 'out' (plugin out) is missing required option "
                          "'flush_every'"));
}

TEST_F(ConfigTest, UnknownPluginSuggestsClosestAndListsKnown) {
  // `plugin = "fead"`: the value starts at column 10.
  EXPECT_THAT(
      errors("[[pipeline.p.source]]\nplugin = \"fead\"\npath = \"in\"\n" + std::string(kParser) + kSink),
      Contains("pipeline.toml:2:10: error: unknown plugin 'fead'; did you mean 'feed'? "
               "(known plugins: feed, out, tagger, text); no plugin directory was searched"));
}

TEST_F(ConfigTest, UnrelatedPluginNameOnlyListsKnown) {
  EXPECT_THAT(errors("[[pipeline.p.source]]\nplugin = \"kafka\"\n" + std::string(kParser) + kSink),
              Contains("pipeline.toml:2:10: error: unknown plugin 'kafka' "
                       "(known plugins: feed, out, tagger, text); no plugin directory was searched"));
}

TEST_F(ConfigTest, PluginOfWrongKindIsRefusedInThatSection) {
  EXPECT_THAT(errors("[[pipeline.p.source]]\nplugin = \"out\"\n" + std::string(kParser) + kSink),
              Contains("pipeline.toml:2:10: error: plugin 'out' is a sink, it cannot be used in "
                       "[[pipeline.p.source]]"));
}

TEST_F(ConfigTest, EnricherInSinkSectionIsRefused) {
  EXPECT_THAT(
      errors(std::string(kSource).substr(1) + kParser + "\n[[pipeline.p.sink]]\nplugin = \"tagger\"\n"),
      Contains("pipeline.toml:9:10: error: plugin 'tagger' is an enricher, it cannot be used in "
               "[[pipeline.p.sink]]"));
}

TEST_F(ConfigTest, StageWithoutPluginKeyIsReportedAtItsHeader) {
  EXPECT_THAT(errors("[[pipeline.p.source]]\npath = \"in\"\n" + std::string(kParser) + kSink),
              Contains("pipeline.toml:1:1: error: [[pipeline.p.source]] needs plugin = \"<name>\" "
                       "naming the plugin to use"));
}

TEST_F(ConfigTest, PluginKeyMustBeAString) {
  EXPECT_THAT(errors("[[pipeline.p.source]]\nplugin = 7\n" + std::string(kParser) + kSink),
              Contains("pipeline.toml:2:10: error: [[pipeline.p.source]] needs plugin = \"<name>\" "
                       "naming the plugin to use"));
}

TEST_F(ConfigTest, StageNameMustBeAString) {
  EXPECT_EQ(error(with_source("path = \"in\"\nname = 3\n")),
            "pipeline.toml:4:8: error: name must be a string");
}

TEST_F(ConfigTest, StageRecordsPluginAndHeaderPosition) {
  const auto c = load("\n\n" + with_source("path = \"in\"\n"));
  const auto& stage = c.pipelines.at(0).sources.at(0);
  ASSERT_NE(stage.plugin, nullptr);
  EXPECT_EQ(stage.plugin->name(), "feed");
  EXPECT_EQ(stage.plugin->kind(), static_cast<std::uint32_t>(SLUICE_KIND_SOURCE));
  EXPECT_EQ(stage.position.str(), "pipeline.toml:3:1");
}

}  // namespace
}  // namespace sluice::config_test

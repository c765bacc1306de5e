// The shape of a config: syntax errors, empty files, required stages,
// unique stage names, parser `match`, schedules, numeric minimums, and
// reporting every problem in one pass.
#include <algorithm>

#include "config_fixture.hpp"

namespace sluice::config_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string pipeline_with(const std::string& line) {
  return "[pipeline.p]\n" + line + "\n" + kSource + kParser + kSink;
}

TEST_F(ConfigTest, TomlSyntaxErrorCarriesTheParserPosition) {
  try {
    load("[pipeline.p]\nworkers = = 2\n");
    FAIL() << "accepted";
  } catch (const host::ConfigErrors& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    const auto& one = e.errors()[0];
    // The second '=' is where no value can start.
    EXPECT_EQ(one.where().line, 2u);
    EXPECT_EQ(one.where().column, 11u);
    EXPECT_FALSE(one.detail().empty());
    EXPECT_EQ(std::string(one.what()), "pipeline.toml:2:11: error: " + one.detail());
  }
}

TEST_F(ConfigTest, DuplicateTomlKeyIsASyntaxError) {
  const auto all = errors("[pipeline.p]\nworkers = 1\nworkers = 2\n");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_THAT(all[0], ::testing::StartsWith("pipeline.toml:3:"));
}

TEST_F(ConfigTest, EmptyConfigHasNoPipeline) {
  EXPECT_EQ(error(""), "pipeline.toml:1:1: error: no pipeline defined; add a [pipeline.<name>] table");
}

TEST_F(ConfigTest, HostOnlyConfigHasNoPipeline) {
  EXPECT_EQ(error("[host]\nstate = \"s.db\"\n"),
            "pipeline.toml:1:1: error: no pipeline defined; add a [pipeline.<name>] table");
}

TEST_F(ConfigTest, PipelineWithoutStagesNamesEachMissingKind) {
  // Enrichers are optional; the other three are not.
  EXPECT_THAT(
      errors("\n[pipeline.p]\nworkers = 1\n"),
      ElementsAre("pipeline.toml:2:1: error: pipeline 'p' has no source stage; add [[pipeline.p.source]]",
                  "pipeline.toml:2:1: error: pipeline 'p' has no parser stage; add [[pipeline.p.parser]]",
                  "pipeline.toml:2:1: error: pipeline 'p' has no sink stage; add [[pipeline.p.sink]]"));
}

TEST_F(ConfigTest, PipelineWithoutSinkOnly) {
  EXPECT_EQ(error(std::string(kSource) + kParser),
            "pipeline.toml:2:1: error: pipeline 'p' has no sink stage; add [[pipeline.p.sink]]");
}

TEST_F(ConfigTest, StagesMustBeArraysOfTables) {
  EXPECT_THAT(
      errors(std::string("[pipeline.p.source]\nplugin = \"feed\"\npath = \"x\"\n") + kParser + kSink),
      ::testing::Contains("pipeline.toml:1:1: error: pipeline stages are written [[pipeline.p.source]]"));
}

TEST_F(ConfigTest, PipelineMustBeATable) {
  EXPECT_EQ(error("pipeline = 3\n"), "pipeline.toml:1:12: error: pipelines are written [pipeline.<name>]");
}

TEST_F(ConfigTest, DuplicateStageNamesGetASuffix) {
  const auto c = load(std::string(kSource) + kSource + kSource + kParser + kSink);
  const auto& s = c.pipelines.at(0).sources;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].name, "feed");
  EXPECT_EQ(s[1].name, "feed_2");
  EXPECT_EQ(s[2].name, "feed_3");
}

TEST_F(ConfigTest, StageNamesAreUniqueAcrossKinds) {
  // A parser explicitly named like the source is renamed, not the source.
  const auto c =
      load(std::string(kSource) + "\n[[pipeline.p.parser]]\nplugin = \"text\"\nname = \"feed\"\n" + kSink);
  EXPECT_EQ(c.pipelines.at(0).sources.at(0).name, "feed");
  EXPECT_EQ(c.pipelines.at(0).parsers.at(0).name, "feed_2");
}

TEST_F(ConfigTest, ExplicitNamesAvoidTheSuffix) {
  const auto c =
      load(std::string(kSource) +
           "\n[[pipeline.p.source]]\nplugin = \"feed\"\nname = \"other\"\npath = \"x\"\n" + kParser + kSink);
  EXPECT_EQ(c.pipelines.at(0).sources.at(1).name, "other");
}

TEST_F(ConfigTest, ParserMatchIsAccepted) {
  const auto c =
      load(std::string(kSource) +
           "\n[[pipeline.p.parser]]\nplugin = \"text\"\nmatch = [\"*.txt\", \"text/plain\"]\n" + kSink);
  const auto& parser = c.pipelines.at(0).parsers.at(0);
  EXPECT_EQ(parser.match, (std::vector<std::string>{"*.txt", "text/plain"}));
  // `match` is the host's key, not a plugin option.
  EXPECT_FALSE(parser.options.has("match"));
}

TEST_F(ConfigTest, ParserMatchMustBeAList) {
  EXPECT_EQ(
      error(std::string(kSource) + "\n[[pipeline.p.parser]]\nplugin = \"text\"\nmatch = \"*.txt\"\n" + kSink),
      "pipeline.toml:8:9: error: match must be a list of strings, got a string");
}

TEST_F(ConfigTest, MatchIsUnknownOutsideParsers) {
  const auto e = error(with_source("path = \"in\"\nmatch = [\"*.txt\"]\n"));
  EXPECT_THAT(e, ::testing::StartsWith("pipeline.toml:4:1: error: unknown key 'match' in stage "
                                       "'feed' ([[pipeline.p.source]])"));
}

TEST_F(ConfigTest, ValidSchedules) {
  for (const char* s : {"once", "every 15m", "every 1h30m", "every 250ms", "cron */15 * * * *"}) {
    const auto c = load(pipeline_with(std::string("schedule = \"") + s + "\""));
    EXPECT_EQ(c.pipelines.at(0).schedule, s);
  }
}

TEST_F(ConfigTest, ScheduleWithBadIntervalIsRejected) {
  EXPECT_EQ(error(pipeline_with("schedule = \"every banana\"")),
            "pipeline.toml:2:12: error: schedule \"every banana\" is not \"once\", "
            "\"every <duration>\", a cron expression (\"*/15 * * * *\") or "
            "\"cron <expression>\"");
}

TEST_F(ConfigTest, ScheduleWordsAreRejected) {
  for (const char* s : {"hourly", "every", "every 0s", "Once", ""}) {
    const auto e = error(pipeline_with(std::string("schedule = \"") + s + "\""));
    EXPECT_EQ(e, std::string("pipeline.toml:2:12: error: schedule \"") + s +
                     "\" is not \"once\", \"every <duration>\", a cron expression (\"*/15 * * * *\") or "
                     "\"cron <expression>\"");
  }
}

TEST_F(ConfigTest, ScheduleMustBeAString) {
  EXPECT_EQ(error(pipeline_with("schedule = 15")),
            "pipeline.toml:2:12: error: schedule must be a string (\"once\", \"every 15m\", "
            "\"cron */15 * * * *\")");
}

TEST_F(ConfigTest, NumericMinimums) {
  EXPECT_EQ(error(pipeline_with("queue_capacity = 0")),
            "pipeline.toml:2:18: error: queue_capacity must be at least 1");
  EXPECT_EQ(error(pipeline_with("batch_size = 0")),
            "pipeline.toml:2:14: error: batch_size must be at least 1");
  EXPECT_EQ(error(pipeline_with("workers = -1")), "pipeline.toml:2:11: error: workers must be at least 0");
  EXPECT_EQ(error(pipeline_with("batch_size = 1.5")),
            "pipeline.toml:2:14: error: batch_size must be an integer, got a float");
}

TEST_F(ConfigTest, SeveralErrorsAreReportedInOnePass) {
  const std::string text = R"([host]
plugin_dir = ["x"]

[pipeline.p]
workers = "two"
schedule = "hourly"

[[pipeline.p.source]]
plugin = "feed"
pth = "in"
attempts = "many"

[[pipeline.p.parser]]
plugin = "txt"

[[pipeline.p.sink]]
plugin = "out"
path = 5
flush_every = "soon"
)";
  const auto all = errors(text);
  EXPECT_EQ(all.size(), 9u);
  EXPECT_THAT(all, ::testing::UnorderedElementsAre(
                       HasSubstr("pipeline.toml:2:1: error: unknown key 'plugin_dir'"),
                       HasSubstr("pipeline.toml:5:11: error: workers must be an integer"),
                       HasSubstr("pipeline.toml:6:12: error: schedule \"hourly\""),
                       HasSubstr("pipeline.toml:10:1: error: unknown key 'pth'"),
                       HasSubstr("pipeline.toml:11:12: error: option 'attempts' expects an integer"),
                       HasSubstr("pipeline.toml:8:1: error: stage 'feed' (plugin feed) is missing required "
                                 "option 'path'"),
                       HasSubstr("pipeline.toml:14:10: error: unknown plugin 'txt'; did you mean 'text'?"),
                       HasSubstr("pipeline.toml:18:8: error: option 'path' expects a string"),
                       HasSubstr("pipeline.toml:19:15: error: option 'flush_every' expects a duration")));
  // The misspelt parser is reported once: not again as "pipeline 'p' has no
  // parser stage", which the [[pipeline.p.parser]] written there belies.
  // The aggregate's what() is every line, one per line.
  try {
    load(text);
  } catch (const host::ConfigErrors& e) {
    const std::string what = e.what();
    EXPECT_EQ(std::count(what.begin(), what.end(), '\n'), 8);
  }
}

TEST_F(ConfigTest, ReadHostSettingsReadsOnlyTheHostTable) {
  ScopedEnv env("SLUICE_CFGTEST_DIR", "/opt/plugins");
  // The pipeline is invalid (unknown plugin) but read_host_settings runs
  // before plugins are loaded, so it must not look there.
  const auto host = host::read_host_settings(
      "[host]\nplugin_dirs = [\"${SLUICE_CFGTEST_DIR}\", "
      "\"${SLUICE_CFGTEST_NONE:-build/plugins}\"]\n"
      "state = \"var/sluice.db\"\n[[pipeline.p.source]]\nplugin = \"nope\"\n",
      "pipeline.toml");
  EXPECT_EQ(host.plugin_dirs, (std::vector<std::filesystem::path>{"/opt/plugins", "build/plugins"}));
  EXPECT_EQ(host.state, std::filesystem::path("var/sluice.db"));
}

TEST_F(ConfigTest, ReadHostSettingsWithoutHostTable) {
  const auto host = host::read_host_settings("[pipeline.p]\n", "pipeline.toml");
  EXPECT_TRUE(host.plugin_dirs.empty());
  EXPECT_TRUE(host.state.empty());
}

TEST_F(ConfigTest, ReadHostSettingsReportsTyposAndTypes) {
  try {
    host::read_host_settings("[host]\nplugin_dir = [\"x\"]\nstate = 1\nplugin_dirs = \"x\"\n",
                             "pipeline.toml");
    FAIL() << "accepted";
  } catch (const host::ConfigErrors& e) {
    std::vector<std::string> all;
    for (const auto& one : e.errors()) all.emplace_back(one.what());
    EXPECT_THAT(all, ::testing::UnorderedElementsAre(
                         "pipeline.toml:2:1: error: unknown key 'plugin_dir' in [host]; did you mean "
                         "'plugin_dirs'?",
                         "pipeline.toml:3:9: error: state must be a path string, got an integer",
                         "pipeline.toml:4:15: error: plugin_dirs must be a list of strings, got a string"));
  }
}

TEST_F(ConfigTest, ReadHostSettingsReportsSyntaxErrorsWithPosition) {
  try {
    host::read_host_settings("[host]\nstate = \"unterminated\n", "pipeline.toml");
    FAIL() << "accepted";
  } catch (const host::ConfigErrors& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].where().line, 2u);
  }
}

}  // namespace
}  // namespace sluice::config_test

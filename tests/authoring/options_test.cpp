// make_options() and sample_options(): option values exactly as the host's
// config validator produces them, without writing TOML.
#include "sluice/sdk/testing/options.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include "sluice/host/config.hpp"
#include "test_stages.hpp"
#include "test_support.hpp"

namespace {

using sluice::sdk::List;
using sluice::sdk::Map;
using sluice::sdk::Value;
using sluice::sdk::testing::make_options;
using sluice::sdk::testing::OptionsError;
using sluice::sdk::testing::sample_options;
using ::testing::HasSubstr;

const sluice_plugin_descriptor& probe() { return *sluice::plugins::probe::descriptor(); }

// The problems an OptionsError lists, or a failure when nothing was thrown.
std::vector<std::string> problems(const Map& overrides) {
  try {
    make_options(probe(), overrides);
  } catch (const OptionsError& e) {
    return e.problems();
  }
  ADD_FAILURE() << "no OptionsError";
  return {};
}

TEST(MakeOptions, FillsEveryDeclaredDefaultConverted) {
  const auto o = make_options(probe(), {{"target", "out"}});
  EXPECT_EQ(o.string("label"), "probe");
  EXPECT_EQ(o.integer("count"), 3);
  EXPECT_DOUBLE_EQ(o.number("ratio"), 0.5);
  EXPECT_FALSE(o.boolean("verbose"));
  EXPECT_EQ(o.duration("wait"), std::chrono::seconds(5));
  EXPECT_EQ(o.size("limit"), 64u * 1024);
  EXPECT_EQ(o.strings("tags"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(o.value("extra"), Value(Map{}));
  EXPECT_EQ(o.string("target"), "out");
  EXPECT_EQ(o.all().size(), probe().option_count);
}

TEST(MakeOptions, ConvertsOverridesLikeTheConfigFile) {
  const auto o = make_options(probe(), {{"target", "x"},
                                        {"wait", "1m30s"},
                                        {"limit", "10MB"},
                                        {"ratio", 2},
                                        {"tags", List{"c", "d"}},
                                        {"extra", Map{{"depth", 2}, {"name", "n"}}}});
  EXPECT_EQ(o.integer("wait"), 90'000);
  EXPECT_EQ(o.size("limit"), 10'000'000u);
  EXPECT_TRUE(o.value("ratio").is_double());  // an int for a float option arrives as a float
  EXPECT_EQ(o.strings("tags"), (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(o.value("extra"), Value(Map{{"depth", 2}, {"name", "n"}}));
  // Integers stand for milliseconds and bytes, as in TOML.
  EXPECT_EQ(make_options(probe(), {{"target", "x"}, {"wait", 250}}).integer("wait"), 250);
}

TEST(MakeOptions, EqualsWhatTheHostBuildsFromTheSameToml) {
  sluice::host::PluginRegistry registry;
  registry.register_builtin(&probe());
  registry.register_builtin(sluice::plugins::script_source::descriptor());
  registry.register_builtin(sluice::plugins::script_parser::descriptor());
  registry.register_builtin(sluice::plugins::script_sink::descriptor());
  const auto config = sluice::host::load_config(R"(
    [pipeline.p]
    [[pipeline.p.source]]
    plugin = "script_source"
    [[pipeline.p.parser]]
    plugin = "script_parser"
    [[pipeline.p.enrich]]
    plugin = "probe"
    target = "t"
    wait = "2h"
    limit = "1.5KiB"
    tags = ["x"]
    extra = { a = [1, 2], b = { c = true } }
    [[pipeline.p.sink]]
    plugin = "script_sink"
  )",
                                                "p.toml", registry);
  const auto& from_host = config.pipelines.at(0).enrichers.at(0).options;
  const auto from_harness =
      make_options(probe(), {{"target", "t"},
                             {"wait", "2h"},
                             {"limit", "1.5KiB"},
                             {"tags", List{"x"}},
                             {"extra", Map{{"a", List{1, 2}}, {"b", Map{{"c", true}}}}}});
  EXPECT_EQ(from_harness.all(), from_host.all());
}

TEST(MakeOptions, FloatsRoundTripExactly) {
  for (const double d : {0.1, -2.5e-300, 1e300, 123456789.123456789}) {
    const auto o = make_options(probe(), {{"target", "x"}, {"ratio", d}});
    EXPECT_EQ(o.number("ratio"), d);
  }
}

TEST(MakeOptions, StringsKeepEveryCharacter) {
  const std::string odd = "quote \" backslash \\ tab \t newline \n bell \x07 unicode \xC3\xA9";
  EXPECT_EQ(make_options(probe(), {{"target", odd}}).string("target"), odd);
}

TEST(MakeOptions, RefusesWhatTheHostRefuses) {
  EXPECT_THAT(problems({}), ::testing::ElementsAre(HasSubstr("missing required option 'target'")));
  EXPECT_THAT(problems({{"target", "x"}, {"cuont", 1}}),
              ::testing::ElementsAre(HasSubstr("unknown key 'cuont' in stage 'probe'")));
  EXPECT_THAT(problems({{"target", "x"}, {"cuont", 1}}).front(), HasSubstr("did you mean 'count'?"));
  EXPECT_THAT(problems({{"target", "x"}, {"wait", "soon"}}).front(),
              HasSubstr("option 'wait' expects a duration"));
  EXPECT_THAT(problems({{"target", 5}}).front(),
              HasSubstr("option 'target' expects a string, got an integer"));
}

TEST(MakeOptions, RefusesNullAndHostKeys) {
  EXPECT_THAT(problems({{"target", "x"}, {"label", Value()}}).front(),
              HasSubstr("null cannot be written in TOML"));
  EXPECT_THAT(problems({{"target", "x"}, {"name", "other"}}).front(),
              HasSubstr("'name' is a key the host reads in every stage block, not an option of probe"));
}

class SampleOptions : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    const auto path = dir_ / "sample.toml";
    sluice::testing::write_file(path, text);
    return path;
  }
  sluice::testing::TempDir dir_;
};

TEST_F(SampleOptions, ReadsTheStageBlockAlone) {
  ::setenv("SLUICE_AUTHORING_TEST_TARGET", "from-env", 1);
  const auto o = sample_options(probe(), write("[[pipeline.example.enrich]]\n"
                                               "plugin = \"probe\"\n"
                                               "target = \"${SLUICE_AUTHORING_TEST_TARGET}\"\n"
                                               "wait = \"10s\"\n"));
  EXPECT_EQ(o.string("target"), "from-env");
  EXPECT_EQ(o.integer("wait"), 10'000);
  EXPECT_EQ(o.integer("count"), 3);  // defaults still apply
}

TEST_F(SampleOptions, ReportsProblemsWithTheirPosition) {
  const auto path =
      write("[[pipeline.example.enrich]]\nplugin = \"probe\"\ntarget = \"t\"\ncount = \"many\"\n");
  try {
    sample_options(probe(), path);
    FAIL() << "no OptionsError";
  } catch (const OptionsError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path.string() + ":4:9: error: option 'count' expects an integer"));
  }
}

TEST_F(SampleOptions, NeedsAStageOfThePlugin) {
  try {
    sample_options(probe(), write("[pipeline.example]\n"));
    FAIL() << "no OptionsError";
  } catch (const OptionsError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no stage uses plugin 'probe'"));
  }
  EXPECT_THROW(sample_options(probe(), dir_ / "missing.toml"), OptionsError);
}

}  // namespace

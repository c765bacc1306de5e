// ${VAR} and ${VAR:-default} in config strings, wherever strings appear.
// Variable names carry a test prefix so the real environment cannot leak in.
#include "config_fixture.hpp"

namespace sluice::config_test {
namespace {

const sdk::Options& feed_options(const host::Config& c) { return c.pipelines.at(0).sources.at(0).options; }

TEST_F(ConfigTest, EnvVariableIsSubstituted) {
  ScopedEnv env("SLUICE_CFGTEST_ROOT", "/data");
  const auto c = load(with_source("path = \"${SLUICE_CFGTEST_ROOT}/in\"\n"));
  EXPECT_EQ(feed_options(c).string("path"), "/data/in");
}

TEST_F(ConfigTest, SetVariableWinsOverDefault) {
  ScopedEnv env("SLUICE_CFGTEST_ROOT", "/data");
  const auto c = load(with_source("path = \"${SLUICE_CFGTEST_ROOT:-/fallback}\"\n"));
  EXPECT_EQ(feed_options(c).string("path"), "/data");
}

TEST_F(ConfigTest, UnsetVariableTakesDefault) {
  ScopedEnv env("SLUICE_CFGTEST_ROOT", std::nullopt);
  const auto c = load(with_source("path = \"${SLUICE_CFGTEST_ROOT:-seeds}/x\"\n"));
  EXPECT_EQ(feed_options(c).string("path"), "seeds/x");
}

TEST_F(ConfigTest, EmptyVariableTakesDefaultLikeTheShell) {
  ScopedEnv env("SLUICE_CFGTEST_ROOT", "");
  const auto c = load(with_source("path = \"${SLUICE_CFGTEST_ROOT:-seeds}\"\n"));
  EXPECT_EQ(feed_options(c).string("path"), "seeds");
}

TEST_F(ConfigTest, UnsetVariableWithoutDefaultIsAnErrorAtTheValue) {
  ScopedEnv env("SLUICE_CFGTEST_UNSET", std::nullopt);
  EXPECT_EQ(error(with_source("path = \"${SLUICE_CFGTEST_UNSET}/in\"\n")),
            "pipeline.toml:3:8: error: environment variable SLUICE_CFGTEST_UNSET is not set "
            "(write ${SLUICE_CFGTEST_UNSET:-default} to give a fallback)");
}

TEST_F(ConfigTest, UnterminatedReferenceIsAnError) {
  EXPECT_EQ(error(with_source("path = \"${SLUICE_CFGTEST_ROOT\"\n")),
            "pipeline.toml:3:8: error: unterminated ${ in \"${SLUICE_CFGTEST_ROOT\"");
}

TEST_F(ConfigTest, DoubleDollarIsALiteralDollar) {
  ScopedEnv env("SLUICE_CFGTEST_ROOT", "/data");
  const auto c = load(with_source("path = \"cost$$5/$${SLUICE_CFGTEST_ROOT}/a$b\"\n"));
  // $$ escapes, so ${...} after it is not expanded; a lone $ stays as is.
  EXPECT_EQ(feed_options(c).string("path"), "cost$5/${SLUICE_CFGTEST_ROOT}/a$b");
}

TEST_F(ConfigTest, SubstitutionInsideLists) {
  ScopedEnv env("SLUICE_CFGTEST_EXT", "md");
  const auto c =
      load(with_source("path = \"in\"\ninclude = [\"*.${SLUICE_CFGTEST_EXT}\", "
                       "\"${SLUICE_CFGTEST_NONE:-*.txt}\"]\n"));
  EXPECT_EQ(feed_options(c).strings("include"), (std::vector<std::string>{"*.md", "*.txt"}));
}

TEST_F(ConfigTest, UnsetVariableInListPointsAtTheElement) {
  ScopedEnv env("SLUICE_CFGTEST_UNSET", std::nullopt);
  // `include = ["a", "${...}"]`: the second element starts at column 17.
  EXPECT_EQ(error(with_source("path = \"in\"\ninclude = [\"a\", \"${SLUICE_CFGTEST_UNSET}\"]\n")),
            "pipeline.toml:4:17: error: environment variable SLUICE_CFGTEST_UNSET is not set "
            "(write ${SLUICE_CFGTEST_UNSET:-default} to give a fallback)");
}

TEST_F(ConfigTest, SubstitutionInsideTables) {
  ScopedEnv env("SLUICE_CFGTEST_TOKEN", "s3cret");
  const auto c =
      load(with_source("path = \"in\"\n"
                       "headers = { auth = \"Bearer ${SLUICE_CFGTEST_TOKEN}\", "
                       "deep = { v = [\"${SLUICE_CFGTEST_TOKEN}\"] } }\n"));
  const auto& headers = feed_options(c).value("headers");
  EXPECT_EQ(headers.find("auth")->as_string(), "Bearer s3cret");
  EXPECT_EQ(headers.find("deep")->find("v")->as_list().at(0).as_string(), "s3cret");
}

TEST_F(ConfigTest, UnsetVariableInTablePointsAtTheString) {
  ScopedEnv env("SLUICE_CFGTEST_UNSET", std::nullopt);
  // `headers = { auth = "${...}" }`: the string starts at column 20.
  EXPECT_EQ(error(with_source("path = \"in\"\nheaders = { auth = \"${SLUICE_CFGTEST_UNSET}\" }\n")),
            "pipeline.toml:4:20: error: environment variable SLUICE_CFGTEST_UNSET is not set "
            "(write ${SLUICE_CFGTEST_UNSET:-default} to give a fallback)");
}

TEST_F(ConfigTest, SubstitutedStringMayStandInForWorkers) {
  ScopedEnv env("SLUICE_CFGTEST_W", std::nullopt);
  const auto c =
      load(std::string("[pipeline.p]\nworkers = \"${SLUICE_CFGTEST_W:-3}\"\n") + kSource + kParser + kSink);
  EXPECT_EQ(c.pipelines.at(0).workers, 3u);
}

TEST_F(ConfigTest, SetVariableStandsInForWorkers) {
  ScopedEnv env("SLUICE_CFGTEST_W", "5");
  const auto c =
      load(std::string("[pipeline.p]\nworkers = \"${SLUICE_CFGTEST_W:-3}\"\n") + kSource + kParser + kSink);
  EXPECT_EQ(c.pipelines.at(0).workers, 5u);
}

TEST_F(ConfigTest, LiteralStringForWorkersIsATypeError) {
  EXPECT_EQ(error(std::string("[pipeline.p]\nworkers = \"3\"\n") + kSource + kParser + kSink),
            "pipeline.toml:2:11: error: workers must be an integer, got a string");
}

TEST_F(ConfigTest, SubstitutedNonNumberForWorkersIsATypeError) {
  ScopedEnv env("SLUICE_CFGTEST_W", "many");
  EXPECT_EQ(
      error(std::string("[pipeline.p]\nworkers = \"${SLUICE_CFGTEST_W}\"\n") + kSource + kParser + kSink),
      "pipeline.toml:2:11: error: workers must be an integer, got \"many\", the value of "
      "\"${SLUICE_CFGTEST_W}\" from the environment");
}

TEST_F(ConfigTest, SubstitutedStringMayStandInForIntAndBoolOptions) {
  ScopedEnv env("SLUICE_CFGTEST_V", "true");
  const auto c =
      load(with_source("path = \"in\"\n"
                       "attempts = \"${SLUICE_CFGTEST_NONE:-7}\"\n"
                       "verbose = \"${SLUICE_CFGTEST_V}\"\n"));
  EXPECT_EQ(feed_options(c).integer("attempts"), 7);
  EXPECT_TRUE(feed_options(c).boolean("verbose"));
}

TEST_F(ConfigTest, SubstitutedStringMayStandInForDurationAndSize) {
  const auto c =
      load(with_source("path = \"in\"\ntimeout = \"${SLUICE_CFGTEST_NONE:-2s}\"\n"
                       "buffer = \"${SLUICE_CFGTEST_NONE:-2KiB}\"\n"));
  EXPECT_EQ(feed_options(c).integer("timeout"), 2000);
  EXPECT_EQ(feed_options(c).integer("buffer"), 2048);
}

// DESIGN.md: options are "${VAR}-substituted"; int and bool options take a
// substituted string, so a float option should too (e.g. a sampling ratio
// set per environment).
TEST_F(ConfigTest, SubstitutedStringMayStandInForFloatOption) {
  const auto c = load(with_source("path = \"in\"\nratio = \"${SLUICE_CFGTEST_NONE:-0.75}\"\n"));
  EXPECT_DOUBLE_EQ(feed_options(c).number("ratio"), 0.75);
}

TEST_F(ConfigTest, PluginNameMayComeFromTheEnvironment) {
  const auto c = load("[[pipeline.p.source]]\nplugin = \"${SLUICE_CFGTEST_NONE:-feed}\"\npath = \"in\"\n" +
                      std::string(kParser) + kSink);
  EXPECT_EQ(c.pipelines.at(0).sources.at(0).plugin->name(), "feed");
}

}  // namespace
}  // namespace sluice::config_test

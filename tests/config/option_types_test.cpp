// Each option type accepts its TOML forms, converts them to what the plugin
// receives (ms, bytes, string lists, value trees), and rejects the others at
// the value's position.
#include "config_fixture.hpp"

namespace sluice::config_test {
namespace {

// Lines 3 (path) and 4 (the option under test) of the feed source.
std::string feed_with(const std::string& line) {
  return with_source("path = \"in\"\n" + line + "\n");
}

const sdk::Options& feed_options(const host::Config& c) {
  return c.pipelines.at(0).sources.at(0).options;
}

TEST_F(ConfigTest, StringGivenIntegerIsATypeError) {
  EXPECT_EQ(error(with_source("path = 42\n")),
            "pipeline.toml:3:8: error: option 'path' expects a string, got an integer");
}

TEST_F(ConfigTest, IntGivenStringIsATypeError) {
  EXPECT_EQ(error(feed_with("attempts = \"three\"")),
            "pipeline.toml:4:12: error: option 'attempts' expects an integer, got a string");
}

TEST_F(ConfigTest, IntGivenNumericStringIsStillATypeError) {
  // Quoting a number is a mistake worth reporting; only ${...} may stand in.
  EXPECT_EQ(error(feed_with("attempts = \"3\"")),
            "pipeline.toml:4:12: error: option 'attempts' expects an integer, got a string");
}

TEST_F(ConfigTest, IntGivenFloatIsATypeError) {
  EXPECT_EQ(error(feed_with("attempts = 2.5")),
            "pipeline.toml:4:12: error: option 'attempts' expects an integer, got a float");
}

TEST_F(ConfigTest, FloatGivenStringIsATypeError) {
  EXPECT_EQ(error(feed_with("ratio = \"half\"")),
            "pipeline.toml:4:9: error: option 'ratio' expects a number, got a string");
}

TEST_F(ConfigTest, FloatAcceptsAnIntegerAsDouble) {
  const auto c = load(feed_with("ratio = 1"));
  EXPECT_TRUE(feed_options(c).value("ratio").is_double());
  EXPECT_DOUBLE_EQ(feed_options(c).number("ratio"), 1.0);
}

TEST_F(ConfigTest, BoolGivenYesIsATypeError) {
  EXPECT_EQ(error(feed_with("verbose = \"yes\"")),
            "pipeline.toml:4:11: error: option 'verbose' expects true or false, got a string");
}

TEST_F(ConfigTest, BoolGivenIntegerIsATypeError) {
  EXPECT_EQ(error(feed_with("verbose = 1")),
            "pipeline.toml:4:11: error: option 'verbose' expects true or false, got an integer");
}

TEST_F(ConfigTest, DurationWithUnknownUnitQuotesTheValue) {
  EXPECT_EQ(
      error(feed_with("timeout = \"5 parsecs\"")),
      "pipeline.toml:4:11: error: option 'timeout' expects a duration like \"250ms\", \"30s\", "
      "\"5m\" or integer milliseconds, got \"5 parsecs\"");
}

TEST_F(ConfigTest, DurationGivenBooleanIsATypeError) {
  EXPECT_EQ(
      error(feed_with("timeout = true")),
      "pipeline.toml:4:11: error: option 'timeout' expects a duration like \"250ms\", \"30s\", "
      "\"5m\" or integer milliseconds, got a boolean");
}

TEST_F(ConfigTest, DurationRejectsNegativeMilliseconds) {
  const auto e = error(feed_with("timeout = -5"));
  EXPECT_THAT(
      e, ::testing::StartsWith("pipeline.toml:4:11: error: option 'timeout' expects a duration"));
}

TEST_F(ConfigTest, SizeWithUnknownUnitQuotesTheValue) {
  EXPECT_EQ(error(feed_with("buffer = \"64 furlongs\"")),
            "pipeline.toml:4:10: error: option 'buffer' expects a size like \"64KiB\", \"10MB\" or "
            "integer bytes, got \"64 furlongs\"");
}

TEST_F(ConfigTest, ListGivenStringIsATypeError) {
  EXPECT_EQ(error(feed_with("include = \"*.txt\"")),
            "pipeline.toml:4:11: error: option 'include' must be a list of strings, got a string");
}

TEST_F(ConfigTest, ListWithNonStringElementPointsAtTheElement) {
  // `include = ["*.txt", 7]`: the 7 is at column 21.
  EXPECT_EQ(error(feed_with("include = [\"*.txt\", 7]")),
            "pipeline.toml:4:21: error: option 'include' must hold strings only, got an integer");
}

TEST_F(ConfigTest, ListReportsEveryBadElement) {
  // Elements on their own lines: each keeps its own position.
  EXPECT_THAT(
      errors(feed_with("include = [\n  true,\n  \"*.md\",\n  [\"nested\"],\n]")),
      ::testing::ElementsAre(
          "pipeline.toml:5:3: error: option 'include' must hold strings only, got a boolean",
          "pipeline.toml:7:3: error: option 'include' must hold strings only, got an array"));
}

TEST_F(ConfigTest, TableGivenStringIsATypeError) {
  EXPECT_EQ(error(feed_with("headers = \"accept: */*\"")),
            "pipeline.toml:4:11: error: option 'headers' expects a table, got a string");
}

TEST_F(ConfigTest, EveryTypeConvertsToWhatThePluginReceives) {
  const auto c = load(with_source(R"(path = "in"
attempts = 5
ratio = 0.5
verbose = true
timeout = "1h30m"
buffer = "1MiB"
include = ["*.txt", "*.html"]
headers = { user_agent = "sluice", retry = { max = 2 }, tags = ["a", 1] }
since = "2024-01-01"
)"));
  const auto& o = feed_options(c);
  EXPECT_EQ(o.string("path"), "in");
  EXPECT_EQ(o.integer("attempts"), 5);
  EXPECT_DOUBLE_EQ(o.number("ratio"), 0.5);
  EXPECT_TRUE(o.boolean("verbose"));
  EXPECT_EQ(o.duration("timeout"), std::chrono::minutes(90));
  EXPECT_EQ(o.size("buffer"), 1024u * 1024u);
  EXPECT_EQ(o.strings("include"), (std::vector<std::string>{"*.txt", "*.html"}));
  const auto& headers = o.value("headers");
  ASSERT_TRUE(headers.is_map());
  EXPECT_EQ(headers.find("user_agent")->as_string(), "sluice");
  EXPECT_EQ(headers.find("retry")->find("max")->as_int(), 2);
  // A table is free-form: its lists may mix types.
  EXPECT_EQ(headers.find("tags")->as_list(), (sdk::List{sdk::Value("a"), sdk::Value(1)}));
  EXPECT_EQ(o.string("since"), "2024-01-01");
}

TEST_F(ConfigTest, DurationAndSizeAcceptPlainIntegers) {
  const auto c = load(feed_with("timeout = 1500\nbuffer = 4096"));
  EXPECT_EQ(feed_options(c).integer("timeout"), 1500);
  EXPECT_EQ(feed_options(c).integer("buffer"), 4096);
}

TEST_F(ConfigTest, TableKeepsDatesAsTheirTomlText) {
  // Dates have no Value alternative; the plugin receives the TOML text.
  const auto c = load(feed_with("headers = { since = 2024-01-31 }"));
  EXPECT_EQ(feed_options(c).value("headers").find("since")->as_string(), "2024-01-31");
}

}  // namespace
}  // namespace sluice::config_test

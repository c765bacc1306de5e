// TOML syntax errors point where the author has to look, in words the author
// can act on, and an unreadable config file says why.
#include <cstdio>
#include <filesystem>

#include "config_fixture.hpp"

namespace sluice::config_test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST_F(ConfigTest, UnclosedArrayIsReportedWhereItOpens) {
  // The array opens on line 3; toml++ only notices on line 6, at `c = 3`.
  const std::string text =
      "[pipeline.p]\n"
      "workers = 1\n"
      "include = [\"a\",\n"
      "  \"b\"\n"
      "\n"
      "batch_size = 3\n";
  const auto e = error(text);
  EXPECT_THAT(e, StartsWith("pipeline.toml:3:11: error: this array is not closed: a ',' or ']' is missing "
                            "before line 6"));
  EXPECT_THAT(e, HasSubstr("(the TOML parser stopped at 6:1:"));
}

TEST_F(ConfigTest, UnclosedArrayOnOneLine) {
  const auto e = error("[pipeline.p]\ninclude = [\"a\", \"b\"\nworkers = 2\n");
  EXPECT_THAT(e, StartsWith("pipeline.toml:2:11: error: this array is not closed"));
}

TEST_F(ConfigTest, BareWordValueAsksForQuotes) {
  // toml++ reads `in` as the start of `inf` and says "expected 'inf'".
  const auto e = error("[[pipeline.p.source]]\nplugin = \"feed\"\npath = in\n");
  EXPECT_THAT(e, StartsWith("pipeline.toml:3:8: error: the value of 'path' is not valid TOML; a string needs "
                            "quotes: path = \"in\""));
  EXPECT_THAT(
      error("[pipeline.p]\nschedule = hourly\n"),
      StartsWith("pipeline.toml:2:12: error: the value of 'schedule' is not valid TOML; a string needs "
                 "quotes: schedule = \"hourly\""));
  EXPECT_THAT(error("[pipeline.p]\nsink = out/x.jsonl # where\n"), HasSubstr("sink = \"out/x.jsonl\""));
}

TEST_F(ConfigTest, MisspeltBooleanIsNotCalledAString) {
  // `tru` is a typo for true, but quoting it is what makes it valid TOML;
  // the message shows both what was written and the parser's own words.
  const auto e = error("[pipeline.p]\ncatch_up = tru\n");
  EXPECT_THAT(e, StartsWith("pipeline.toml:2:12: error: the value of 'catch_up'"));
  EXPECT_THAT(e, HasSubstr("expected 'true'"));
}

TEST_F(ConfigTest, UnclosedStringSaysSo) {
  const auto e = error("[[pipeline.p.source]]\nplugin = \"feed\"\npath = \"in\n");
  EXPECT_THAT(e, StartsWith("pipeline.toml:3:8: error: the string of 'path' is not closed on its line"));
}

TEST_F(ConfigTest, OtherSyntaxErrorsKeepTheParserWords) {
  const auto e = error("[pipeline.p]\nworkers = = 2\n");
  EXPECT_THAT(e, StartsWith("pipeline.toml:2:11: error: "));
  EXPECT_THAT(e, ::testing::Not(HasSubstr("needs quotes")));
}

TEST(ConfigFileRead, MissingFileSaysNoSuchFile) {
  try {
    host::read_text_file("/nonexistent-dir-for-sluice-test/x.toml");
    FAIL() << "read a file that does not exist";
  } catch (const host::ConfigError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        "/nonexistent-dir-for-sluice-test/x.toml: error: cannot read config file: No such file or directory");
  }
}

TEST(ConfigFileRead, DirectorySaysItIsADirectory) {
  const auto dir = std::filesystem::temp_directory_path();
  try {
    host::read_text_file(dir);
    FAIL() << "read a directory as a config";
  } catch (const host::ConfigError& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("cannot read config file: it is a directory"));
  }
}

}  // namespace
}  // namespace sluice::config_test

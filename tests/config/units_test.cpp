// parse_duration_ms and parse_size_bytes: the unit grammar behind duration
// and size options and `every <duration>` schedules.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "sluice/host/options_schema.hpp"

namespace sluice::config_test {
namespace {

std::optional<std::int64_t> duration(const std::string& text) {
  std::int64_t ms = -1;
  if (!host::parse_duration_ms(text, ms)) return std::nullopt;
  return ms;
}

std::optional<std::int64_t> size(const std::string& text) {
  std::int64_t bytes = -1;
  if (!host::parse_size_bytes(text, bytes)) return std::nullopt;
  return bytes;
}

TEST(ParseDuration, SingleUnits) {
  EXPECT_EQ(duration("250ms"), 250);
  EXPECT_EQ(duration("15s"), 15'000);
  EXPECT_EQ(duration("2m"), 120'000);
  EXPECT_EQ(duration("1h"), 3'600'000);
  EXPECT_EQ(duration("1d"), 86'400'000);
  EXPECT_EQ(duration("0s"), 0);
}

TEST(ParseDuration, CompoundAndFractional) {
  EXPECT_EQ(duration("1h30m"), 5'400'000);
  EXPECT_EQ(duration("1m30s500ms"), 90'500);
  EXPECT_EQ(duration("1.5s"), 1'500);
  EXPECT_EQ(duration("0.5ms"), 1);  // rounded to the nearest millisecond
}

TEST(ParseDuration, RejectsMalformed) {
  for (const char* bad : {"", "5", "s", "5 s", " 5s", "5s ", "5x", "5 parsecs", "5S", "-5s", "1h30",
                          "1..5s", ".", "ms", "5ms!", "1,5s"}) {
    EXPECT_EQ(duration(bad), std::nullopt) << '"' << bad << '"';
  }
}

// A duration too large for int64 milliseconds must be refused, not wrapped
// (today the double is cast to int64, which is undefined and in practice
// yields a negative timeout).
TEST(ParseDuration, RejectsValuesThatOverflow) {
  EXPECT_EQ(duration("99999999999999999999d"), std::nullopt);
  EXPECT_EQ(duration("200000000000000000000ms"), std::nullopt);
}

TEST(ParseSize, UnitsDecimalAndBinary) {
  EXPECT_EQ(size("512"), 512);
  EXPECT_EQ(size("512B"), 512);
  EXPECT_EQ(size("64KiB"), 65'536);
  EXPECT_EQ(size("2kB"), 2'000);
  EXPECT_EQ(size("2KB"), 2'000);
  EXPECT_EQ(size("10MB"), 10'000'000);
  EXPECT_EQ(size("1MiB"), 1'048'576);
  EXPECT_EQ(size("3GB"), 3'000'000'000);
  EXPECT_EQ(size("1TiB"), 1'099'511'627'776);
}

TEST(ParseSize, FractionsAndASpaceBeforeTheUnit) {
  EXPECT_EQ(size("1.5 GiB"), 1'610'612'736);
  EXPECT_EQ(size("0.5KiB"), 512);
  EXPECT_EQ(size("10 MB"), 10'000'000);
}

TEST(ParseSize, RejectsMalformed) {
  for (const char* bad : {"", "KiB", "64 furlongs", "64kib", "64mb", "-1KiB", "1.5.2MB", "64KiB ",
                          " 64KiB", "64 K", "0x10", "."}) {
    EXPECT_EQ(size(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(ParseSize, RejectsValuesThatOverflow) { EXPECT_EQ(size("99999999999TiB"), std::nullopt); }

}  // namespace
}  // namespace sluice::config_test

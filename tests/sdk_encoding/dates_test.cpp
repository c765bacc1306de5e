// sluice/sdk/text.hpp normalize_date(): the date forms feeds and article
// metadata use, to ISO 8601 in UTC.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "sluice/sdk/text.hpp"

namespace sluice::sdk::text {
namespace {

std::string norm(const char* s) { return normalize_date(s).value_or("<none>"); }

TEST(NormalizeDate, Rfc3339) {
  EXPECT_EQ(norm("2023-07-29"), "2023-07-29");
  EXPECT_EQ(norm("2023-07-29T10:15:00Z"), "2023-07-29T10:15:00Z");
  EXPECT_EQ(norm("2023-07-29T10:15:00.123+02:00"), "2023-07-29T08:15:00Z");
  EXPECT_EQ(norm("2023-07-29 23:30:00-0500"), "2023-07-30T04:30:00Z");
  EXPECT_EQ(norm("2023-07-29t10:15Z"), "2023-07-29T10:15:00Z");
  EXPECT_EQ(norm("2023-07-29T10:15:00"), "2023-07-29T10:15:00Z");  // no zone: taken as UTC
  EXPECT_EQ(norm("20230729T101500Z"), "2023-07-29T10:15:00Z");
  EXPECT_EQ(norm("  2003-12-13T18:30:02+01:00\n"), "2003-12-13T17:30:02Z");
}

TEST(NormalizeDate, Rfc822) {
  EXPECT_EQ(norm("Sat, 29 Jul 2023 10:15:00 GMT"), "2023-07-29T10:15:00Z");
  EXPECT_EQ(norm("Tue, 10 Jun 2003 04:00:00 +0000"), "2003-06-10T04:00:00Z");
  EXPECT_EQ(norm("Tue, 10 Jun 2003 04:00:00 EDT"), "2003-06-10T08:00:00Z");
  EXPECT_EQ(norm("1 Jan 2024 00:30 +0100"), "2023-12-31T23:30:00Z");
  EXPECT_EQ(norm("Wednesday, 02 October 2002 13:00:00 PST"), "2002-10-02T21:00:00Z");
  EXPECT_EQ(norm("29 Jul 23 10:15:00 Z"), "2023-07-29T10:15:00Z");
  EXPECT_EQ(norm("29 Jul 99 10:15:00 UT"), "1999-07-29T10:15:00Z");
  EXPECT_EQ(norm("Sat,29 Jul 2023 10:15:00 +0000 (UTC)"), "2023-07-29T10:15:00Z");
  EXPECT_EQ(norm("29 Jul 2023"), "2023-07-29");
  EXPECT_EQ(norm("29-Jul-2023 10:15"), "2023-07-29T10:15:00Z");
}

TEST(NormalizeDate, UnixSeconds) { EXPECT_EQ(norm("1690625700"), "2023-07-29T10:15:00Z"); }

TEST(NormalizeDate, RejectsImpossibleOrUnknown) {
  EXPECT_EQ(norm("2023-02-30"), "<none>");
  EXPECT_EQ(norm("2023-13-01T00:00:00Z"), "<none>");
  EXPECT_EQ(norm("2023-07-29T25:00:00Z"), "<none>");
  EXPECT_EQ(norm("31 Foo 2023"), "<none>");
  EXPECT_EQ(norm("yesterday"), "<none>");
  EXPECT_EQ(norm("2023-07-29T10:15:00Z trailing"), "<none>");
  EXPECT_EQ(norm("Sat, 29 Jul 2023 10:15:00 +9999"), "<none>");
  EXPECT_EQ(norm(""), "<none>");
}

}  // namespace
}  // namespace sluice::sdk::text

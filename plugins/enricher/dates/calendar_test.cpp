// Calendar helpers: ISO weeks near year ends, weekday arithmetic.
#include "calendar.hpp"

#include <gtest/gtest.h>

namespace sluice::plugins::dates {
namespace {

using namespace std::chrono;

TEST(Calendar, IsoWeeks) {
  EXPECT_EQ(iso_week(2023y / July / 29), "2023-W30");  // a Saturday
  EXPECT_EQ(iso_week(2023y / July / 24), "2023-W30");  // its Monday
  EXPECT_EQ(iso_week(2023y / July / 30), "2023-W30");  // its Sunday
  EXPECT_EQ(iso_week(2021y / January / 1), "2020-W53");
  EXPECT_EQ(iso_week(2024y / December / 30), "2025-W01");
}

TEST(Calendar, WeekdaysAndShifts) {
  const Date sat = 2023y / July / 29;
  EXPECT_EQ(iso_day(previous_weekday(sat, Monday, false)), "2023-07-24");
  EXPECT_EQ(iso_day(previous_weekday(sat, Saturday, false)), "2023-07-29");
  EXPECT_EQ(iso_day(previous_weekday(sat, Saturday, true)), "2023-07-22");
  EXPECT_EQ(iso_day(next_weekday(sat, Monday)), "2023-07-31");
  EXPECT_EQ(iso_day(add_days(2024y / March / 1, -1)), "2024-02-29");
  EXPECT_EQ(iso_month(add_months(2023y / January, -1)), "2022-12");
}

TEST(Calendar, ParsesTheDatePartOfIsoValues) {
  EXPECT_EQ(iso_day(*parse_iso_day("2023-07-29T10:00:00Z")), "2023-07-29");
  EXPECT_FALSE(parse_iso_day("2023-02-30"));
  EXPECT_FALSE(parse_iso_day("29 July 2023"));
  EXPECT_FALSE(parse_iso_day(""));
}

}  // namespace
}  // namespace sluice::plugins::dates

// The 5-field cron grammar: values, ranges, steps, lists, names, and the
// errors for everything else.
#include "config/cron_parser.hpp"

#include <gtest/gtest.h>

namespace sluice::serve_test {
namespace {

using host::schedule::parse_cron;

template <std::size_t N>
std::vector<int> values(const std::bitset<N>& bits) {
  std::vector<int> out;
  for (std::size_t i = 0; i < N; ++i)
    if (bits[i]) out.push_back(static_cast<int>(i));
  return out;
}

host::CronSpec spec(const char* text) {
  const auto p = parse_cron(text);
  EXPECT_EQ(p.error, "") << text;
  return p.spec;
}

std::string error(const char* text) { return parse_cron(text).error; }

TEST(CronParser, StarsSelectEverything) {
  const auto s = spec("* * * * *");
  EXPECT_TRUE(s.minutes.all());
  EXPECT_TRUE(s.hours.all());
  EXPECT_EQ(values(s.days_of_month).size(), 31u);
  EXPECT_EQ(values(s.months).size(), 12u);
  EXPECT_TRUE(s.days_of_week.all());
  EXPECT_TRUE(s.dom_star);
  EXPECT_TRUE(s.dow_star);
}

TEST(CronParser, Steps) {
  EXPECT_EQ(values(spec("*/15 * * * *").minutes), (std::vector<int>{0, 15, 30, 45}));
  EXPECT_EQ(values(spec("5-59/10 * * * *").minutes), (std::vector<int>{5, 15, 25, 35, 45, 55}));
  EXPECT_EQ(values(spec("0 9-17/4 * * *").hours), (std::vector<int>{9, 13, 17}));
  // "a/n" is "a-max/n".
  EXPECT_EQ(values(spec("50/5 * * * *").minutes), (std::vector<int>{50, 55}));
  EXPECT_EQ(values(spec("0 0 */10 * *").days_of_month), (std::vector<int>{1, 11, 21, 31}));
}

TEST(CronParser, ListsAndRanges) {
  EXPECT_EQ(values(spec("0,30 8-10,20 * * *").minutes), (std::vector<int>{0, 30}));
  EXPECT_EQ(values(spec("0,30 8-10,20 * * *").hours), (std::vector<int>{8, 9, 10, 20}));
  EXPECT_EQ(values(spec("1,2,3-5,4 * * * *").minutes), (std::vector<int>{1, 2, 3, 4, 5}));
}

TEST(CronParser, MonthAndDayNamesInAnyCase) {
  EXPECT_EQ(values(spec("0 0 * JAN,JUL *").months), (std::vector<int>{1, 7}));
  EXPECT_EQ(values(spec("0 0 * jan-Mar *").months), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(values(spec("0 0 * * MON-FRI").days_of_week), (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(values(spec("0 0 * * sat,sun").days_of_week), (std::vector<int>{0, 6}));
}

TEST(CronParser, SundayIsZeroAndSeven) {
  EXPECT_EQ(values(spec("0 0 * * 7").days_of_week), (std::vector<int>{0}));
  EXPECT_EQ(values(spec("0 0 * * 5-7").days_of_week), (std::vector<int>{0, 5, 6}));
  EXPECT_EQ(values(spec("0 0 * * FRI-SUN").days_of_week), (std::vector<int>{0, 5, 6}));
}

TEST(CronParser, DayFieldsRestrictUnlessTheyStartWithAStar) {
  const auto both = spec("0 0 13 * FRI");
  EXPECT_FALSE(both.dom_star);
  EXPECT_FALSE(both.dow_star);
  EXPECT_TRUE(spec("0 0 */2 * MON").dom_star);  // Vixie: "*/2" still counts as '*'
  EXPECT_FALSE(spec("0 0 1-31 * MON").dom_star);
}

TEST(CronParser, FieldsMaySitAmongAnyBlanks) {
  EXPECT_EQ(values(spec("  5\t4   * * *  ").hours), (std::vector<int>{4}));
}

TEST(CronParser, Errors) {
  EXPECT_EQ(error("* * * *"),
            "a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has 4");
  EXPECT_EQ(error("* * * * * *"),
            "a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has 6");
  EXPECT_EQ(error("60 * * * *"), "minute field: 60 is out of range 0-59");
  EXPECT_EQ(error("* 24 * * *"), "hour field: 24 is out of range 0-23");
  EXPECT_EQ(error("* * 0 * *"), "day-of-month field: 0 is out of range 1-31");
  EXPECT_EQ(error("* * * 13 *"), "month field: 13 is out of range 1-12");
  EXPECT_EQ(error("* * * * 8"), "day-of-week field: 8 is out of range 0-7");
  EXPECT_EQ(error("* * * JAX *"), "month field: 'JAX' is not a number or a month name");
  EXPECT_EQ(error("* * * * MONDAY"), "day-of-week field: 'MONDAY' is not a number or a day name");
  EXPECT_EQ(error("MON * * * *"), "minute field: 'MON' is not a number");
  EXPECT_EQ(error("*/0 * * * *"), "minute field: step '0' is not a positive number");
  EXPECT_EQ(error("*/x * * * *"), "minute field: step 'x' is not a positive number");
  EXPECT_EQ(
      error("*/90 * * * *"),
      "minute field: step 90 is larger than the range 0-59 (for such intervals use \"every <duration>\")");
  EXPECT_EQ(error("30-10 * * * *"), "minute field: range 30-10 runs backwards (ranges do not wrap around)");
  EXPECT_EQ(error("1,,2 * * * *"), "minute field: empty list item in '1,,2'");
  EXPECT_EQ(error("- * * * *"), "minute field: a value is missing");
  EXPECT_EQ(error("0 0 L * *"), "day-of-month field: 'L' is not a number");
}

TEST(CronParser, ImpossibleDatesAreRefused) {
  EXPECT_EQ(error("0 0 30 2 *"), "it never fires: no selected month has the selected day of the month");
  EXPECT_EQ(error("0 0 31 4,6,9,11 *"),
            "it never fires: no selected month has the selected day of the month");
  EXPECT_EQ(error("0 0 29 2 *"), "");    // leap years have it
  EXPECT_EQ(error("0 0 30 2 MON"), "");  // Vixie: any Monday in February
}

}  // namespace
}  // namespace sluice::serve_test

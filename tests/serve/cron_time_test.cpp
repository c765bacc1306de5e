// When cron schedules fire: month ends, leap days, steps, names, Vixie's
// day-of-month/day-of-week rule, and daylight-saving changes in a named zone.
#include <date/tz.h>
#include <gtest/gtest.h>

#include "config/cron_parser.hpp"
#include "config/time_zone.hpp"
#include "fake_clock.hpp"
#include "schedule/next_slot.hpp"

namespace sluice::serve_test {
namespace {

using host::schedule::find_zone;
using host::schedule::next_cron_time;

// The instants `expr` fires at in `zone` after `from`, `n` of them.
std::vector<TimePoint> fires(const char* expr, TimePoint from, std::size_t n, const char* zone = "Etc/UTC") {
  const auto parsed = host::schedule::parse_cron(expr);
  EXPECT_EQ(parsed.error, "") << expr;
  std::vector<TimePoint> out;
  for (auto t = from; out.size() < n;) {
    const auto next = next_cron_time(parsed.spec, find_zone(zone), t);
    if (!next) break;
    out.push_back(*next);
    t = *next;
  }
  return out;
}

using Times = std::vector<TimePoint>;

TEST(CronTime, FiresStrictlyAfterTheGivenInstant) {
  EXPECT_EQ(fires("*/15 * * * *", utc(2024, 5, 1, 10, 7), 1), Times{utc(2024, 5, 1, 10, 15)});
  EXPECT_EQ(fires("*/15 * * * *", utc(2024, 5, 1, 10, 15), 1), Times{utc(2024, 5, 1, 10, 30)});
  EXPECT_EQ(fires("*/15 * * * *", utc(2024, 5, 1, 10, 14, 59) + schedule_ms(999), 1),
            Times{utc(2024, 5, 1, 10, 15)});
}

TEST(CronTime, StepsAcrossTheHour) {
  EXPECT_EQ(fires("5-59/10 * * * *", utc(2024, 5, 1, 10, 50), 3),
            (Times{utc(2024, 5, 1, 10, 55), utc(2024, 5, 1, 11, 5), utc(2024, 5, 1, 11, 15)}));
}

TEST(CronTime, The31stSkipsThirtyDayMonths) {
  EXPECT_EQ(fires("0 0 31 * *", utc(2024, 4, 1), 4),
            (Times{utc(2024, 5, 31), utc(2024, 7, 31), utc(2024, 8, 31), utc(2024, 10, 31)}));
}

TEST(CronTime, The30thSkipsFebruary) {
  EXPECT_EQ(fires("0 6 30 * *", utc(2024, 1, 31), 2), (Times{utc(2024, 3, 30, 6), utc(2024, 4, 30, 6)}));
}

TEST(CronTime, LeapDayComesEveryFourYearsAndNotIn2100) {
  EXPECT_EQ(fires("0 12 29 2 *", utc(2023, 3, 1), 2), (Times{utc(2024, 2, 29, 12), utc(2028, 2, 29, 12)}));
  EXPECT_EQ(fires("0 12 29 2 *", utc(2096, 3, 1), 1), Times{utc(2104, 2, 29, 12)});
}

TEST(CronTime, YearEnd) {
  EXPECT_EQ(fires("0 0 1 1 *", utc(2024, 12, 31, 23, 59), 1), Times{utc(2025, 1, 1)});
  EXPECT_EQ(fires("59 23 31 12 *", utc(2024, 12, 31, 23, 59), 1), Times{utc(2025, 12, 31, 23, 59)});
}

TEST(CronTime, MonthAndDayNames) {
  // 2024-07-01 is a Monday; weekdays of January and July only.
  EXPECT_EQ(fires("0 9 * JAN,JUL MON-FRI", utc(2024, 6, 15), 1), Times{utc(2024, 7, 1, 9)});
  EXPECT_EQ(fires("0 9 * JAN,JUL MON-FRI", utc(2024, 7, 5, 9), 1), Times{utc(2024, 7, 8, 9)});
  EXPECT_EQ(fires("0 9 * JAN,JUL MON-FRI", utc(2024, 7, 31, 9), 1), Times{utc(2025, 1, 1, 9)});
}

TEST(CronTime, BothDayFieldsRestrictedMeansEither) {
  // The 13th, or any Friday (Vixie); 2024-09-13 is both.
  EXPECT_EQ(fires("0 0 13 * FRI", utc(2024, 9, 1), 4),
            (Times{utc(2024, 9, 6), utc(2024, 9, 13), utc(2024, 9, 20), utc(2024, 9, 27)}));
  EXPECT_EQ(fires("0 0 13 * FRI", utc(2024, 9, 27), 2), (Times{utc(2024, 10, 4), utc(2024, 10, 11)}));
}

TEST(CronTime, AStarredDayFieldMeansBoth) {
  // "*/10" starts with '*': days 1, 11, 21, 31 that are also Mondays.
  // 2024-03-11 and 2024-04-01 are Mondays; 03-21 and 03-31 are not.
  EXPECT_EQ(fires("0 0 */10 * MON", utc(2024, 3, 1), 2), (Times{utc(2024, 3, 11), utc(2024, 4, 1)}));
}

TEST(CronTime, SundayAsSeven) {
  EXPECT_EQ(fires("0 0 * * 7", utc(2024, 9, 1), 1), Times{utc(2024, 9, 8)});  // 2024-09-01 is a Sunday
}

// Europe/Berlin, 2025: clocks go 02:00 CET -> 03:00 CEST on 30 March (01:00
// UTC) and 03:00 CEST -> 02:00 CET on 26 October (01:00 UTC).
constexpr const char* kBerlin = "Europe/Berlin";

TEST(CronTimeDst, WallClockTimesInTheZone) {
  EXPECT_EQ(fires("30 2 * * *", utc(2025, 1, 10), 1, kBerlin), Times{utc(2025, 1, 10, 1, 30)});  // CET
  EXPECT_EQ(fires("30 2 * * *", utc(2025, 7, 10), 1, kBerlin), Times{utc(2025, 7, 10, 0, 30)});  // CEST
}

TEST(CronTimeDst, ASkippedTimeFiresWhenTheClocksJump) {
  // 02:30 does not exist on 30 March: it fires at 03:00 CEST, then normally.
  EXPECT_EQ(fires("30 2 * * *", utc(2025, 3, 29, 1, 30), 3, kBerlin),
            (Times{utc(2025, 3, 30, 1), utc(2025, 3, 31, 0, 30), utc(2025, 4, 1, 0, 30)}));
}

TEST(CronTimeDst, SeveralSkippedTimesFireOnce) {
  // 02:00, 02:15, 02:30, 02:45 and 03:00 all land on 01:00 UTC: one run,
  // and the real-time rhythm stays 15 minutes.
  EXPECT_EQ(fires("*/15 * * * *", utc(2025, 3, 30, 0, 30), 4, kBerlin),
            (Times{utc(2025, 3, 30, 0, 45), utc(2025, 3, 30, 1), utc(2025, 3, 30, 1, 15),
                   utc(2025, 3, 30, 1, 30)}));
}

TEST(CronTimeDst, ATimeThatHappensTwiceFiresOnce) {
  // 02:30 comes at 00:30 UTC (CEST) and again at 01:30 UTC (CET): once.
  EXPECT_EQ(fires("30 2 * * *", utc(2025, 10, 25, 12), 3, kBerlin),
            (Times{utc(2025, 10, 26, 0, 30), utc(2025, 10, 27, 1, 30), utc(2025, 10, 28, 1, 30)}));
  // A start inside the repeated hour does not fire the second pass either.
  EXPECT_EQ(fires("30 2 * * *", utc(2025, 10, 26, 1, 10), 1, kBerlin), Times{utc(2025, 10, 27, 1, 30)});
  EXPECT_EQ(fires("*/30 2 * * *", utc(2025, 10, 25, 23, 50), 3, kBerlin),
            (Times{utc(2025, 10, 26, 0, 0), utc(2025, 10, 26, 0, 30), utc(2025, 10, 27, 1, 0)}));
}

TEST(CronTimeDst, AnHourlyScheduleFiresThroughBothPasses) {
  EXPECT_EQ(fires("*/30 * * * *", utc(2025, 10, 25, 23, 50), 5, kBerlin),
            (Times{utc(2025, 10, 26, 0, 0), utc(2025, 10, 26, 0, 30), utc(2025, 10, 26, 1, 0),
                   utc(2025, 10, 26, 1, 30), utc(2025, 10, 26, 2, 0)}));
}

TEST(CronTimeDst, OtherZonesAndHemispheres) {
  // New York springs forward 2025-03-09 02:00 EST -> 03:00 EDT (07:00 UTC).
  EXPECT_EQ(fires("30 2 * * *", utc(2025, 3, 8, 12), 2, "America/New_York"),
            (Times{utc(2025, 3, 9, 7), utc(2025, 3, 10, 6, 30)}));
  // Sydney falls back 2025-04-06 03:00 AEDT -> 02:00 AEST (16:00 UTC on the 5th).
  EXPECT_EQ(fires("30 2 * * *", utc(2025, 4, 5, 12), 2, "Australia/Sydney"),
            (Times{utc(2025, 4, 5, 15, 30), utc(2025, 4, 6, 16, 30)}));
}

TEST(IntervalTime, CountsFromTheAnchor) {
  using host::schedule::next_interval_time;
  const auto a = utc(2024, 1, 1, 0, 0, 7);
  EXPECT_EQ(next_interval_time(a, std::chrono::minutes(15), a), a + std::chrono::minutes(15));
  EXPECT_EQ(next_interval_time(a, std::chrono::minutes(15), a + std::chrono::minutes(44)),
            a + std::chrono::minutes(45));
  EXPECT_EQ(next_interval_time(a, std::chrono::minutes(15), a - std::chrono::minutes(1)), a);
}

TEST(TimeZones, UnknownNamesAreTold) {
  EXPECT_TRUE(host::schedule::zone_exists("Europe/Berlin"));
  EXPECT_TRUE(host::schedule::zone_exists("UTC"));
  EXPECT_FALSE(host::schedule::zone_exists("Europe/Berln"));
  EXPECT_FALSE(host::schedule::zone_exists("../../etc/passwd"));
}

}  // namespace
}  // namespace sluice::serve_test

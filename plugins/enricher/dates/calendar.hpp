// Calendar arithmetic and ISO 8601 forms for the dates enricher.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sluice::plugins::dates {

using Date = std::chrono::year_month_day;

// "2023-07-29"
std::string iso_day(Date d);
// "2023-W30": the ISO 8601 week (Monday to Sunday) holding `d`; the year is
// the ISO week-numbering year, which differs near 1 January.
std::string iso_week(Date d);
// "2023-07"
std::string iso_month(std::chrono::year_month ym);
// "2023"
std::string iso_year(std::chrono::year y);

Date add_days(Date d, int days);
std::chrono::year_month add_months(std::chrono::year_month ym, int months);

// The most recent `wd` on or before `d` (or strictly before, with `strict`).
Date previous_weekday(Date d, std::chrono::weekday wd, bool strict);
// The first `wd` strictly after `d`.
Date next_weekday(Date d, std::chrono::weekday wd);

// Reads the date part of an ISO 8601 value ("2023-07-29", "2023-07-29T10:00:00Z").
std::optional<Date> parse_iso_day(std::string_view iso);

}  // namespace sluice::plugins::dates

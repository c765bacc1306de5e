// Finds the wall-clock minutes a CronSpec selects, on the proleptic Gregorian
// calendar and without regard to time zones (next_slot.hpp adds those).
#pragma once

#include <optional>

#include "schedule/local_time.hpp"
#include "sluice/host/schedule.hpp"

namespace sluice::host::schedule {

// Whether the spec selects this day (month, and day-of-month / day-of-week
// with Vixie's rule: both restricted = either matches).
bool day_matches(const CronSpec& spec, std::chrono::year_month_day day);

// The first minute at or after `from` the spec selects; nothing when none
// comes within ten years (only impossible dates, which the parser refuses).
std::optional<LocalMinutes> next_match(const CronSpec& spec, LocalMinutes from);

}  // namespace sluice::host::schedule

// When a schedule next fires, as an instant.
//
// Cron expressions select wall-clock times in a zone. Where a daylight-saving
// change makes wall-clock times skip or repeat:
//  - a selected time the clocks skip (02:30 on a spring-forward night in
//    Europe/Berlin) fires at the instant the clocks change (03:00 new time);
//    several skipped times fire once there;
//  - a selected time the clocks pass twice (02:30 on a fall-back night) fires
//    at its first occurrence only, unless the hour field is '*': a schedule
//    that fires every hour keeps firing through both passes of the hour.
#pragma once

#include <optional>

#include "schedule/local_time.hpp"
#include "sluice/host/schedule.hpp"

namespace date {
class time_zone;
}

namespace sluice::host::schedule {

// The first instant strictly after `after` at which `spec` fires in `zone`.
std::optional<TimePoint> next_cron_time(const CronSpec& spec, const date::time_zone& zone, TimePoint after);

// The first anchor + k * interval (k >= 0) strictly after `after`.
TimePoint next_interval_time(TimePoint anchor, std::chrono::milliseconds interval, TimePoint after);

// The next slot of an `every` or `cron` schedule after `after` (intervals
// count from `anchor`, the last slot); nothing for `once`.
std::optional<TimePoint> next_slot(const Schedule& schedule, TimePoint anchor, TimePoint after);

}  // namespace sluice::host::schedule

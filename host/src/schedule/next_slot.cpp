#include "schedule/next_slot.hpp"

#include <date/tz.h>

#include <algorithm>

#include "config/time_zone.hpp"
#include "schedule/cron_match.hpp"

namespace sluice::host::schedule {

namespace c = std::chrono;

namespace {

// Wall-clock time of an instant at a fixed UTC offset, and back.
template <class D>
c::local_time<D> at_offset(c::sys_time<D> t, c::seconds offset) {
  return c::local_time<D>(t.time_since_epoch() + offset);
}
TimePoint instant(LocalMinutes local, c::seconds offset) {
  return TimePoint(c::duration_cast<c::milliseconds>(local.time_since_epoch() - offset));
}
template <class D>
LocalMinutes ceil_minute(c::local_time<D> t) {
  return c::ceil<c::minutes>(t);
}

}  // namespace

std::optional<TimePoint> next_cron_time(const CronSpec& spec, const date::time_zone& zone, TimePoint after) {
  const bool every_hour = spec.hours.all();
  // Walk the zone's stretches of constant UTC offset, starting with the one
  // holding `after`; in each, the wall-clock times it covers map to instants
  // one to one, and only its start needs the skip/repeat rules.
  date::sys_info info = zone.get_info(after);
  for (int stretch = 0; stretch < 64; ++stretch) {
    const c::seconds offset = info.offset;
    const auto local_begin = at_offset(info.begin, offset);
    const auto local_end = at_offset(info.end, offset);  // exclusive
    // Strictly after `after`: the next whole minute past it.
    LocalMinutes lower =
        std::max(ceil_minute(at_offset(after + c::milliseconds(1), offset)), ceil_minute(local_begin));

    const date::sys_info before = zone.get_info(info.begin - c::seconds(1));
    const auto previous_end = at_offset(info.begin, before.offset);  // where the wall clock stood
    if (local_begin > previous_end && info.begin > after) {
      // Clocks jumped forward: selected times in the gap fire at the change.
      const auto skipped = next_match(spec, ceil_minute(previous_end));
      if (skipped && *skipped < local_begin)
        return TimePoint(c::duration_cast<c::milliseconds>(info.begin.time_since_epoch()));
    } else if (local_begin < previous_end && !every_hour) {
      // Clocks went back: the repeated wall-clock times already fired.
      lower = std::max(lower, ceil_minute(previous_end));
    }

    const auto match = next_match(spec, lower);
    if (!match) return std::nullopt;
    if (*match < local_end) return instant(*match, offset);
    info = zone.get_info(info.end);
  }
  return std::nullopt;
}

TimePoint next_interval_time(TimePoint anchor, c::milliseconds interval, TimePoint after) {
  if (after < anchor) return anchor;
  return anchor + interval * ((after - anchor) / interval + 1);
}

std::optional<TimePoint> next_slot(const Schedule& schedule, TimePoint anchor, TimePoint after) {
  switch (schedule.kind) {
    case Schedule::Kind::once: return std::nullopt;
    case Schedule::Kind::every: return next_interval_time(anchor, schedule.interval, after);
    case Schedule::Kind::cron: return next_cron_time(schedule.cron, find_zone(schedule.timezone), after);
  }
  return std::nullopt;
}

}  // namespace sluice::host::schedule

#include "schedule/cron_match.hpp"

namespace sluice::host::schedule {

namespace c = std::chrono;

bool day_matches(const CronSpec& spec, c::year_month_day day) {
  if (!spec.months[static_cast<unsigned>(day.month())]) return false;
  const bool dom = spec.days_of_month[static_cast<unsigned>(day.day())];
  const bool dow = spec.days_of_week[c::weekday(c::sys_days(day)).c_encoding()];
  if (spec.dom_star || spec.dow_star) return dom && dow;
  return dom || dow;
}

std::optional<LocalMinutes> next_match(const CronSpec& spec, LocalMinutes from) {
  auto day = c::floor<c::days>(from);
  auto minute_of_day = c::duration_cast<c::minutes>(from - day).count();
  const auto last_year = c::year_month_day(day).year() + c::years(10);
  while (c::year_month_day(day).year() <= last_year) {
    const c::year_month_day ymd(day);
    if (!spec.months[static_cast<unsigned>(ymd.month())]) {
      // Skip the rest of the month at once.
      day = c::local_days((ymd.year() / ymd.month() / 1) + c::months(1));
      minute_of_day = 0;
      continue;
    }
    if (day_matches(spec, ymd)) {
      for (auto h = minute_of_day / 60; h < 24; ++h) {
        if (!spec.hours[static_cast<std::size_t>(h)]) continue;
        for (auto m = h == minute_of_day / 60 ? minute_of_day % 60 : 0; m < 60; ++m)
          if (spec.minutes[static_cast<std::size_t>(m)]) return day + c::hours(h) + c::minutes(m);
      }
    }
    day += c::days(1);
    minute_of_day = 0;
  }
  return std::nullopt;
}

}  // namespace sluice::host::schedule

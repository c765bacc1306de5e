#include "calendar.hpp"

#include <cstdio>

namespace sluice::plugins::dates {

using namespace std::chrono;

std::string iso_day(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

std::string iso_week(Date d) {
  const sys_days day{d};
  // The week's Thursday decides its ISO year and number.
  const int from_monday = static_cast<int>((weekday{day} - Monday).count());
  const year_month_day thursday{day - days{from_monday} + days{3}};
  const sys_days jan1{thursday.year() / January / 1};
  const int week = static_cast<int>((sys_days{thursday} - jan1).count()) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", int(thursday.year()), week);
  return buf;
}

std::string iso_month(year_month ym) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u", int(ym.year()), unsigned(ym.month()));
  return buf;
}

std::string iso_year(year y) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d", int(y));
  return buf;
}

Date add_days(Date d, int n) { return Date{sys_days{d} + days{n}}; }

year_month add_months(year_month ym, int n) { return ym + months{n}; }

Date previous_weekday(Date d, weekday wd, bool strict) {
  const sys_days day{d};
  int back = static_cast<int>((weekday{day} - wd).count());
  if (back == 0 && strict) back = 7;
  return Date{day - days{back}};
}

Date next_weekday(Date d, weekday wd) {
  const sys_days day{d};
  int ahead = static_cast<int>((wd - weekday{day}).count());
  if (ahead == 0) ahead = 7;
  return Date{day + days{ahead}};
}

std::optional<Date> parse_iso_day(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (std::size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  }
  const Date d{year{v[0]}, month{static_cast<unsigned>(v[1])}, day{static_cast<unsigned>(v[2])}};
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace sluice::plugins::dates

#include "config/cron_parser.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

namespace sluice::host::schedule {
namespace {

struct FieldSpec {
  const char* name;
  int min, max;
  const char* const* names = nullptr;  // names[i] stands for min + i
  int name_count = 0;
};

constexpr const char* kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr const char* kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

constexpr FieldSpec kMinute{"minute", 0, 59};
constexpr FieldSpec kHour{"hour", 0, 23};
constexpr FieldSpec kDayOfMonth{"day-of-month", 1, 31};
constexpr FieldSpec kMonth{"month", 1, 12, kMonthNames, 12};
// 7 is Sunday too, as in every cron since Vixie's.
constexpr FieldSpec kDayOfWeek{"day-of-week", 0, 7, kDayNames, 7};

// A problem with one field, reported as "<field> field: <what>".
struct FieldError {
  std::string what;
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string_view> split_blanks(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    const std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != static_cast<unsigned char>(b[i])) return false;
  return true;
}

// A number or (in month and day-of-week fields) a name.
int value(std::string_view token, const FieldSpec& f) {
  if (token.empty()) throw FieldError{"a value is missing"};
  for (int i = 0; i < f.name_count; ++i)
    if (iequals(token, f.names[i])) return f.min + i;
  int v = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec != std::errc() || end != token.data() + token.size()) {
    std::string what = "'" + std::string(token) + "' is not a number";
    if (f.name_count > 0) what += std::string(" or a ") + (f.name_count == 12 ? "month" : "day") + " name";
    throw FieldError{what};
  }
  if (v < f.min || v > f.max)
    throw FieldError{std::to_string(v) + " is out of range " + std::to_string(f.min) + "-" +
                     std::to_string(f.max)};
  return v;
}

// One list item: "*", "v", "a-b", each optionally "/step"; "v/step" means
// "v-max/step". Sets the selected values in `bits` (indexed by value).
template <std::size_t N>
void item(std::string_view text, const FieldSpec& f, std::bitset<N>& bits) {
  int step = 1;
  bool has_step = false;
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    const auto step_text = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
    if (step_text.empty() || ec != std::errc() || end != step_text.data() + step_text.size() || step < 1)
      throw FieldError{"step '" + std::string(step_text) + "' is not a positive number"};
    text = text.substr(0, slash);
    has_step = true;
  }
  int lo = f.min, hi = f.max;
  if (text != "*") {
    const auto dash = text.find('-');
    lo = value(text.substr(0, dash), f);
    if (dash != std::string_view::npos) {
      hi = value(text.substr(dash + 1), f);
      // "FRI-SUN": Sunday closes a day-of-week range as 7.
      if (&f == &kDayOfWeek && hi == 0 && lo > 0) hi = 7;
      if (hi < lo)
        throw FieldError{"range " + std::string(text) + " runs backwards (ranges do not wrap around)"};
    } else if (!has_step) {
      hi = lo;
    }
  }
  if (has_step && step > f.max - f.min + 1 && text == "*")
    throw FieldError{"step " + std::to_string(step) + " is larger than the range " + std::to_string(f.min) +
                     "-" + std::to_string(f.max) + " (for such intervals use \"every <duration>\")"};
  for (int v = lo; v <= hi; v += step)
    bits.set(static_cast<std::size_t>(&f == &kDayOfWeek && v == 7 ? 0 : v));
}

template <std::size_t N>
void field(std::string_view text, const FieldSpec& f, std::bitset<N>& bits) {
  for (const auto part : split(text, ',')) {
    if (part.empty()) throw FieldError{"empty list item in '" + std::string(text) + "'"};
    item(part, f, bits);
  }
}

constexpr std::array<int, 13> kMaxDays = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

// A day-of-month restriction with no day-of-week alternative that no selected
// month has ("30 2", "31 4,6") would never fire: refuse it now.
bool can_fire(const CronSpec& s) {
  if (s.dom_star || !s.dow_star) return true;
  for (int m = 1; m <= 12; ++m) {
    if (!s.months[static_cast<std::size_t>(m)]) continue;
    for (int d = 1; d <= kMaxDays[static_cast<std::size_t>(m)]; ++d)
      if (s.days_of_month[static_cast<std::size_t>(d)]) return true;
  }
  return false;
}

}  // namespace

CronParse parse_cron(std::string_view text) {
  CronParse out;
  const auto fields = split_blanks(text);
  if (fields.size() != 5) {
    out.error = "a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has " +
                std::to_string(fields.size());
    return out;
  }
  const FieldSpec* current = nullptr;
  try {
    auto& s = out.spec;
    current = &kMinute;
    field(fields[0], kMinute, s.minutes);
    current = &kHour;
    field(fields[1], kHour, s.hours);
    current = &kDayOfMonth;
    field(fields[2], kDayOfMonth, s.days_of_month);
    current = &kMonth;
    field(fields[3], kMonth, s.months);
    current = &kDayOfWeek;
    field(fields[4], kDayOfWeek, s.days_of_week);
    s.dom_star = fields[2].front() == '*';
    s.dow_star = fields[4].front() == '*';
  } catch (const FieldError& e) {
    out.error = std::string(current->name) + " field: " + e.what;
    return out;
  }
  if (!can_fire(out.spec)) out.error = "it never fires: no selected month has the selected day of the month";
  return out;
}

}  // namespace sluice::host::schedule

// Turning text found in documents into article fields, the same way in
// every parser: white-space normalisation, paragraph splitting and dates.
// Input is UTF-8 (see encoding.hpp); invalid bytes become U+FFFD.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sluice/sdk/utf8.hpp"

namespace sluice::sdk::text {

// The length of the white-space character at s[i], or 0 for anything else.
// White space is ASCII blanks, the other ASCII control characters (a NUL in
// a title would break many stores) and Unicode White_Space (utf8::is_space).
inline std::size_t space_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c <= 0x20 || c == 0x7F) ? 1 : 0;
  char32_t cp = 0;
  const std::size_t length = utf8::decode(s, i, cp);
  return length != 0 && utf8::is_space(cp) ? length : 0;
}

// A printable ASCII byte: part of a word, and already normal.
inline bool plain_byte(unsigned char c) { return c > 0x20 && c < 0x7F; }

// Appends the words of `s` to `out`, each run of white space between them
// as one ASCII space, and a space before the first word when `out` already
// ends in a word. Invalid UTF-8 bytes become U+FFFD. Returns true when `s`
// held a word.
inline bool append_words(std::string& out, std::string_view s, std::size_t* replaced = nullptr) {
  bool any = false;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    if (const std::size_t space = space_length(s, i); space != 0) {
      i += space;
      continue;
    }
    // A run of words copied at once: printable ASCII, and single spaces
    // between printable ASCII, are already normal (most of any news text),
    // so they are taken a byte at a time without decoding. Anything else is
    // decoded to find the white space that ends the run.
    const std::size_t start = i;
    bool ascii = true;
    while (i < n) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (plain_byte(c)) {
        ++i;
        continue;
      }
      if (c == ' ' && i + 1 < n && plain_byte(static_cast<unsigned char>(s[i + 1]))) {
        i += 2;
        continue;
      }
      if (c < 0x80) break;  // ASCII white space or control
      ascii = false;
      char32_t cp = 0;
      const std::size_t length = utf8::decode(s, i, cp);
      if (length != 0 && utf8::is_space(cp)) break;
      i += length == 0 ? 1 : length;
    }
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
    const std::string_view words = s.substr(start, i - start);
    if (ascii) {
      out.append(words);
    } else {
      const std::size_t bad = utf8::append_sanitized(out, words);
      if (replaced != nullptr) *replaced += bad;
    }
    any = true;
  }
  return any;
}

// `s` on one line: white-space runs become one space, ends trimmed.
inline std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_words(out, s);
  return out;
}

// Splits `s` into paragraphs: a line with no word on it ends a paragraph,
// however many follow each other, and the lines of one paragraph are joined
// with one space, so hard-wrapped text reads as written. Lines end at "\n"
// (so "\r\n" too); a text with "\r" but no "\n" uses classic Mac "\r" line
// ends, and any other "\r" is white space. `replaced` (optional) counts
// invalid UTF-8 bytes turned into U+FFFD.
inline std::vector<std::string> split_paragraphs(std::string_view s, std::size_t* replaced = nullptr) {
  const bool mac = s.find('\n') == std::string_view::npos && s.find('\r') != std::string_view::npos;
  const char line_end = mac ? '\r' : '\n';
  std::vector<std::string> out;
  // Paragraphs are built in one reused buffer and copied out at their exact
  // size: one allocation each instead of one per doubling while it grows.
  std::string current;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = s.find(line_end, pos);
    if (end == std::string_view::npos) end = s.size();
    if (!append_words(current, s.substr(pos, end - pos), replaced) && !current.empty()) {
      out.emplace_back(current);
      current.clear();
    }
    pos = end + 1;
  }
  if (!current.empty()) out.emplace_back(current);
  return out;
}

// --- dates --------------------------------------------------------------
//
// normalize_date() reads the date forms news documents use and returns ISO
// 8601: "YYYY-MM-DD" for a date alone, "YYYY-MM-DDTHH:MM:SSZ" (converted to
// UTC, so dates from different sources sort together) for a date-time.
// Accepted:
//  - RFC 3339 / ISO 8601: 2023-07-29, 2023-07-29T10:15:00Z,
//    2023-07-29 10:15:00.123+02:00, 2023-07-29T10:15+0200, 20230729T101500Z;
//  - RFC 822 / 2822 as feeds write it: "Sat, 29 Jul 2023 10:15:00 GMT",
//    "29 Jul 23 10:15 +0200", day names optional, full month names, named
//    US zones (EST, PDT ...), military letters;
//  - Unix time in seconds, as a string of 9 to 11 digits.
// Anything else, or an impossible date (2023-02-30), gives nothing: callers
// keep the raw string and leave `published` empty.

namespace detail {

inline bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[i].
inline std::optional<int> digits(std::string_view s, std::size_t& i, std::size_t n) {
  if (i + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!digit(s[i + k])) return std::nullopt;
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  return v;
}

// Reads 1 to `max` digits at s[i].
inline std::optional<int> number(std::string_view s, std::size_t& i, std::size_t max) {
  std::size_t k = 0;
  int v = 0;
  while (k < max && i + k < s.size() && digit(s[i + k])) v = v * 10 + (s[i + k++] - '0');
  if (k == 0) return std::nullopt;
  i += k;
  return v;
}

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline void skip_spaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
}

inline std::string_view word(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) ++i;
  return s.substr(start, i - start);
}

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  int offset_minutes = 0;  // local time minus UTC
};

inline std::string two(int v) {
  return std::string{static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
}

inline std::optional<std::string> format(const DateTime& t) {
  using namespace std::chrono;
  const year_month_day ymd{year{t.year}, month{static_cast<unsigned>(t.month)},
                           day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok() || t.year < 1000 || t.year > 9999) return std::nullopt;
  if (!t.has_time) return std::to_string(t.year) + "-" + two(t.month) + "-" + two(t.day);
  // 60 is a leap second; it is folded into the next minute like every clock does.
  if (t.hour > 24 || t.minute > 59 || t.second > 60 || (t.hour == 24 && (t.minute | t.second) != 0))
    return std::nullopt;
  const sys_seconds local = sys_days{ymd} + hours{t.hour} + minutes{t.minute} + seconds{t.second};
  const sys_seconds utc = local - minutes{t.offset_minutes};
  const sys_days day_utc = floor<days>(utc);
  const year_month_day d{day_utc};
  const hh_mm_ss<seconds> hms{utc - day_utc};
  if (static_cast<int>(d.year()) < 1000 || static_cast<int>(d.year()) > 9999) return std::nullopt;
  return std::to_string(static_cast<int>(d.year())) + "-" + two(static_cast<int>(unsigned(d.month()))) + "-" +
         two(static_cast<int>(unsigned(d.day()))) + "T" + two(static_cast<int>(hms.hours().count())) + ":" +
         two(static_cast<int>(hms.minutes().count())) + ":" + two(static_cast<int>(hms.seconds().count())) +
         "Z";
}

inline int month_number(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    bool same = true;
    for (std::size_t k = 0; k < 3; ++k) same = same && lower(w[k]) == kMonths[m][k];
    if (same) return m + 1;
  }
  return 0;
}

// "+02:00", "+0200", "-05", "Z", "GMT", "EST", "A".."Z" military. Returns
// false for anything else that is not empty.
inline bool zone(std::string_view s, std::size_t& i, int& offset) {
  skip_spaces(s, i);
  offset = 0;
  if (i >= s.size()) return true;
  if (s[i] == '+' || s[i] == '-') {
    const int sign = s[i] == '-' ? -1 : 1;
    ++i;
    const auto h = digits(s, i, 2);
    if (!h) return false;
    int m = 0;
    if (i < s.size() && s[i] == ':') ++i;
    if (i < s.size() && digit(s[i])) {
      const auto mm = digits(s, i, 2);
      if (!mm) return false;
      m = *mm;
    }
    if (*h > 23 || m > 59) return false;
    offset = sign * (*h * 60 + m);
    return true;
  }
  const std::string_view w = word(s, i);
  std::string z;
  for (const char c : w) z.push_back(static_cast<char>(c & ~0x20));
  struct Named {
    std::string_view name;
    int hours;
  };
  static constexpr Named kZones[] = {{"Z", 0},    {"UT", 0},   {"UTC", 0},  {"GMT", 0},
                                     {"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5},
                                     {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
  for (const auto& n : kZones) {
    if (z == n.name) {
      offset = n.hours * 60;
      return true;
    }
  }
  // RFC 822 military zones are famously defined with the wrong sign; RFC
  // 2822 says to treat them as +0000, which is what we do.
  return z.size() == 1;
}

// hh:mm[:ss[.fraction]]
inline bool clock(std::string_view s, std::size_t& i, DateTime& t) {
  const auto h = number(s, i, 2);
  if (!h || i >= s.size() || s[i] != ':') return false;
  ++i;
  const auto m = digits(s, i, 2);
  if (!m) return false;
  t.hour = *h;
  t.minute = *m;
  if (i < s.size() && s[i] == ':') {
    ++i;
    const auto sec = digits(s, i, 2);
    if (!sec) return false;
    t.second = *sec;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && digit(s[i])) ++i;
    }
  }
  t.has_time = true;
  return true;
}

inline std::optional<std::string> iso8601(std::string_view s) {
  DateTime t;
  std::size_t i = 0;
  const auto y = digits(s, i, 4);
  if (!y) return std::nullopt;
  t.year = *y;
  const bool basic = i < s.size() && digit(s[i]);  // 20230729T101500Z
  if (!basic && (i >= s.size() || s[i] != '-')) return std::nullopt;
  if (!basic) ++i;
  const auto mo = digits(s, i, 2);
  if (!basic && (i >= s.size() || s[i] != '-')) return std::nullopt;
  if (!basic) ++i;
  const auto d = digits(s, i, 2);
  if (!mo || !d) return std::nullopt;
  t.month = *mo;
  t.day = *d;
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if (basic) {
      const auto h = digits(s, i, 2), m = digits(s, i, 2), sec = digits(s, i, 2);
      if (!h || !m || !sec) return std::nullopt;
      t.hour = *h;
      t.minute = *m;
      t.second = *sec;
      t.has_time = true;
    } else if (!clock(s, i, t)) {
      return std::nullopt;
    }
    if (!zone(s, i, t.offset_minutes)) return std::nullopt;
  }
  skip_spaces(s, i);
  if (i != s.size()) return std::nullopt;
  return format(t);
}

inline std::optional<std::string> rfc822(std::string_view s) {
  DateTime t;
  std::size_t i = 0;
  skip_spaces(s, i);
  // An optional day name ("Sat," / "Saturday,").
  if (i < s.size() && !digit(s[i])) {
    if (word(s, i).size() < 3) return std::nullopt;
    skip_spaces(s, i);
  }
  const auto d = number(s, i, 2);
  if (!d) return std::nullopt;
  t.day = *d;
  skip_spaces(s, i);
  if (i < s.size() && s[i] == '-') ++i;  // "29-Jul-2023"
  t.month = month_number(word(s, i));
  if (t.month == 0) return std::nullopt;
  if (i < s.size() && s[i] == '.') ++i;  // "Jul."
  if (i < s.size() && s[i] == '-') ++i;
  skip_spaces(s, i);
  const std::size_t year_start = i;
  const auto y = number(s, i, 4);
  if (!y) return std::nullopt;
  // RFC 2822 obsolete two-digit years: 00-49 are 20xx, 50-99 are 19xx.
  t.year = (i - year_start == 2) ? (*y < 50 ? 2000 + *y : 1900 + *y) : *y;
  skip_spaces(s, i);
  if (i < s.size()) {
    if (!clock(s, i, t)) return std::nullopt;
    if (!zone(s, i, t.offset_minutes)) return std::nullopt;
    skip_spaces(s, i);
    // "(PDT)" or similar comment after a numeric zone.
    if (i < s.size() && s[i] == '(')
      i = s.find(')', i) == std::string_view::npos ? s.size() : s.find(')', i) + 1;
    skip_spaces(s, i);
    if (i != s.size()) return std::nullopt;
  }
  return format(t);
}

}  // namespace detail

inline std::optional<std::string> normalize_date(std::string_view raw) {
  std::string_view s = raw;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.empty() || s.size() > 64) return std::nullopt;
  if (s.size() >= 9 && s.size() <= 11 && s.find_first_not_of("0123456789") == std::string_view::npos) {
    using namespace std::chrono;
    std::int64_t secs = 0;
    for (const char c : s) secs = secs * 10 + (c - '0');
    const sys_seconds when{seconds{secs}};
    const sys_days day = floor<days>(when);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{when - day};
    detail::DateTime t{static_cast<int>(ymd.year()),
                       static_cast<int>(unsigned(ymd.month())),
                       static_cast<int>(unsigned(ymd.day())),
                       static_cast<int>(hms.hours().count()),
                       static_cast<int>(hms.minutes().count()),
                       static_cast<int>(hms.seconds().count()),
                       true,
                       0};
    return detail::format(t);
  }
  if (s.size() >= 8 && detail::digit(s[0]) && detail::digit(s[1]) && detail::digit(s[2]) &&
      detail::digit(s[3]))
    return detail::iso8601(s);
  return detail::rfc822(s);
}

}  // namespace sluice::sdk::text

// Absolute dates: "29 July 2023", "29th of July", "July 29, 2023",
// "Saturday 29 July", "July 2023", "2023-07-29", "29/07/2023", "in 2022".
#include <cstdlib>

#include "found_date.hpp"
#include "vocabulary.hpp"

namespace sluice::plugins::dates {
namespace {

using namespace std::chrono;

// Between the parts of a written date: spaces, a comma, the dot of "Jan.".
bool date_gap(std::string_view g) {
  if (g.empty() || g.size() > 3) return false;
  for (const char c : g) {
    if (c != ' ' && c != ',' && c != '.') return false;
  }
  return g.back() == ' ';
}

// A year-less date takes the year that puts it closest to the reference.
std::string resolve_day(const Scan& scan, int month_n, int day_n, int year_n) {
  const month m{static_cast<unsigned>(month_n)};
  const day d{static_cast<unsigned>(day_n)};
  if (year_n != 0) {
    const Date date{year{year_n}, m, d};
    return date.ok() ? iso_day(date) : std::string();
  }
  if (!scan.reference) {
    if (!(year{2000} / m / d).ok()) return {};  // 2000 is a leap year: 29 February is fine
    char buf[32];
    std::snprintf(buf, sizeof buf, "--%02d-%02d", month_n, day_n);  // ISO 8601 without the year
    return buf;
  }
  const sys_days ref{*scan.reference};
  std::string best;
  long best_distance = 0;
  for (int dy = -1; dy <= 1; ++dy) {
    const Date date{scan.reference->year() + years{dy}, m, d};
    if (!date.ok()) continue;
    const long distance = std::labs(static_cast<long>((sys_days{date} - ref).count()));
    if (best.empty() || distance < best_distance) {
      best = iso_day(date);
      best_distance = distance;
    }
  }
  return best;
}

// A year after word `i` (separated by a date gap), or 0.
int year_after(const Scan& s, std::size_t i) {
  if (i + 1 >= s.words.size() || !date_gap(s.gap(i + 1))) return 0;
  return year_number(s.word(i + 1));
}

// Tries a written date starting at word i; returns the index of its last
// word and sets `iso`, or returns 0 when there is none. A date that is
// written like one but does not exist ("31 February 2023") leaves `iso`
// empty: its words are consumed so that no part of it ("February 2023")
// is reported instead.
std::size_t written_date(const Scan& s, std::size_t i, std::string& iso) {
  const std::size_t n = s.words.size();
  const auto month_at = [&](std::size_t k) {
    return s.terms[k].kind == TermKind::Month && s.words[k].capitalized ? int{s.terms[k].value} : 0;
  };
  // Day [of] Month [Year]
  if (const int d = day_number(s.word(i)); d != 0 && i + 1 < n) {
    std::size_t j = i + 1;
    if (s.terms[j].is(DateWord::Of) && s.spaced(j) && j + 1 < n) ++j;
    if (const int m = month_at(j); m != 0 && date_gap(s.gap(j))) {
      const int y = year_after(s, j);
      iso = resolve_day(s, m, d, y);
      return y != 0 ? j + 1 : j;
    }
  }
  const int m = month_at(i);
  if (m == 0 || i + 1 >= n || !date_gap(s.gap(i + 1))) return 0;
  // Month Day[,] [Year]
  if (const int d = day_number(s.word(i + 1)); d != 0) {
    const int y = year_after(s, i + 1);
    iso = resolve_day(s, m, d, y);
    return y != 0 ? i + 2 : i + 1;
  }
  // Month Year
  if (const int y = year_number(s.word(i + 1)); y != 0) {
    iso = iso_month(year{y} / month{static_cast<unsigned>(m)});
    return i + 1;
  }
  return 0;
}

// 29/07/2023 or 07/29/2023: the part over 12 is the day; else `day_first`.
std::size_t slashed_date(const Scan& s, std::size_t i, std::string& iso) {
  if (i + 2 >= s.words.size() || s.gap(i + 1) != "/" || s.gap(i + 2) != "/") return 0;
  const int a = day_number(s.word(i)), b = day_number(s.word(i + 1));
  const std::string_view ys = s.word(i + 2);
  int y = year_number(ys);
  if (y == 0 && ys.size() == 2 && s.words[i + 2].numeric) y = 2000 + std::atoi(std::string(ys).c_str());
  if (a == 0 || b == 0 || y == 0 || !s.words[i].numeric || !s.words[i + 1].numeric) return 0;
  const bool day_first = a > 12 || (b <= 12 && s.day_first);
  const int day_n = day_first ? a : b;
  const int month_n = day_first ? b : a;
  if (month_n > 12) return 0;
  const Date d{year{y}, month{static_cast<unsigned>(month_n)}, day{static_cast<unsigned>(day_n)}};
  if (!d.ok()) return 0;
  iso = iso_day(d);
  return i + 2;
}

bool is_year_preposition(Term t) { return t.is(DateWord::YearPreposition) || t.is(DateWord::Before); }

}  // namespace

void find_absolute_dates(Scan& s, std::vector<FoundDate>& out) {
  const std::size_t n = s.words.size();
  // "in 2022": a bare year counts only after a preposition, since a number
  // like 2000 is as often a count as a year. Returns true when taken.
  const auto year_after_preposition = [&](std::size_t i) {
    if (i + 1 >= n || !is_year_preposition(s.terms[i]) || !s.spaced(i + 1)) return false;
    const int y = year_number(s.word(i + 1));
    if (y != 0) s.take(i + 1, i + 1, iso_year(year{y}), false, out);
    return y != 0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (s.used[i]) continue;
    const std::string_view w = s.word(i);
    const bool digit = w.front() >= '0' && w.front() <= '9';
    // Dates start with a digit or a capitalized month or weekday; any other
    // word can only be the preposition of "in 2022". Checking that first
    // keeps the scan cheap on ordinary words.
    if (!digit && !s.words[i].capitalized) {
      if (year_after_preposition(i)) ++i;
      continue;
    }
    std::string iso;
    // 2023-07-29
    if (s.words[i].numeric && w.size() == 10) {
      if (const auto d = parse_iso_day(w)) {
        s.take(i, i, iso_day(*d), false, out);
        continue;
      }
    }
    if (const std::size_t last = slashed_date(s, i, iso); last != 0) {
      s.take(i, last, iso, false, out);
      i = last;
      continue;
    }
    // A weekday in front belongs to the date: "Saturday 29 July".
    const bool weekday = s.terms[i].kind == TermKind::Weekday && i + 1 < n && date_gap(s.gap(i + 1));
    if (const std::size_t last = written_date(s, weekday ? i + 1 : i, iso); last != 0) {
      if (!iso.empty()) s.take(i, last, iso, false, out);
      i = last;
      continue;
    }
    if (year_after_preposition(i)) ++i;  // "In 2022" opening a sentence
  }
}

}  // namespace sluice::plugins::dates

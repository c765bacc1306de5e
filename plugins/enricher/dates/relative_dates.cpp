// Relative dates, resolved against the published date: "today",
// "yesterday", "this week", "last year", "two weeks ago", "on Monday".
#include "found_date.hpp"
#include "vocabulary.hpp"

namespace sluice::plugins::dates {
namespace {

using namespace std::chrono;

// The period `offset` units away from the reference, in ISO form at the
// unit's precision: a day, an ISO week, a month or a year.
std::string shifted(Date ref, Unit unit, int offset) {
  switch (unit) {
    case Unit::Day: return iso_day(add_days(ref, offset));
    case Unit::Week: return iso_week(add_days(ref, 7 * offset));
    case Unit::Month: return iso_month(add_months(ref.year() / ref.month(), offset));
    case Unit::Year: return iso_year(ref.year() + years{offset});
  }
  return {};
}

// -1 for "last"/"previous", 0 for "this", +1 for "next"/"coming"; 2 otherwise.
int direction(Term t) {
  if (t.is(DateWord::Last) || t.is(DateWord::Previous)) return -1;
  if (t.is(DateWord::This)) return 0;
  if (t.is(DateWord::Next) || t.is(DateWord::Coming)) return 1;
  return 2;
}

}  // namespace

void find_relative_dates(Scan& s, std::vector<FoundDate>& out) {
  if (!s.reference) return;  // nothing to resolve against
  const Date ref = *s.reference;
  const std::size_t n = s.words.size();
  // Words i..i+count-1 exist, are not taken and are separated by spaces.
  const auto free_run = [&](std::size_t i, std::size_t count) {
    if (i + count > n) return false;
    for (std::size_t k = i; k < i + count; ++k) {
      if (s.used[k] || (k > i && !s.spaced(k))) return false;
    }
    return true;
  };
  const auto is = [&](std::size_t i, DateWord w) { return i < n && s.terms[i].is(w); };

  for (std::size_t i = 0; i < n; ++i) {
    const Term t = s.terms[i];
    if (s.used[i] || (t.kind == TermKind::None && !s.words[i].numeric)) continue;

    if (t.is(Unit::Day) && is(i + 1, DateWord::Before) && is(i + 2, DateWord::Yesterday) && free_run(i, 3)) {
      s.take(i, i + 2, iso_day(add_days(ref, -2)), true, out);
      i += 2;
      continue;
    }
    if (t.is(DateWord::Yesterday) || t.is(DateWord::Today) || t.is(DateWord::Tonight) ||
        t.is(DateWord::Tomorrow)) {
      const int offset = t.is(DateWord::Yesterday) ? -1 : t.is(DateWord::Tomorrow) ? 1 : 0;
      s.take(i, i, iso_day(add_days(ref, offset)), true, out);
      continue;
    }
    if (t.is(DateWord::Last) && is(i + 1, DateWord::Night) && free_run(i, 2)) {
      s.take(i, i + 1, iso_day(add_days(ref, -1)), true, out);
      ++i;
      continue;
    }
    if (t.is(DateWord::This) && free_run(i, 2) &&
        (is(i + 1, DateWord::Morning) || is(i + 1, DateWord::Afternoon) || is(i + 1, DateWord::Evening))) {
      s.take(i, i + 1, iso_day(ref), true, out);
      ++i;
      continue;
    }
    // this/last/next week|month|year
    const int dir = direction(t);
    if (dir != 2 && free_run(i, 2) && s.terms[i + 1].kind == TermKind::Unit &&
        !s.terms[i + 1].is(Unit::Day)) {
      s.take(i, i + 1, shifted(ref, static_cast<Unit>(s.terms[i + 1].value), dir), true, out);
      ++i;
      continue;
    }
    // N days|weeks|months|years ago
    if (const int count = small_number(s.word(i), t);
        count >= 0 && free_run(i, 3) && s.terms[i + 1].kind == TermKind::Unit && is(i + 2, DateWord::Ago)) {
      s.take(i, i + 2, shifted(ref, static_cast<Unit>(s.terms[i + 1].value), -count), true, out);
      i += 2;
      continue;
    }
    // [on|last|next|this] Monday: past events are the news, so a bare or
    // "on" weekday is the latest such day on or before the published date.
    const bool modified = dir != 2 || t.is(DateWord::On);
    const std::size_t day_at = modified ? i + 1 : i;
    if (day_at < n && !s.used[day_at] && s.terms[day_at].kind == TermKind::Weekday &&
        s.words[day_at].capitalized && (day_at == i || s.spaced(day_at))) {
      const weekday target{static_cast<unsigned>(s.terms[day_at].value)};
      const Date d = dir == -1  ? previous_weekday(ref, target, true)
                     : dir == 1 ? next_weekday(ref, target)
                                : previous_weekday(ref, target, false);
      s.take(i, day_at, iso_day(d), true, out);
      i = day_at;
    }
  }
}

}  // namespace sluice::plugins::dates

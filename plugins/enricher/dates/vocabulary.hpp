// The English words dates are written with: months, weekdays, small
// numbers, units and the words of relative dates, looked up in one hash
// probe per word.
#pragma once

#include <cstdint>
#include <string_view>

namespace sluice::plugins::dates {

enum class TermKind : std::uint8_t { None, Month, Weekday, Number, Unit, Word };

enum class Unit : std::uint8_t { Day, Week, Month, Year };

// The words relative dates are made of.
enum class DateWord : std::uint8_t {
  Yesterday,
  Today,
  Tonight,
  Tomorrow,  // a day
  Last,
  Previous,
  This,
  Next,
  Coming,  // a direction
  Night,
  Morning,
  Afternoon,
  Evening,  // parts of a day
  Before,
  Ago,
  Of,
  On,
  YearPreposition,  // in, since, until, by, during, before, after, from, through
};

// What a word means for dates (ASCII case-insensitive): a Month (value
// 1..12, "March", "Mar", "Sept"), a Weekday (0 = Sunday .. 6), a Number
// ("a", "an", "one" .. "twelve"), a Unit (value: Unit) or a Word (value:
// DateWord); None for anything else. "May" and "March" are ordinary words
// too: callers only take them as months next to a number. "before" is both
// DateWord::Before and a year preposition: it is reported as Before.
struct Term {
  TermKind kind = TermKind::None;
  std::uint8_t value = 0;
  bool is(DateWord w) const { return kind == TermKind::Word && value == static_cast<std::uint8_t>(w); }
  bool is(Unit u) const { return kind == TermKind::Unit && value == static_cast<std::uint8_t>(u); }
};
Term term_of(std::string_view word);

// Digits up to 999 as a number, or a Number term's value; else -1.
int small_number(std::string_view word, Term term);

// 1..31 for "29", "29th", "1st", else 0.
int day_number(std::string_view word);

// A four-digit year 1000..2999 (a plain number), else 0.
int year_number(std::string_view word);

}  // namespace sluice::plugins::dates

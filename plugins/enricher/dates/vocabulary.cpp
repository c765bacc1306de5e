#include "vocabulary.hpp"

namespace sluice::plugins::dates {
namespace {

bool all_digits(std::string_view w) {
  if (w.empty()) return false;
  for (const char c : w) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (const char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool ascii_equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

struct Entry {
  std::string_view word;
  TermKind kind;
  std::uint8_t value;
};

constexpr std::uint8_t word(DateWord w) { return static_cast<std::uint8_t>(w); }
constexpr std::uint8_t unit(Unit u) { return static_cast<std::uint8_t>(u); }

constexpr Entry kEntries[] = {
    {"january", TermKind::Month, 1},
    {"jan", TermKind::Month, 1},
    {"february", TermKind::Month, 2},
    {"feb", TermKind::Month, 2},
    {"march", TermKind::Month, 3},
    {"mar", TermKind::Month, 3},
    {"april", TermKind::Month, 4},
    {"apr", TermKind::Month, 4},
    {"may", TermKind::Month, 5},
    {"june", TermKind::Month, 6},
    {"jun", TermKind::Month, 6},
    {"july", TermKind::Month, 7},
    {"jul", TermKind::Month, 7},
    {"august", TermKind::Month, 8},
    {"aug", TermKind::Month, 8},
    {"september", TermKind::Month, 9},
    {"sep", TermKind::Month, 9},
    {"sept", TermKind::Month, 9},
    {"october", TermKind::Month, 10},
    {"oct", TermKind::Month, 10},
    {"november", TermKind::Month, 11},
    {"nov", TermKind::Month, 11},
    {"december", TermKind::Month, 12},
    {"dec", TermKind::Month, 12},
    {"sunday", TermKind::Weekday, 0},
    {"monday", TermKind::Weekday, 1},
    {"tuesday", TermKind::Weekday, 2},
    {"wednesday", TermKind::Weekday, 3},
    {"thursday", TermKind::Weekday, 4},
    {"friday", TermKind::Weekday, 5},
    {"saturday", TermKind::Weekday, 6},
    {"a", TermKind::Number, 1},
    {"an", TermKind::Number, 1},
    {"one", TermKind::Number, 1},
    {"two", TermKind::Number, 2},
    {"three", TermKind::Number, 3},
    {"four", TermKind::Number, 4},
    {"five", TermKind::Number, 5},
    {"six", TermKind::Number, 6},
    {"seven", TermKind::Number, 7},
    {"eight", TermKind::Number, 8},
    {"nine", TermKind::Number, 9},
    {"ten", TermKind::Number, 10},
    {"eleven", TermKind::Number, 11},
    {"twelve", TermKind::Number, 12},
    {"day", TermKind::Unit, unit(Unit::Day)},
    {"days", TermKind::Unit, unit(Unit::Day)},
    {"week", TermKind::Unit, unit(Unit::Week)},
    {"weeks", TermKind::Unit, unit(Unit::Week)},
    {"month", TermKind::Unit, unit(Unit::Month)},
    {"months", TermKind::Unit, unit(Unit::Month)},
    {"year", TermKind::Unit, unit(Unit::Year)},
    {"years", TermKind::Unit, unit(Unit::Year)},
    {"yesterday", TermKind::Word, word(DateWord::Yesterday)},
    {"today", TermKind::Word, word(DateWord::Today)},
    {"tonight", TermKind::Word, word(DateWord::Tonight)},
    {"tomorrow", TermKind::Word, word(DateWord::Tomorrow)},
    {"last", TermKind::Word, word(DateWord::Last)},
    {"previous", TermKind::Word, word(DateWord::Previous)},
    {"this", TermKind::Word, word(DateWord::This)},
    {"next", TermKind::Word, word(DateWord::Next)},
    {"coming", TermKind::Word, word(DateWord::Coming)},
    {"night", TermKind::Word, word(DateWord::Night)},
    {"morning", TermKind::Word, word(DateWord::Morning)},
    {"afternoon", TermKind::Word, word(DateWord::Afternoon)},
    {"evening", TermKind::Word, word(DateWord::Evening)},
    {"before", TermKind::Word, word(DateWord::Before)},
    {"ago", TermKind::Word, word(DateWord::Ago)},
    {"of", TermKind::Word, word(DateWord::Of)},
    {"on", TermKind::Word, word(DateWord::On)},
    {"in", TermKind::Word, word(DateWord::YearPreposition)},
    {"since", TermKind::Word, word(DateWord::YearPreposition)},
    {"until", TermKind::Word, word(DateWord::YearPreposition)},
    {"by", TermKind::Word, word(DateWord::YearPreposition)},
    {"during", TermKind::Word, word(DateWord::YearPreposition)},
    {"after", TermKind::Word, word(DateWord::YearPreposition)},
    {"from", TermKind::Word, word(DateWord::YearPreposition)},
    {"through", TermKind::Word, word(DateWord::YearPreposition)},
};
constexpr std::size_t kLongest = 9;  // "september", "wednesday", "afternoon"

// The vocabulary as a small open-addressing table keyed by the word's first
// eight lower-case letters packed into an integer (plus the ninth letter of
// the three nine-letter words): a word is looked up with a multiply and a
// compare or two, no string hashing. Every word of every article passes
// through term_of(), so this is on the hot path.
struct PackedWord {
  std::uint64_t first8 = 0;
  char ninth = 0;
  std::uint8_t length = 0;
  bool operator==(const PackedWord&) const = default;
};

// False for a word that cannot be in the vocabulary (too long, not ASCII).
bool pack(std::string_view w, PackedWord& out) {
  if (w.empty() || w.size() > kLongest) return false;
  out = PackedWord{};
  out.length = static_cast<std::uint8_t>(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if (c >= 0x80) return false;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (i < 8)
      out.first8 |= std::uint64_t{c} << (8 * i);
    else
      out.ninth = static_cast<char>(c);
  }
  return true;
}

class Vocabulary {
 public:
  Vocabulary() {
    for (std::uint16_t e = 0; e < std::size(kEntries); ++e) {
      PackedWord key;
      pack(kEntries[e].word, key);
      std::size_t i = slot(key);
      while (slots_[i].entry != 0) i = (i + 1) % kSlots;
      slots_[i] = {key, static_cast<std::uint16_t>(e + 1)};
    }
  }
  Term find(const PackedWord& key) const {
    for (std::size_t i = slot(key);; i = (i + 1) % kSlots) {
      const Slot& s = slots_[i];
      if (s.entry == 0) return {};
      if (s.key == key) return {kEntries[s.entry - 1].kind, kEntries[s.entry - 1].value};
    }
  }

 private:
  static constexpr std::size_t kSlots = 256;  // over three times the vocabulary
  static std::size_t slot(const PackedWord& k) {
    return static_cast<std::size_t>(
        ((k.first8 ^ static_cast<std::uint64_t>(k.ninth)) * 0x9E3779B97F4A7C15ull) >> 56);
  }
  struct Slot {
    PackedWord key;
    std::uint16_t entry = 0;  // index into kEntries + 1; 0 is empty
  };
  Slot slots_[kSlots] = {};
};

}  // namespace

Term term_of(std::string_view w) {
  static const Vocabulary vocabulary;  // immutable once built
  PackedWord key;
  if (!pack(w, key)) return {};
  return vocabulary.find(key);
}

int small_number(std::string_view w, Term term) {
  if (term.kind == TermKind::Number) return term.value;
  if (all_digits(w) && w.size() <= 3) return to_int(w);
  return -1;
}

int day_number(std::string_view w) {
  std::string_view digits = w;
  if (w.size() > 2) {
    const std::string_view suffix = w.substr(w.size() - 2);
    if (ascii_equal_ignoring_case(suffix, "st") || ascii_equal_ignoring_case(suffix, "nd") ||
        ascii_equal_ignoring_case(suffix, "rd") || ascii_equal_ignoring_case(suffix, "th")) {
      digits = w.substr(0, w.size() - 2);
    }
  }
  if (digits.size() > 2 || !all_digits(digits)) return 0;
  const int d = to_int(digits);
  return d >= 1 && d <= 31 ? d : 0;
}

int year_number(std::string_view w) {
  if (w.size() != 4 || !all_digits(w)) return 0;
  const int y = to_int(w);
  return y >= 1000 && y <= 2999 ? y : 0;
}

}  // namespace sluice::plugins::dates

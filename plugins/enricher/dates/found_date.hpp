// What the date scanners share: the words of one text and what they found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.hpp"
#include "sluice/text_stats/words.hpp"
#include "vocabulary.hpp"

namespace sluice::plugins::dates {

struct FoundDate {
  std::uint32_t begin = 0;  // byte offsets into the text
  std::uint32_t end = 0;
  std::string iso;  // ISO 8601: day, week, month or year
  bool relative = false;
};

// One text being scanned. `used` marks words already part of a found date,
// so the relative scanner does not read "Monday" again in "Monday 29 July".
struct Scan {
  std::string_view text;
  std::vector<text_stats::Word> words;
  std::vector<Term> terms;  // term_of() of each word
  std::vector<bool> used;
  std::optional<Date> reference;  // the published date
  bool day_first = true;          // 03/04/2023 is 3 April

  // Reads `t` into words, terms and used.
  void load(std::string_view t) {
    text = t;
    words.clear();
    text_stats::split_words(t, words);
    terms.resize(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) terms[i] = term_of(words[i].in(t));
    used.assign(words.size(), false);
  }

  std::string_view word(std::size_t i) const { return words[i].in(text); }
  // The text between word i-1 and word i.
  std::string_view gap(std::size_t i) const {
    return text.substr(words[i - 1].end, words[i].begin - words[i - 1].end);
  }
  // Only white space between word i-1 and word i.
  bool spaced(std::size_t i) const {
    for (const char c : gap(i)) {
      if (c != ' ') return false;
    }
    return true;
  }
  void take(std::size_t first, std::size_t last, std::string iso, bool relative,
            std::vector<FoundDate>& out) {
    for (std::size_t k = first; k <= last; ++k) used[k] = true;
    out.push_back({words[first].begin, words[last].end, std::move(iso), relative});
  }
};

// Both append to `out` in text order and mark the words they use.
void find_absolute_dates(Scan& scan, std::vector<FoundDate>& out);
void find_relative_dates(Scan& scan, std::vector<FoundDate>& out);

}  // namespace sluice::plugins::dates

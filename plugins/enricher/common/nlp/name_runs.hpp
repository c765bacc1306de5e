// Capitalised-name runs: the candidate names of a paragraph, before anyone
// decides what they are.
//
// A run is a maximal sequence of capitalised words, joined across
//  - name particles between capitalised words ("Ursula von der Leyen"),
//  - "of"/"for"/"on" (and "of the") after an organisation, place or role
//    head ("Carnegie Endowment for International Peace", "Gulf of Mexico",
//    "Secretary of State"),
//  - "&" between capitalised words ("Procter & Gamble"),
//  - the full stop of a courtesy title ("Mr. Shoigu").
// A run ends at punctuation, a lower-case word or a possessive ("Russia’s"
// gives the run "Russia"). Capitalised function words ("The", "However",
// "I") never start a run; an all-capitals word ("US", "IT") may.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "nlp/lexicon.hpp"
#include "nlp/token.hpp"

namespace sluice::plugins::nlp {

struct NameRun {
  std::uint32_t first = 0;  // token indices, [first, last)
  std::uint32_t last = 0;
  bool initial = false;     // starts a sentence or a quotation
  bool possessive = false;  // a possessive follows ("Shoigu’s")
};

void find_runs(std::string_view text, const Tokens& tokens, const Lexicon& lex, std::vector<NameRun>& out);

// A run split at its courtesy title or role words:
//   "Russian Defence Minister Sergei Shoigu" -> left "Russian",
//   title "Defence Minister", name "Sergei Shoigu";
//   "Mr Shoigu" -> title "Mr", name "Shoigu" (honorific = true).
// Every part is a token range inside the run; empty parts have
// first == last. When the run holds no title, `name` is the whole run.
// When the words after a role do not look like a personal name ("General
// Motors", "General Assembly"), the run is not split.
struct RunParts {
  NameRun left, title, name;
  bool honorific = false;   // the title is a courtesy title (Mr, Dr ...)
  bool role = false;        // the title is a role (President, Minister ...)
  bool only_title = false;  // the run is nothing but title words
};

RunParts split_run(std::string_view text, const Tokens& tokens, const Lexicon& lex, const NameRun& run);

// The text of tokens [first, last) as it stands in the paragraph.
inline std::string_view span_text(std::string_view text, const Tokens& t, std::uint32_t first,
                                  std::uint32_t last) {
  return text.substr(t[first].begin, t[last - 1].end - t[first].begin);
}

}  // namespace sluice::plugins::nlp

// Candidate key phrases of an article: runs of content words, and every
// 1..max_words-word phrase inside a run, counted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sluice/text_stats/flat_map.hpp"
#include "sluice/text_stats/string_table.hpp"

namespace sluice::plugins::keywords {

struct Candidate {
  std::uint32_t words = 0;               // phrase length
  std::uint32_t count = 0;               // occurrences
  std::uint32_t capitalized = 0;         // occurrences whose every word starts upper case
  std::uint32_t first = 0;               // index of the first word of the first occurrence
  std::uint64_t prefix = 0;              // hash of the phrase without its last word (0 for one word)
  std::uint64_t suffix = 0;              // ... without its first word
  std::uint32_t token = 0;               // Candidates::tokens index of its first word (words are consecutive)
  std::string_view surface;              // the first occurrence as written
  std::string_view capitalized_surface;  // the first capitalized one
};

// One content-word occurrence, in article order.
struct Token {
  std::uint64_t hash = 0;   // of the folded word
  std::string_view folded;  // into the text when folding changed nothing, else into folded_words
};

// Everything the ranking needs, keyed by phrase hash.
struct Candidates {
  text_stats::FlatMap<Candidate> phrases{512};
  std::vector<Token> tokens;      // every content-word occurrence
  std::string folded_words;       // folded words that differ from the text; never reallocated
  std::uint32_t total_words = 0;  // all words, for position figures
};

inline constexpr std::uint32_t kMaxWords = 6;  // the largest max_words

// Collects candidates from `texts` (title, then body paragraphs). A run of
// content words ends at a stopword of `stop`, a number, a one-letter word,
// any punctuation between two words, and after a possessive ("Russia’s
// defence" is two runs). All-capital words of two or more letters are
// acronyms, never stopwords ("US" is not "us").
Candidates collect(const std::vector<std::string_view>& texts, const text_stats::StringTable& stop,
                   std::uint32_t max_words);

// Hash of a phrase from the hashes of its folded words, in order.
std::uint64_t combine(std::uint64_t phrase, std::uint64_t word);

}  // namespace sluice::plugins::keywords

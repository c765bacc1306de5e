// Ranking candidate phrases into an article's keywords.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "candidates.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::keywords {

struct RankOptions {
  std::uint32_t top = 10;
  std::uint32_t min_phrase_count = 2;  // for phrases of two or more words
};

// Weight of one word (a Candidates::tokens entry, folded and hashed): its
// inverse document frequency when the stage keeps document frequencies,
// else 1 for every word.
using WordWeight = std::function<double(const Token& word)>;

// score = count
//       * mean word weight
//       * sqrt(words)                          longer phrases are more specific
//       * (1 + 0.5 * capitalized / count)      names matter in news
//       * (1 + 0.5 * (1 - first / total))      earlier is more central
//
// A phrase is left out when it mostly occurs inside longer kept phrases
// (occurrences inside phrases one word longer >= 70% of its own: "Korea"
// inside "North Korea"), and a multi-word phrase seen fewer than
// `min_phrase_count` times is left out. Scores are divided by the best one,
// so the first keyword scores 1. A phrase written capitalized in most
// occurrences keeps that spelling ("North Korea"), any other is lower case.
std::vector<sdk::Keyword> rank(const Candidates& candidates, const WordWeight& weight,
                               const RankOptions& options);

}  // namespace sluice::plugins::keywords

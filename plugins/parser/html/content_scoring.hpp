// Finding the element that holds the article: readability's scoring (every
// paragraph gives points to its ancestors, the best-scored container wins,
// then its siblings that look like more of the same join it), weighted by
// our class hints and explicit article-body markers.
#pragma once

#include <vector>

#include "blocks.hpp"
#include "class_hints.hpp"
#include "dom.hpp"
#include "pruning.hpp"
#include "tuning.hpp"

namespace sluice::plugins::html {

struct ContentScores {
  std::vector<double> score;  // per node; 0 for nodes no paragraph reached
  std::vector<char> scored;
};

// The scores of every container, from the blocks that are not cut.
ContentScores score_containers(const Dom& dom, const std::vector<Hint>& hints,
                               const std::vector<Block>& blocks, const std::vector<char>& cut,
                               const TextTotals& totals);

// The elements whose text is the article, in document order: the best
// container (moved up where readability would, and while an ancestor
// holds clearly more sentence-like prose) and the siblings that join it.
// Empty when no block scored.
std::vector<int> select_content(const Dom& dom, const ContentScores& scores, const std::vector<char>& cut,
                                const TextTotals& totals, const Tuning& tuning);

// A class/id weight in readability's spirit: +25 for content-like names,
// +25 more for an explicit article-body marker, -25 for any furniture hint.
double class_weight(const Hint& hint);

}  // namespace sluice::plugins::html

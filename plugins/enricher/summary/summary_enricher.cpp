#include "summary_enricher.hpp"

#include <algorithm>

#include "sentence_scores.hpp"

namespace sluice::plugins::summary {

SummaryEnricher::SummaryEnricher(const sdk::StageInit& init) {
  const std::int64_t n = init.options.integer("sentences");
  const std::int64_t min_words = init.options.integer("min_words");
  position_weight_ = init.options.number("position_weight");
  if (n < 1 || n > 100) throw sdk::StageError("option 'sentences' must be between 1 and 100");
  if (min_words < 0) throw sdk::StageError("option 'min_words' must not be negative");
  if (position_weight_ < 0) throw sdk::StageError("option 'position_weight' must not be negative");
  sentences_ = static_cast<std::uint32_t>(n);
  min_words_ = static_cast<std::uint32_t>(min_words);
}

void SummaryEnricher::enrich(sdk::Article& article) {
  std::vector<ScoredSentence> scored =
      score_sentences(article.body, article.language, position_weight_, min_words_);
  // Best first (earlier on ties), then the chosen ones back in reading order.
  std::vector<std::size_t> order(scored.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scored[a].score > scored[b].score; });
  order.resize(std::min<std::size_t>(order.size(), sentences_));
  std::sort(order.begin(), order.end());

  std::string summary;
  for (const std::size_t i : order) {
    const ScoredSentence& s = scored[i];
    if (!summary.empty()) summary.push_back(' ');
    summary.append(article.body[s.paragraph], s.begin, s.end - s.begin);
  }
  if (!summary.empty()) article.fields["summary"] = std::move(summary);
}

}  // namespace sluice::plugins::summary

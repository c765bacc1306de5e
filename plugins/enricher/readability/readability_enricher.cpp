#include "readability_enricher.hpp"

#include "measure.hpp"

namespace sluice::plugins::readability {

ReadabilityEnricher::ReadabilityEnricher(const sdk::StageInit& init)
    : words_per_minute_(static_cast<double>(init.options.integer("words_per_minute"))) {
  if (words_per_minute_ <= 0) throw sdk::StageError("option 'words_per_minute' must be greater than 0");
}

void ReadabilityEnricher::enrich(sdk::Article& article) {
  article.readability = figures(count(article.body), words_per_minute_);
}

}  // namespace sluice::plugins::readability

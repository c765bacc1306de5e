// The `readability` enricher: words, sentences, reading time and Flesch
// reading ease of the article body.
#pragma once

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::readability {

// Keeps nothing between articles, so one instance serves every worker.
class ReadabilityEnricher final : public sdk::Enricher {
 public:
  explicit ReadabilityEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  double words_per_minute_;
};

}  // namespace sluice::plugins::readability

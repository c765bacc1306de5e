// The `summary` enricher: an extractive summary of the body's best
// sentences in fields["summary"].
#pragma once

#include <cstdint>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::summary {

// Keeps nothing between articles, so one instance serves every worker.
class SummaryEnricher final : public sdk::Enricher {
 public:
  explicit SummaryEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  std::uint32_t sentences_;
  double position_weight_;
  std::uint32_t min_words_;
};

}  // namespace sluice::plugins::summary

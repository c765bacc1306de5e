// The `dates` enricher: the published date in ISO 8601, and the dates the
// text mentions, absolute and relative, in fields["dates"].
#pragma once

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::dates {

// Keeps nothing between articles, so one instance serves every worker.
class DatesEnricher final : public sdk::Enricher {
 public:
  explicit DatesEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  bool day_first_;
  bool relative_;
};

}  // namespace sluice::plugins::dates

// The `places` enricher: countries and major cities an article names, in
// fields["places"].
#pragma once

#include "gazetteer.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::places {

// The gazetteer is read-only after construction, so one instance serves
// every worker.
class PlacesEnricher final : public sdk::Enricher {
 public:
  explicit PlacesEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  Gazetteer gazetteer_;
  bool cities_;
};

}  // namespace sluice::plugins::places

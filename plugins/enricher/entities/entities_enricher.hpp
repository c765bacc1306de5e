// The `entities` enricher: fills Article::entities (see recognizer.hpp for
// the rules). Whatever entities the article held before are replaced.
#pragma once

#include <array>

#include "recognizer.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::entities {

class EntitiesEnricher : public sdk::Enricher {
 public:
  explicit EntitiesEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  Recognizer recognizer_;
  RecognizerOptions options_;
  std::array<bool, 4> keep_{};  // by sdk::EntityType
  std::size_t min_mentions_ = 1;
};

}  // namespace sluice::plugins::entities

// The `entities` enricher: fills Article::entities (see recognizer.hpp for
// the rules). Whatever entities the article held before are replaced. The
// model and the rules are English: an article whose `language` is not in
// the `languages` option gets no entities, and the field `entities_skipped`
// says which language was skipped, so nothing wrong is invented for it.
#pragma once

#include <array>
#include <string>
#include <vector>

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
  std::vector<std::string> languages_;  // lower-case primary subtags
};

}  // namespace sluice::plugins::entities

// The `language` enricher: the article's language (ISO 639-1) with a
// confidence.
#pragma once

#include <cstddef>

#include "classifier.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::language {

// The classifier is immutable after construction, so one instance serves
// every worker.
class LanguageEnricher final : public sdk::Enricher {
 public:
  explicit LanguageEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  Classifier classifier_;
  bool overwrite_;
  std::size_t max_bytes_;
  std::size_t min_letters_;
  double min_confidence_;
};

}  // namespace sluice::plugins::language

// The `keywords` enricher: ranked key phrases into Article::keywords.
#pragma once

#include <cstdint>
#include <memory>

#include "document_frequencies.hpp"
#include "ranking.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::keywords {

// Thread-safe: the only shared state is the document-frequency store, which
// DocumentFrequencies updates under a lock. One instance serving every
// worker is also what keeps those counts exact.
class KeywordsEnricher final : public sdk::Enricher {
 public:
  explicit KeywordsEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  RankOptions rank_;
  std::uint32_t max_words_;
  std::uint64_t min_documents_;
  std::unique_ptr<DocumentFrequencies> df_;  // null when not kept
};

}  // namespace sluice::plugins::keywords

// The `dedup` enricher: Article::simhash, and near-duplicates of articles
// seen before (this run or earlier ones) marked in fields.
#pragma once

#include <cstdint>
#include <mutex>

#include "seen_index.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::dedup {

// Thread-safe: the index is read and updated under one lock, so of two
// near-duplicates processed at once exactly one is marked. One instance for
// every worker is also what lets same-run duplicates meet in memory.
class DedupEnricher final : public sdk::Enricher {
 public:
  explicit DedupEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

 private:
  std::uint32_t shingle_words_;
  std::uint32_t min_words_;
  bool drop_;
  std::mutex mutex_;
  SeenIndex index_;
};

}  // namespace sluice::plugins::dedup

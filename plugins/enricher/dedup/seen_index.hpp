// Where the dedup enricher remembers the articles it has seen, bucketed by
// SimHash bands so that a lookup reads a few buckets, never every article.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::dedup {

struct Match {
  std::string id;
  int distance = 0;
};

// The 64 bits are cut into `bands` bands (max_distance + 1 of them). Two
// hashes at most max_distance bits apart differ in at most max_distance
// bands, so by the pigeonhole principle they share at least one band
// exactly: looking in the article's own bucket of each band finds every
// near-duplicate. Buckets keep their `bucket_limit` most recent articles.
class SeenIndex {
 public:
  // With `state` the buckets live in the state store (keys
  // "band/<band>/<value in hex>", values lines of "<simhash hex> <id>"), so
  // they survive restarts and are shared by every run of the pipeline;
  // without, in memory for the stage's lifetime.
  SeenIndex(sdk::StateStore* state, int max_distance, std::size_t bucket_limit);

  // The closest article within max_distance other than `id` (the same
  // article read again is no duplicate of itself); on a tie the one seen
  // first. Then remembers this article. Not thread-safe: the caller locks.
  std::optional<Match> find_and_add(std::uint64_t simhash, const std::string& id);

  int bands() const { return bands_; }

 private:
  std::string bucket_key(int band, std::uint64_t simhash) const;
  // Looks for near-duplicates of `simhash` in one bucket (its text, as
  // stored), then adds the article to it; false when the article was in it
  // already, so the bucket is unchanged.
  bool search_and_add(std::string& bucket, std::uint64_t simhash, const std::string& id,
                      std::optional<Match>& best);

  sdk::StateStore* state_;
  int max_distance_;
  int bands_;
  std::size_t bucket_limit_;
  std::unordered_map<std::string, std::string> memory_;  // bucket texts, without a state store
};

}  // namespace sluice::plugins::dedup

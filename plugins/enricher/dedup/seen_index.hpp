// Where the dedup enricher remembers the articles it has seen, bucketed by
// SimHash bands so that a lookup reads a few buckets, never every article.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
//
// With a state store, each bucket is a ring of `bucket_limit` slots, one
// key per slot: "slot/<band>/<band value in hex>/<slot>" holding
// "<sequence> <simhash hex> <id>". Remembering an article writes one small
// slot per band (overwriting the bucket's oldest when it is full), never a
// whole bucket. Lookups compare against the simhashes held in memory (8
// bytes each, plus a 4-byte hash of the id), loaded from the slots the first
// time a bucket is touched; an id is read from the store only for a match.
// Without a state store, everything lives in memory for the stage's lifetime.
class SeenIndex {
 public:
  SeenIndex(sdk::StateStore* state, int max_distance, std::size_t bucket_limit);

  // The closest article within max_distance other than `id` (the same
  // article read again is no duplicate of itself); on a tie the one seen
  // first. Then remembers this article in each bucket that does not hold it
  // yet. Not thread-safe: the caller locks.
  std::optional<Match> find_and_add(std::uint64_t simhash, const std::string& id);

  int bands() const { return bands_; }

  // The key of one slot, as stored (for tests and the README).
  std::string slot_key(int band, std::uint64_t simhash, std::size_t slot) const;

 private:
  // One bucket: parallel arrays indexed by slot, filled in slot order and
  // then overwritten oldest first, so `oldest` is where the ring starts.
  struct Bucket {
    std::vector<std::uint64_t> simhashes;
    std::vector<std::uint32_t> id_hashes;
    std::vector<std::string> ids;  // only without a state store
    std::size_t oldest = 0;        // the slot written next once full
    std::uint64_t next_sequence = 0;
  };

  std::uint64_t band_value(int band, std::uint64_t simhash) const;
  std::string bucket_prefix(int band, std::uint64_t value) const;
  Bucket& bucket(int band, std::uint64_t value);
  void load(Bucket& b, int band, std::uint64_t value);
  void import_legacy(Bucket& b, int band, std::uint64_t value);
  void store_slot(Bucket& b, int band, std::uint64_t value, std::size_t slot, std::uint64_t simhash,
                  const std::string& id);
  std::optional<std::string> id_at(const Bucket& b, int band, std::uint64_t value, std::size_t slot);

  sdk::StateStore* state_;
  int max_distance_;
  int bands_;
  std::size_t bucket_limit_;
  std::vector<std::unordered_map<std::uint64_t, Bucket>> buckets_;  // per band, by band value
  std::size_t cached_entries_ = 0;
};

}  // namespace sluice::plugins::dedup

// A linear-chain sequence labeller: per-token scores from hashed sparse
// features plus label-to-label transition scores, decoded with Viterbi.
// The weights come from an averaged perceptron (sequence_trainer.hpp).
//
// All scores are integers (the averaged weights quantised to int16 with
// one scale for emissions and transitions), so decoding is exact and the
// same on every machine. Immutable after construction: one model serves
// any number of threads.
//
// Binary format, little-endian, written by SequenceTrainer::serialise():
//   "SLSEQ001"  magic
//   u32 labels, u32 features
//   i32 transitions[(labels + 1) * labels]   row `labels` is the start
//   u64 keys[features]                        ascending feature hashes
//   i16 weights[features * labels]            row per key
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sluice::plugins::nlp {

using FeatureId = std::uint64_t;

// 64-bit hash of a string, eight bytes at a time.
inline std::uint64_t hash_bytes(std::string_view v) {
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ v.size();
  std::size_t i = 0;
  for (; i + 8 <= v.size(); i += 8) {
    std::uint64_t x;
    __builtin_memcpy(&x, v.data() + i, 8);
    h = (h ^ x) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  for (std::size_t k = 0; i + k < v.size(); ++k)
    tail |= std::uint64_t{static_cast<unsigned char>(v[i + k])} << (8 * k);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 29);
}

// The id of feature template `tmpl` over one or two value hashes (a
// murmur-style finaliser); never 0, which marks an empty slot.
inline FeatureId feature_id(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t h = (std::uint64_t{tmpl} + 1) * 0x9e3779b97f4a7c15ull;
  h ^= a + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
  h ^= b + 0x8cb92ba72f3d8dd7ull + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

inline FeatureId feature_id(std::uint32_t tmpl, std::string_view value) {
  return feature_id(tmpl, hash_bytes(value));
}

class SequenceModel {
 public:
  // Parses and indexes the binary model (copying it); throws
  // std::runtime_error when it is malformed.
  explicit SequenceModel(std::string_view bytes);

  int labels() const { return labels_; }
  std::size_t features() const { return features_; }

  // Adds feature `f`'s weight row to `scores` (labels() entries); unknown
  // features add nothing.
  void accumulate(FeatureId f, std::int32_t* scores) const;
  // Starts loading feature `f`'s slot, so that a run of accumulate() calls
  // waits for many cache misses at once rather than one after another.
  void prefetch(FeatureId f) const { __builtin_prefetch(&table_[(f & mask_) * stride_]); }
  // Transition score from label `from` (labels() = sentence start) to `to`.
  std::int32_t transition(int from, int to) const {
    return transitions_[static_cast<std::size_t>(from * labels_ + to)];
  }

 private:
  int labels_ = 0;
  std::vector<std::int32_t> transitions_;
  // Open addressing over the feature hashes; each slot holds the key and
  // then its int16 weight row, so a lookup touches one cache line.
  std::size_t features_ = 0;
  std::size_t stride_ = 0;  // 64-bit words per slot
  std::vector<std::uint64_t> table_;
  std::uint64_t mask_ = 0;
};

// Scratch space of viterbi_decode, reused across calls.
struct ViterbiScratch {
  std::vector<std::int64_t> score;
  std::vector<std::uint8_t> back;
};

// Viterbi over a first-order chain, shared by the tagger and the trainer.
// `emit(t, y)` is the score of label y at token t, `trans(p, y)` the
// transition score (p == labels: the start), `allowed(p, y)` prunes.
// `out` receives the best label of each token.
template <class Emit, class Trans, class Allowed>
void viterbi_decode(std::size_t n, int labels, Emit emit, Trans trans, Allowed allowed,
                    ViterbiScratch& scratch, std::vector<std::uint8_t>& out) {
  out.assign(n, 0);
  if (n == 0) return;
  constexpr std::int64_t kNone = INT64_MIN / 4;
  const auto L = static_cast<std::size_t>(labels);
  auto& score = scratch.score;
  auto& back = scratch.back;
  score.assign(n * L, kNone);
  back.assign(n * L, 0);
  for (int y = 0; y < labels; ++y)
    if (allowed(labels, y)) score[static_cast<std::size_t>(y)] = trans(labels, y) + emit(0, y);
  for (std::size_t t = 1; t < n; ++t) {
    for (int y = 0; y < labels; ++y) {
      std::int64_t best = kNone;
      std::uint8_t arg = 0;
      for (int p = 0; p < labels; ++p) {
        const std::int64_t prev = score[(t - 1) * L + static_cast<std::size_t>(p)];
        if (prev == kNone || !allowed(p, y)) continue;
        const std::int64_t s = prev + trans(p, y);
        if (s > best) {
          best = s;
          arg = static_cast<std::uint8_t>(p);
        }
      }
      if (best == kNone) continue;
      score[t * L + static_cast<std::size_t>(y)] = best + emit(t, y);
      back[t * L + static_cast<std::size_t>(y)] = arg;
    }
  }
  std::int64_t best = kNone;
  for (int y = 0; y < labels; ++y)
    if (score[(n - 1) * L + static_cast<std::size_t>(y)] > best) {
      best = score[(n - 1) * L + static_cast<std::size_t>(y)];
      out[n - 1] = static_cast<std::uint8_t>(y);
    }
  for (std::size_t t = n - 1; t > 0; --t) out[t - 1] = back[t * L + out[t]];
}

}  // namespace sluice::plugins::nlp

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
#include <span>
#include <string_view>
#include <vector>

namespace sluice::plugins::nlp {

using FeatureId = std::uint64_t;

// The id of feature template `tmpl` with value `value` (FNV-1a over the
// template number and the bytes); never 0, which marks an empty slot.
inline FeatureId feature_id(std::uint32_t tmpl, std::string_view value) {
  std::uint64_t h = 0xcbf29ce484222325ull ^ (std::uint64_t{tmpl} * 0x9e3779b97f4a7c15ull);
  for (unsigned char c : value) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  h ^= h >> 29;
  return h == 0 ? 1 : h;
}

class SequenceModel {
 public:
  // Parses and indexes the binary model; throws std::runtime_error when it
  // is malformed. `bytes` must outlive the model (the weights stay there).
  explicit SequenceModel(std::string_view bytes);

  int labels() const { return labels_; }
  std::size_t features() const { return features_; }

  // Adds feature `f`'s weight row to `scores` (labels() entries); unknown
  // features add nothing.
  void accumulate(FeatureId f, std::int32_t* scores) const;
  // Transition score from label `from` (labels() = sentence start) to `to`.
  std::int32_t transition(int from, int to) const {
    return transitions_[static_cast<std::size_t>(from * labels_ + to)];
  }

  // The best label sequence for `emissions` (tokens x labels(), row-major),
  // where allowed(prev, cur) says which transitions may occur at all.
  // `out` receives one label per token.
  template <class Allowed>
  void viterbi(std::span<const std::int32_t> emissions, Allowed allowed, std::vector<std::uint8_t>& out) const;

 private:
  int labels_ = 0;
  std::vector<std::int32_t> transitions_;
  const unsigned char* weights_ = nullptr;  // int16 rows, unaligned
  // Open addressing over the feature hashes: slot -> key and row index.
  std::size_t features_ = 0;
  std::vector<FeatureId> slots_;
  std::vector<std::uint32_t> rows_;
  std::uint64_t mask_ = 0;
};

// Viterbi over a first-order chain, shared by the model and the trainer.
// `emit(t, y)` is the score of label y at token t, `trans(p, y)` the
// transition score (p == labels: the start), `allowed(p, y)` prunes.
template <class Emit, class Trans, class Allowed>
void viterbi_decode(std::size_t n, int labels, Emit emit, Trans trans, Allowed allowed,
                    std::vector<std::uint8_t>& out) {
  out.assign(n, 0);
  if (n == 0) return;
  constexpr std::int64_t kNone = INT64_MIN / 4;
  const auto L = static_cast<std::size_t>(labels);
  std::vector<std::int64_t> score(n * L, kNone);
  std::vector<std::uint8_t> back(n * L, 0);
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

template <class Allowed>
void SequenceModel::viterbi(std::span<const std::int32_t> emissions, Allowed allowed,
                            std::vector<std::uint8_t>& out) const {
  const auto L = static_cast<std::size_t>(labels_);
  viterbi_decode(
      emissions.size() / L, labels_, [&](std::size_t t, int y) { return emissions[t * L + static_cast<std::size_t>(y)]; },
      [&](int p, int y) { return transition(p, y); }, allowed, out);
}

}  // namespace sluice::plugins::nlp

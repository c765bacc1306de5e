#include "nlp/sequence_trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace sluice::plugins::nlp {
namespace {

// Far below any reachable score, yet safe to add to without overflow.
constexpr std::int64_t kClosed = -(std::int64_t{1} << 40);

template <class T>
void put(std::string& out, T v) {
  char b[sizeof v];
  std::memcpy(b, &v, sizeof v);
  out.append(b, sizeof v);
}

}  // namespace

SequenceTrainer::SequenceTrainer(int labels, std::vector<bool> allowed)
    : labels_(labels),
      allowed_(std::move(allowed)),
      transitions_(static_cast<std::size_t>((labels + 1) * labels)) {}

void SequenceTrainer::update(Weight& x, int delta) {
  x.sum += std::int64_t{x.w} * (step_ - x.stamp);
  x.stamp = step_;
  x.w += delta;
}

double SequenceTrainer::average(const Weight& x) const {
  const std::int64_t sum = x.sum + std::int64_t{x.w} * (step_ - x.stamp);
  return step_ == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(step_);
}

std::size_t SequenceTrainer::epoch(const std::vector<TrainingSequence>& seqs,
                                   const std::vector<std::size_t>& order) {
  const auto L = static_cast<std::size_t>(labels_);
  std::size_t wrong = 0;
  std::vector<std::int64_t> emissions;
  std::vector<std::uint8_t> predicted;
  ViterbiScratch scratch;
  for (const std::size_t si : order) {
    const TrainingSequence& s = seqs[si];
    const std::size_t n = s.gold.size();
    ++step_;
    emissions.assign(n * L, 0);
    for (std::size_t t = 0; t < n; ++t) {
      std::int64_t* e = &emissions[t * L];
      if (!s.open[t]) {
        for (std::size_t y = 1; y < L; ++y) e[y] = kClosed;
        continue;
      }
      for (const FeatureId f : s.features[t]) {
        const auto it = index_.find(f);
        if (it == index_.end()) continue;
        const Weight* row = &weights_[it->second * L];
        for (std::size_t y = 0; y < L; ++y) e[y] += row[y].w;
      }
    }
    viterbi_decode(
        n, labels_, [&](std::size_t t, int y) { return emissions[t * L + static_cast<std::size_t>(y)]; },
        [&](int p, int y) {
          return std::int64_t{transitions_[static_cast<std::size_t>(p) * L + static_cast<std::size_t>(y)].w};
        },
        [&](int p, int y) {
          return static_cast<bool>(allowed_[static_cast<std::size_t>(p) * L + static_cast<std::size_t>(y)]);
        },
        scratch, predicted);
    if (predicted == s.gold) continue;
    for (std::size_t t = 0; t < n; ++t) {
      const int g = s.gold[t], p = predicted[t];
      const int gp = t == 0 ? labels_ : s.gold[t - 1], pp = t == 0 ? labels_ : predicted[t - 1];
      if (g != p || gp != pp) {
        update(transitions_[static_cast<std::size_t>(gp) * L + static_cast<std::size_t>(g)], +1);
        update(transitions_[static_cast<std::size_t>(pp) * L + static_cast<std::size_t>(p)], -1);
      }
      if (g == p) continue;
      ++wrong;
      for (const FeatureId f : s.features[t]) {
        auto [it, fresh] = index_.try_emplace(f, static_cast<std::uint32_t>(keys_.size()));
        if (fresh) {
          keys_.push_back(f);
          weights_.resize(weights_.size() + L);
        }
        Weight* row = &weights_[it->second * L];
        update(row[g], +1);
        update(row[p], -1);
      }
    }
  }
  return wrong;
}

std::string SequenceTrainer::serialise(int min_weight) const {
  const auto L = static_cast<std::size_t>(labels_);
  double peak = 0;
  for (const auto& x : weights_) peak = std::max(peak, std::fabs(average(x)));
  for (const auto& x : transitions_) peak = std::max(peak, std::fabs(average(x)));
  const double scale = peak > 0 ? 32767.0 / peak : 1.0;
  auto quantise = [&](const Weight& x) { return static_cast<std::int32_t>(std::lround(average(x) * scale)); };

  std::vector<std::uint32_t> rows(keys_.size());
  std::iota(rows.begin(), rows.end(), 0u);
  std::sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });
  std::vector<std::uint32_t> kept;
  for (const auto r : rows) {
    int largest = 0;
    for (std::size_t y = 0; y < L; ++y) largest = std::max(largest, std::abs(quantise(weights_[r * L + y])));
    if (largest >= std::max(min_weight, 1)) kept.push_back(r);
  }
  std::string out = "SLSEQ001";
  put(out, static_cast<std::uint32_t>(labels_));
  put(out, static_cast<std::uint32_t>(kept.size()));
  for (const auto& x : transitions_) put(out, quantise(x));
  for (const auto r : kept) put(out, keys_[r]);
  for (const auto r : kept)
    for (std::size_t y = 0; y < L; ++y) put(out, static_cast<std::int16_t>(quantise(weights_[r * L + y])));
  return out;
}

}  // namespace sluice::plugins::nlp

// Averaged structured perceptron for SequenceModel (Collins 2002): decode
// each training sequence with the current weights, and where the best
// sequence differs from the gold one, add the gold sequence's features and
// transitions and subtract the predicted one's. The model keeps the
// average of every weight over all steps, which generalises much better
// than the last weights.
//
// Updates are integers and the average is taken once at the end, so the
// same sequences in the same order give the same model bytes on every run.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "nlp/sequence_model.hpp"

namespace sluice::plugins::nlp {

struct TrainingSequence {
  std::vector<std::vector<FeatureId>> features;  // per token
  std::vector<std::uint8_t> gold;                // per token
  std::vector<std::uint8_t> open;                // per token: 0 = may only take label 0
};

class SequenceTrainer {
 public:
  // `allowed[(prev) * labels + cur]`, prev == labels being the start.
  SequenceTrainer(int labels, std::vector<bool> allowed);

  // One pass over seqs[order[0]], seqs[order[1]] ...; returns the number
  // of tokens decoded wrongly before their update.
  std::size_t epoch(const std::vector<TrainingSequence>& seqs, const std::vector<std::size_t>& order);

  // The averaged weights in SequenceModel's format, quantised to int16;
  // feature rows whose largest quantised weight is below `min_weight` in
  // magnitude are left out.
  std::string serialise(int min_weight) const;

 private:
  struct Weight {
    std::int32_t w = 0;
    std::int64_t sum = 0;    // sum of w over the steps up to `stamp`
    std::int64_t stamp = 0;  // step of the last change
  };
  void update(Weight& x, int delta);
  double average(const Weight& x) const;

  int labels_;
  std::vector<bool> allowed_;
  std::int64_t step_ = 0;
  std::unordered_map<FeatureId, std::uint32_t> index_;
  std::vector<FeatureId> keys_;  // by row
  std::vector<Weight> weights_;  // row * labels + label
  std::vector<Weight> transitions_;
};

}  // namespace sluice::plugins::nlp

// The trained tagger: labels each open token of a paragraph (see
// ner_features.hpp) with IOB2 tags over PER, ORG, LOC and MISC using the
// averaged-perceptron model compiled into the plugin (ner_model.hpp), and
// returns the names it found as token spans.
#pragma once

#include <array>
#include <vector>

#include "ner_features.hpp"
#include "nlp/sequence_model.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::entities {

// Labels: 0 = O, then B- and I- of each sdk::EntityType in its order
// (1 B-PER, 2 I-PER, 3 B-ORG, 4 I-ORG, 5 B-LOC, 6 I-LOC, 7 B-MISC, 8 I-MISC).
inline constexpr int kNerLabels = 9;
inline constexpr std::uint8_t ner_label(sdk::EntityType type, bool begins) {
  return static_cast<std::uint8_t>(1 + 2 * static_cast<int>(type) + (begins ? 0 : 1));
}
// IOB2: an I- label only continues a name of its own type.
inline constexpr bool ner_transition_allowed(int prev, int cur) {
  if (cur == 0 || cur % 2 == 1) return true;
  return prev != kNerLabels && prev != 0 && (prev + 1) / 2 == (cur + 1) / 2;
}

struct NerSpan {
  std::uint32_t first = 0;  // token index
  std::uint32_t last = 0;   // exclusive
  sdk::EntityType type = sdk::EntityType::Misc;
};

// Spans of a label sequence (labels as above).
void ner_spans(const std::vector<std::uint8_t>& labels, std::vector<NerSpan>& out);

// Per-call scratch space, reused across paragraphs.
struct NerScratch {
  NerFeatureSet features;
  std::vector<std::int32_t> emissions;
  std::vector<std::uint8_t> labels;
  std::vector<NerSpan> spans;
  nlp::ViterbiScratch viterbi;
};

class NerTagger {
 public:
  NerTagger(const nlp::SequenceModel& model, const NerFeatures& features)
      : model_(model), features_(features) {}

  void tag(std::string_view text, const nlp::Tokens& tokens, bool headline, NerScratch& scratch,
           std::vector<NerSpan>& out) const;

 private:
  const nlp::SequenceModel& model_;
  const NerFeatures& features_;
};

}  // namespace sluice::plugins::entities

// The linear-chain model and its averaged-perceptron trainer on a toy
// task: label a token 1 when its feature says "name", 2 when it continues
// one (only after 1 or 2), else 0.
#include "nlp/sequence_model.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "nlp/sequence_trainer.hpp"

namespace sluice::plugins::nlp {
namespace {

constexpr int kLabels = 3;

std::vector<bool> allowed() {
  std::vector<bool> a;
  for (int p = 0; p <= kLabels; ++p)
    for (int y = 0; y < kLabels; ++y) a.push_back(!(y == 2 && (p == 0 || p == kLabels)));
  return a;
}

// "a B C d E": capitalised words are names, a capital after a capital
// continues the name.
TrainingSequence sequence(std::string_view words) {
  TrainingSequence s;
  bool prev_cap = false;
  for (char c : words) {
    if (c == ' ') continue;
    const bool cap = c >= 'A' && c <= 'Z';
    s.features.push_back({feature_id(1, cap ? "cap" : "low"), feature_id(2, std::string_view(&c, 1))});
    s.gold.push_back(cap ? (prev_cap ? 2 : 1) : 0);
    s.open.push_back(1);
    prev_cap = cap;
  }
  return s;
}

std::string train(const std::vector<TrainingSequence>& seqs) {
  SequenceTrainer t(kLabels, allowed());
  std::vector<std::size_t> order(seqs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int e = 0; e < 5; ++e) t.epoch(seqs, order);
  return t.serialise(1);
}

std::vector<std::uint8_t> decode(const SequenceModel& m, const TrainingSequence& s) {
  std::vector<std::int32_t> emissions(s.gold.size() * kLabels, 0);
  for (std::size_t t = 0; t < s.gold.size(); ++t)
    for (const FeatureId f : s.features[t]) m.accumulate(f, &emissions[t * kLabels]);
  ViterbiScratch scratch;
  std::vector<std::uint8_t> out;
  const auto ok = allowed();
  viterbi_decode(
      s.gold.size(), kLabels,
      [&](std::size_t t, int y) {
        return std::int64_t{emissions[t * kLabels + static_cast<std::size_t>(y)]};
      },
      [&](int p, int y) { return std::int64_t{m.transition(p, y)}; },
      [&](int p, int y) { return static_cast<bool>(ok[static_cast<std::size_t>(p * kLabels + y)]); }, scratch,
      out);
  return out;
}

TEST(SequenceModel, LearnsAndDecodesUnderConstraints) {
  const std::vector<TrainingSequence> seqs = {sequence("a B C d"), sequence("E f G"), sequence("h i J K L m"),
                                              sequence("N o")};
  const std::string bytes = train(seqs);
  const SequenceModel m(bytes);
  EXPECT_EQ(m.labels(), kLabels);
  EXPECT_GT(m.features(), 0u);
  // Unseen letters: only the shared "cap"/"low" features and transitions decide.
  const auto unseen = sequence("q R S t U");
  EXPECT_EQ(decode(m, unseen), unseen.gold);
  // A sequence starting with a capital starts a name (2 is not allowed first).
  const auto first = sequence("V W");
  EXPECT_EQ(decode(m, first), (std::vector<std::uint8_t>{1, 2}));
}

TEST(SequenceModel, SameDataSameBytes) {
  const std::vector<TrainingSequence> seqs = {sequence("a B C d"), sequence("E f G")};
  EXPECT_EQ(train(seqs), train(seqs));
  EXPECT_NE(train(seqs), train({sequence("a B C d"), sequence("E f g")}));
}

TEST(SequenceModel, RejectsMalformedFiles) {
  const std::string good = train({sequence("a B")});
  EXPECT_NO_THROW(SequenceModel{good});
  EXPECT_THROW(SequenceModel{std::string("XLSEQ001") + good.substr(8)}, std::runtime_error);
  EXPECT_THROW(SequenceModel{good.substr(0, good.size() - 1)}, std::runtime_error);
  EXPECT_THROW(SequenceModel{good + "x"}, std::runtime_error);
  EXPECT_THROW(SequenceModel{std::string_view{}}, std::runtime_error);
}

TEST(SequenceModel, FeatureIdsDependOnTemplateAndValue) {
  EXPECT_NE(feature_id(1, "Leeds"), feature_id(2, "Leeds"));
  EXPECT_NE(feature_id(1, "Leeds"), feature_id(1, "leeds"));
  EXPECT_EQ(feature_id(3, "Leeds"), feature_id(3, hash_bytes("Leeds")));
  EXPECT_NE(feature_id(4, 1, 2), feature_id(4, 2, 1)) << "pairs are ordered";
  EXPECT_NE(hash_bytes("abcdefgh1"), hash_bytes("abcdefgh2"));
}

}  // namespace
}  // namespace sluice::plugins::nlp

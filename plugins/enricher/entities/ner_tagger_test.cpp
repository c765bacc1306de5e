// The trained tagger as compiled into the plugin: the model parses once
// per process, and the tagger labels the open tokens of a sentence.
#include "ner_tagger.hpp"

#include <gtest/gtest.h>

#include "ner_model.hpp"
#include "nlp/tokenizer.hpp"

namespace sluice::plugins::entities {
namespace {

TEST(NerModel, CompiledInParsedOnceShared) {
  const nlp::SequenceModel& a = english_ner_model();
  EXPECT_EQ(&a, &english_ner_model()) << "one model per process";
  EXPECT_EQ(a.labels(), kNerLabels);
  EXPECT_GT(a.features(), 10000u);
  EXPECT_LE(english_ner_model_bytes().size(), 20u << 20) << "the issue's size limit";
}

TEST(NerLabels, SpansAndConstraints) {
  using T = sdk::EntityType;
  EXPECT_TRUE(ner_transition_allowed(ner_label(T::Person, true), ner_label(T::Person, false)));
  EXPECT_FALSE(ner_transition_allowed(ner_label(T::Location, true), ner_label(T::Person, false)));
  EXPECT_FALSE(ner_transition_allowed(0, ner_label(T::Person, false)));
  EXPECT_FALSE(ner_transition_allowed(kNerLabels, ner_label(T::Misc, false))) << "no I- at the start";
  std::vector<NerSpan> spans;
  ner_spans({0, 1, 2, 0, 5, 5, 6}, spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].first, 1u);
  EXPECT_EQ(spans[0].last, 3u);
  EXPECT_EQ(spans[0].type, T::Person);
  EXPECT_EQ(spans[1].last, 5u) << "B- B- are two names";
  EXPECT_EQ(spans[2].first, 5u);
  EXPECT_EQ(spans[2].last, 7u);
}

TEST(NerTagger, LabelsASentence) {
  const nlp::Lexicon lexicon;
  const Gazetteer gazetteer;
  const NerFeatures features(lexicon, gazetteer);
  const NerTagger tagger(english_ner_model(), features);
  const std::string text = "Angela Merkel met Emmanuel Macron in London on Monday.";
  nlp::Tokens tokens;
  nlp::tokenize(text, tokens);
  NerScratch scratch;
  std::vector<NerSpan> spans;
  tagger.tag(text, tokens, false, scratch, spans);
  std::string got;
  for (const auto& s : spans)
    got += std::string(sdk::to_string(s.type)) + ":" +
           text.substr(tokens[s.first].begin, tokens[s.last - 1].end - tokens[s.first].begin) + " ";
  EXPECT_EQ(got, "PERSON:Angela Merkel PERSON:Emmanuel Macron LOCATION:London ");
  // Lower-case words far from any capital get no features at all.
  EXPECT_EQ(scratch.features.open[2], 0) << "met";
  EXPECT_EQ(scratch.features.first[3], scratch.features.first[2]);
}

}  // namespace
}  // namespace sluice::plugins::entities

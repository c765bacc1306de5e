// The `summary` enricher on hand-made text and on the seed article.
#include <gtest/gtest.h>

#include <cmath>

#include "sentence_scores.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/text_stats/testing.hpp"
#include "summary_enricher.hpp"

namespace sluice::plugins::summary {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::summary {
namespace {

using text_stats::testing::article_of;
using text_stats::testing::init_of;

std::string summarise(std::vector<std::string> paragraphs, sdk::Map options = {}) {
  SummaryEnricher e(init_of(descriptor(), std::move(options)));
  sdk::Article a = article_of(std::move(paragraphs));
  e.enrich(a);
  const sdk::Value* s = a.fields.find("summary");
  return s == nullptr ? "<none>" : s->as_string();
}

const std::vector<std::string> kStory = {
    "The harbour bridge in Riverton closed on Friday after engineers found cracks in the harbour bridge "
    "supports.",
    "Local cafes reported a quiet weekend with fewer customers than usual for the season.",
    "Engineers said the cracks in the bridge supports could take months to repair before the bridge reopens.",
    "The weather was mild. It rained a little on Sunday.",
};

TEST(Summary, PicksSentencesAboutTheMainTopicInReadingOrder) {
  EXPECT_EQ(
      summarise(kStory, {{"sentences", 2}}),
      "The harbour bridge in Riverton closed on Friday after engineers found cracks in the harbour bridge "
      "supports. Engineers said the cracks in the bridge supports could take months to repair before the "
      "bridge reopens.");
}

TEST(Summary, PositionWeightFavoursTheLede) {
  const std::vector<std::string> text = {
      "A short opening line about the council meeting tonight.",
      "Bridge repairs, bridge closures and bridge inspections dominate bridge news this bridge season.",
  };
  EXPECT_EQ(summarise(text, {{"sentences", 1}, {"position_weight", 0.0}}), text[1]);
  EXPECT_EQ(summarise(text, {{"sentences", 1}, {"position_weight", 5.0}}), text[0]);
}

TEST(Summary, ShortSentencesAreNeverChosen) {
  const std::string s = summarise(kStory, {{"sentences", 4}});
  EXPECT_EQ(s.find("The weather was mild."), std::string::npos);  // 4 words < min_words 6
  EXPECT_NE(s.find("Local cafes"), std::string::npos);
}

TEST(Summary, FewerSentencesThanAskedGivesThemAllAndEmptyGivesNone) {
  EXPECT_EQ(summarise({"Only one sentence here with enough words in it."}),
            "Only one sentence here with enough words in it.");
  EXPECT_EQ(summarise({}), "<none>");
}

TEST(Summary, RejectsBadOptions) {
  EXPECT_THROW(SummaryEnricher(init_of(descriptor(), {{"sentences", 0}})), sdk::StageError);
  EXPECT_THROW(SummaryEnricher(init_of(descriptor(), {{"position_weight", -1.0}})), sdk::StageError);
}

TEST(Summary, ScoresFollowTheDocumentedFormula) {
  // tf: cat 2, dog 1 (max 2). Sentence 1: (2/2 + 1/2) / sqrt(2) * (1 + 1/1).
  const auto s = score_sentences({"The cat and the dog.", "A cat."}, "en", 1.0, 1);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_DOUBLE_EQ(s[0].score, 1.5 / std::sqrt(2.0) * 2);
  EXPECT_DOUBLE_EQ(s[1].score, 1.0 / 1.0 * 1.5);
}

TEST(Summary, SeedSummaryIsPinned) {
  SummaryEnricher e(init_of(descriptor()));
  sdk::Article a = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  e.enrich(a);
  ASSERT_NE(a.fields.find("summary"), nullptr);
  const std::string s = a.fields.find("summary")->as_string();
  EXPECT_TRUE(s.starts_with("Russia\xE2\x80\x99s defence minister is in North Korea")) << s;
  // The lede, the state-media paragraph and the "pretence" paragraph: the
  // sentences densest in the article's frequent words (Russia, North Korea,
  // defence minister, nuclear).
  EXPECT_EQ(s, a.body[0] + " " + a.body[5] + " " + a.body[7]);
}

TEST(Summary, Descriptor) {
  EXPECT_STREQ(descriptor()->name, "summary");
  EXPECT_TRUE(descriptor()->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
}

}  // namespace
}  // namespace sluice::plugins::summary

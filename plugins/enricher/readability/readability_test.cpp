// The `readability` enricher on hand-made text and on the seed article.
#include <gtest/gtest.h>

#include "measure.hpp"
#include "readability_enricher.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/text_stats/testing.hpp"

namespace sluice::plugins::readability {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::readability {
namespace {

using text_stats::testing::article_of;

sdk::Readability run(std::vector<std::string> paragraphs, sdk::Map options = {}) {
  ReadabilityEnricher e(text_stats::testing::init_of(descriptor(), std::move(options)));
  sdk::Article a = article_of(std::move(paragraphs));
  e.enrich(a);
  EXPECT_TRUE(a.readability.has_value());
  return a.readability.value_or(sdk::Readability{});
}

TEST(Readability, CountsAndFleschOfSimpleText) {
  // 6 words, 2 sentences, 6 syllables: 206.835 - 1.015 * 3 - 84.6 * 1.
  const auto r = run({"The cat sat. The dog ran."});
  EXPECT_EQ(r.words, 6u);
  EXPECT_EQ(r.sentences, 2u);
  EXPECT_DOUBLE_EQ(r.flesch_reading_ease, 206.835 - 1.015 * 3 - 84.6);
  EXPECT_DOUBLE_EQ(r.reading_minutes, 6.0 / 238);
}

TEST(Readability, LongWordsAndSentencesReadHarder) {
  const auto easy = run({"We ran. It was fun. The sun was out."});
  const auto hard =
      run({"Authoritarian administrations systematically circumvent international "
           "obligations concerning nonproliferation."});
  EXPECT_GT(easy.flesch_reading_ease, 90);
  EXPECT_LT(hard.flesch_reading_ease, 0);
}

TEST(Readability, SentencesSpanParagraphsAndAbbreviations) {
  const auto r =
      run({"Mr. Smith left the U.S. on Monday.", "He said \xE2\x80\x9Cgoodbye.\xE2\x80\x9D", "No stop"});
  EXPECT_EQ(r.sentences, 3u);
  EXPECT_EQ(r.words, 12u);
}

TEST(Readability, EmptyBodyGivesZeros) {
  const auto r = run({});
  EXPECT_EQ(r.words, 0u);
  EXPECT_EQ(r.sentences, 0u);
  EXPECT_EQ(r.flesch_reading_ease, 0);
  EXPECT_EQ(r.reading_minutes, 0);
}

TEST(Readability, WordsPerMinuteOption) {
  EXPECT_DOUBLE_EQ(run({"one two three four"}, {{"words_per_minute", 2}}).reading_minutes, 2.0);
  EXPECT_THROW(ReadabilityEnricher(text_stats::testing::init_of(descriptor(), {{"words_per_minute", 0}})),
               sdk::StageError);
}

TEST(Readability, SeedArticleFiguresArePinned) {
  ReadabilityEnricher e(text_stats::testing::init_of(descriptor()));
  sdk::Article a = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  e.enrich(a);
  ASSERT_TRUE(a.readability);
  EXPECT_EQ(a.readability->words, 592u);     // `wc -w` says 593, counting the dash "–"
  EXPECT_EQ(a.readability->sentences, 20u);  // one sentence per paragraph in the seed
  EXPECT_NEAR(a.readability->reading_minutes, 592 / 238.0, 1e-9);
  EXPECT_NEAR(a.readability->flesch_reading_ease, 36.31, 0.01);  // "difficult": long news sentences
}

TEST(Readability, Descriptor) {
  const auto* d = descriptor();
  EXPECT_STREQ(d->name, "readability");
  EXPECT_EQ(d->kind, static_cast<std::uint32_t>(SLUICE_KIND_ENRICHER));
  EXPECT_TRUE(d->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
}

}  // namespace
}  // namespace sluice::plugins::readability

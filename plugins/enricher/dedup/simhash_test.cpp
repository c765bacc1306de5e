// SimHash: equal texts collide, small edits stay close, different texts do not.
#include "simhash.hpp"

#include <gtest/gtest.h>

#include "sluice/text_stats/testing.hpp"

namespace sluice::plugins::dedup {
namespace {

std::uint64_t hash_of(const std::vector<std::string>& paragraphs, std::uint32_t shingle = 3) {
  std::vector<std::string_view> texts(paragraphs.begin(), paragraphs.end());
  return simhash(texts, shingle).simhash;
}

TEST(SimHash, CaseAndPunctuationDoNotCount) {
  EXPECT_EQ(hash_of({"The quick brown fox jumps over the lazy dog."}),
            hash_of({"the QUICK brown fox -- jumps over, the lazy dog"}));
}

TEST(SimHash, ParagraphBreaksDoNotCount) {
  EXPECT_EQ(hash_of({"one two three", "four five six"}), hash_of({"one two three four five six"}));
}

TEST(SimHash, SmallEditsOfALongTextStayClose) {
  const sdk::Article seed = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  std::vector<std::string> edited = seed.body;
  // A second outlet's copy: two words changed. About 1% of the shingles
  // differ, an angle of ~0.1 rad between the shingle vectors, and so about
  // 64 * 0.1 / pi = 2 to 4 bits.
  edited[1].replace(edited[1].find("personal"), 8, "private");
  edited[2].replace(edited[2].find("rare"), 4, "unusual");
  const int d = distance(hash_of(seed.body), hash_of(edited));
  EXPECT_GT(d, 0);
  EXPECT_LE(d, 6);
}

TEST(SimHash, DifferentTextsAreFarApart) {
  const sdk::Article seed = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  std::vector<std::string> other;
  for (int i = 0; i < 20; ++i) {
    other.push_back(
        "Farmers in the valley reported a record harvest of apples and pears this autumn, number " +
        std::to_string(i) + ", while cider makers raised prices across the region.");
  }
  EXPECT_GT(distance(hash_of(seed.body), hash_of(other)), 15);
}

TEST(SimHash, ShortAndEmptyTexts) {
  EXPECT_EQ(simhash({}, 3).simhash, 0u);
  EXPECT_EQ(simhash({}, 3).words, 0u);
  EXPECT_NE(hash_of({"two words"}), 0u);  // fewer words than a shingle: one shingle
  EXPECT_EQ(simhash({"two words"}, 3).words, 2u);
}

}  // namespace
}  // namespace sluice::plugins::dedup

// The shared text helpers: words, folding, sentences, stopwords, syllables.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sluice/text_stats/case_fold.hpp"
#include "sluice/text_stats/sentences.hpp"
#include "sluice/text_stats/stopwords.hpp"
#include "sluice/text_stats/string_table.hpp"
#include "sluice/text_stats/syllables.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::text_stats {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for_each_word(text, [&](const Word& w) { out.emplace_back(w.in(text)); });
  return out;
}

std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<Span> spans;
  split_sentences(text, spans);
  std::vector<std::string> out;
  for (const auto& s : spans) out.emplace_back(s.in(text));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Words, SplitsOnPunctuationAndSpace) {
  EXPECT_EQ(words_of("Hello, world! (twice)"), (Strings{"Hello", "world", "twice"}));
  EXPECT_EQ(words_of(""), Strings{});
  EXPECT_EQ(words_of(" \xE2\x80\x94 ... "), Strings{});  // an em dash is not a word
}

TEST(Words, JoinsApostrophesHyphensAndDottedLetters) {
  EXPECT_EQ(words_of("Kim Jong-un don't O\xE2\x80\x99"
                     "Brien U.S. troops 1,000 3.5"),
            (Strings{"Kim", "Jong-un", "don't",
                     "O\xE2\x80\x99"
                     "Brien",
                     "U.S", "troops", "1,000", "3.5"}));
  EXPECT_EQ(words_of("a - b"), (Strings{"a", "b"}));  // a spaced dash joins nothing
}

TEST(Words, PossessiveIsCutAndFlagged) {
  const std::string text = "Russia\xE2\x80\x99s army and Kim's rockets; soldiers' pay";
  std::vector<Word> w;
  split_words(text, w);
  ASSERT_EQ(w.size(), 7u);
  EXPECT_EQ(w[0].in(text), "Russia");
  EXPECT_TRUE(w[0].possessive);
  EXPECT_EQ(w[3].in(text), "Kim");
  EXPECT_TRUE(w[3].possessive);
  EXPECT_EQ(w[5].in(text), "soldiers");
  EXPECT_FALSE(w[5].possessive);
}

TEST(Words, FlagsCapitalsAndNumbers) {
  const std::string text = "Москва 2023 État été";
  std::vector<Word> w;
  split_words(text, w);
  ASSERT_EQ(w.size(), 4u);
  EXPECT_TRUE(w[0].capitalized);
  EXPECT_TRUE(w[1].numeric);
  EXPECT_TRUE(w[2].capitalized);
  EXPECT_FALSE(w[3].capitalized);
}

TEST(CaseFold, LowersLatinGreekCyrillic) {
  EXPECT_EQ(folded("North KOREA"), "north korea");
  EXPECT_EQ(folded("ÉTAT ŁÓDŹ"), "état łódź");
  EXPECT_EQ(folded("МОСКВА Київ ҐАНОК"), "москва київ ґанок");
  EXPECT_EQ(folded("ΑΘΗΝΑ"), "αθηνα");
  EXPECT_EQ(folded("don\xE2\x80\x99t"), "don't");
  EXPECT_EQ(to_lower(0x178), 0xFFu);  // Ÿ
}

TEST(Sentences, SplitsAtFullStopsNotAbbreviations) {
  EXPECT_EQ(sentences_of("Mr. Smith went to the U.S. on Monday. He left! Did he? Yes."),
            (Strings{"Mr. Smith went to the U.S. on Monday.", "He left!", "Did he?", "Yes."}));
}

TEST(Sentences, KeepsClosingQuotesAndIgnoresLowerCaseContinuations) {
  EXPECT_EQ(
      sentences_of("He said: \xE2\x80\x9CIt is over.\xE2\x80\x9D Then he left. e.g. this one... and more"),
      (Strings{"He said: \xE2\x80\x9CIt is over.\xE2\x80\x9D", "Then he left. e.g. this one... and more"}));
  EXPECT_EQ(sentences_of("  One sentence without a stop  "), Strings{"One sentence without a stop"});
  EXPECT_EQ(sentences_of(""), Strings{});
}

TEST(StringTable, FindsWhatWasInsertedAndGrows) {
  StringTable t;
  // (Built with append, not "k" + to_string: GCC 12 warns falsely on that.)
  for (int i = 0; i < 1000; ++i) {
    std::string key = "k";
    key.append(std::to_string(i));
    EXPECT_TRUE(t.insert(key, static_cast<std::uint32_t>(i)));
  }
  EXPECT_FALSE(t.insert("k7", 99));
  EXPECT_EQ(t.size(), 1000u);
  EXPECT_EQ(t.find("k7"), 7u);
  EXPECT_EQ(t.find("k999"), 999u);
  EXPECT_FALSE(t.find("k1000"));
  EXPECT_FALSE(StringTable{}.contains("x"));
}

TEST(Stopwords, EnglishIsTheDefaultAndOthersExist) {
  EXPECT_TRUE(stopwords("en").contains("the"));
  EXPECT_TRUE(stopwords("").contains("said"));
  EXPECT_TRUE(stopwords("xx").contains("mr"));
  EXPECT_FALSE(stopwords("en").contains("korea"));
  EXPECT_FALSE(stopwords("en").contains("new"));  // "New York" must survive
  EXPECT_TRUE(stopwords("de").contains("und"));
  EXPECT_TRUE(stopwords("fr").contains("avec"));
  EXPECT_FALSE(stopwords("de").contains("the"));
}

TEST(Syllables, CountsCommonWords) {
  const std::pair<const char*, int> cases[] = {
      {"the", 1},      {"make", 1},      {"makes", 1},   {"liked", 1},  {"wanted", 2},        {"table", 2},
      {"minister", 3}, {"symbolism", 4}, {"weapons", 2}, {"media", 3},  {"video", 3},         {"a", 1},
      {"2023", 1},     {"see", 1},       {"special", 2}, {"nation", 2}, {"authoritarian", 6}, {"defence", 2},
      {"military", 4}};
  for (const auto& [word, n] : cases) EXPECT_EQ(count_syllables(word), n) << word;
}

}  // namespace
}  // namespace sluice::plugins::text_stats

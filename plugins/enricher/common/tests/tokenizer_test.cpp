// The tokenizer on the shapes news text throws at it.
#include "nlp/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sluice::plugins::nlp {
namespace {

std::vector<std::string> words(std::string_view text, Tokens* out = nullptr) {
  Tokens t;
  tokenize(text, t);
  std::vector<std::string> w;
  for (const auto& k : t) w.emplace_back(k.text(text));
  if (out) *out = t;
  return w;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsPossessivesOffNamesWithEitherApostrophe) {
  Tokens t;
  EXPECT_EQ(words("Pyongyang’s weaponry and Shoigu's visit", &t),
            (V{"Pyongyang", "’s", "weaponry", "and", "Shoigu", "'s", "visit"}));
  EXPECT_EQ(t[1].kind, TokenKind::Possessive);
  EXPECT_EQ(t[4].kind, TokenKind::Word);
  EXPECT_EQ(t[5].kind, TokenKind::Possessive);
  EXPECT_EQ(words("the Russians’ tanks"), (V{"the", "Russians", "’", "tanks"}));
}

TEST(Tokenizer, KeepsInnerApostrophesAndHyphens) {
  Tokens t;
  EXPECT_EQ(words("O’Brien said Kim Jong-un don’t US-led", &t),
            (V{"O’Brien", "said", "Kim", "Jong-un", "don’t", "US-led"}));
  EXPECT_TRUE(t[0].is(tok::kCap));
  EXPECT_TRUE(t[3].is(tok::kHyphen));
  EXPECT_TRUE(t[3].is(tok::kCap));
}

TEST(Tokenizer, CaseFlags) {
  Tokens t;
  words("UN al-Assad Émile élan KCNA I G7 2023", &t);
  EXPECT_TRUE(t[0].is(tok::kAllCaps));
  EXPECT_TRUE(t[1].is(tok::kCap)) << "a particle joined to a capitalised name";
  EXPECT_TRUE(t[2].is(tok::kCap));
  EXPECT_TRUE(t[3].is(tok::kLower));
  EXPECT_TRUE(t[4].is(tok::kAllCaps));
  EXPECT_FALSE(t[5].is(tok::kAllCaps)) << "one letter is not an acronym";
  EXPECT_TRUE(t[6].is(tok::kAllCaps));
  EXPECT_EQ(t[7].kind, TokenKind::Number);
}

TEST(Tokenizer, CyrillicAndGreekCase) {
  Tokens t;
  words("Сергей шойгу Αθήνα", &t);
  EXPECT_TRUE(t[0].is(tok::kCap));
  EXPECT_TRUE(t[1].is(tok::kLower));
  EXPECT_TRUE(t[2].is(tok::kCap));
}

TEST(Tokenizer, DottedInitialsAreOneWord) {
  Tokens t;
  EXPECT_EQ(words("the U.S. and U.N. said", &t), (V{"the", "U.S.", "and", "U.N.", "said"}));
  EXPECT_TRUE(t[1].is(tok::kDotted));
  EXPECT_TRUE(t[1].is(tok::kAllCaps));
}

TEST(Tokenizer, QuoteMarksCurlyAndStraight) {
  Tokens t;
  words("“Yes,” he said. \"No,\" she said (\"maybe\").", &t);
  EXPECT_EQ(t[0].kind, TokenKind::OpenQuote);
  EXPECT_EQ(t[3].kind, TokenKind::CloseQuote);
  EXPECT_EQ(t[7].kind, TokenKind::OpenQuote);
  EXPECT_EQ(t[10].kind, TokenKind::CloseQuote);
  EXPECT_EQ(t[14].kind, TokenKind::OpenQuote);
  EXPECT_EQ(t[16].kind, TokenKind::CloseQuote);
}

TEST(Tokenizer, OffsetsAreUtf8Bytes) {
  const std::string text = "“Kim” – Pyongyang";
  Tokens t;
  words(text, &t);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].begin, 3u);
  EXPECT_EQ(t[1].end, 6u);
  EXPECT_EQ(t[3].kind, TokenKind::Dash);
  EXPECT_EQ(t[4].text(text), "Pyongyang");
}

TEST(Tokenizer, InvalidBytesDoNotBreakIt) {
  Tokens t;
  EXPECT_EQ(words("Kim\xFF\xFE Jong", &t).back(), "Jong");
}

TEST(Tokenizer, ReusesTheVector) {
  Tokens t;
  tokenize("one two three four", t);
  const auto cap = t.capacity();
  tokenize("five six", t);
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(t.capacity(), cap);
}

}  // namespace
}  // namespace sluice::plugins::nlp

// Sentence starts and ends, with abbreviations and quotes.
#include "nlp/sentences.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nlp/tokenizer.hpp"

namespace sluice::plugins::nlp {
namespace {

std::vector<std::string> split(std::string_view text) {
  Tokens t;
  tokenize(text, t);
  std::vector<Sentence> s;
  sentences(t, s);
  std::vector<std::string> out;
  for (const auto& x : s) out.emplace_back(text.substr(x.begin, x.end - x.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(Sentences, SplitsAtTerminalMarks) {
  EXPECT_EQ(split("It rained. Then it stopped! Did it? Yes."),
            (V{"It rained.", "Then it stopped!", "Did it?", "Yes."}));
}

TEST(Sentences, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(split("Mr. Shoigu met Gen. Park and J. K. Rowling. They talked."),
            (V{"Mr. Shoigu met Gen. Park and J. K. Rowling.", "They talked."}));
}

TEST(Sentences, DottedInitialsEndOnlyBeforeAFunctionWord) {
  EXPECT_EQ(split("Sanctions by the U.S. The talks failed."),
            (V{"Sanctions by the U.S.", "The talks failed."}));
  EXPECT_EQ(split("The U.S. Army said so."), (V{"The U.S. Army said so."}));
}

TEST(Sentences, ClosingQuotesStayWithTheirSentence) {
  EXPECT_EQ(split("He said: “It is over.” She left."), (V{"He said: “It is over.”", "She left."}));
  EXPECT_EQ(split("“Is it over?” he asked."), (V{"“Is it over?” he asked."}));
}

TEST(Sentences, MarksStartsAndQuoteStarts) {
  const std::string text = "Mr Blinken said: “I doubt it.” Kim smiled.";
  Tokens t;
  tokenize(text, t);
  EXPECT_TRUE(t[0].is(tok::kSentenceStart));
  EXPECT_FALSE(t[1].is(tok::kSentenceStart));
  const auto i = std::find_if(t.begin(), t.end(), [&](const Token& k) { return k.text(text) == "I"; });
  EXPECT_TRUE(i->is(tok::kQuoteStart));
  const auto kim = std::find_if(t.begin(), t.end(), [&](const Token& k) { return k.text(text) == "Kim"; });
  EXPECT_TRUE(kim->is(tok::kSentenceStart));
}

}  // namespace
}  // namespace sluice::plugins::nlp

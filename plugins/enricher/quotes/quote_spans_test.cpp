// Finding quotations in a paragraph.
#include "quote_spans.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nlp/tokenizer.hpp"

namespace sluice::plugins::quotes {
namespace {

std::vector<std::string> quotes(std::string_view text, std::vector<QuoteSpan>* spans = nullptr) {
  nlp::Tokens t;
  nlp::tokenize(text, t);
  std::vector<QuoteSpan> s;
  find_quotes(t, s);
  std::vector<std::string> out;
  for (const auto& q : s) out.emplace_back(text.substr(q.begin, q.end - q.begin));
  if (spans) *spans = s;
  return out;
}

using V = std::vector<std::string>;

TEST(QuoteSpans, CurlyAndStraightWithTheCommaOfAttributionDropped) {
  EXPECT_EQ(quotes("“I doubt it,” he said. \"We will see,\" she added."), (V{"I doubt it", "We will see"}));
}

TEST(QuoteSpans, GuillemetsAndLowNine) { EXPECT_EQ(quotes("Il a dit « non » puis „ja“."), (V{"non", "ja"})); }

TEST(QuoteSpans, InnerSingleQuotesStayInTheText) {
  EXPECT_EQ(quotes("“He called it ‘madness’, and left,” she said."), (V{"He called it ‘madness’, and left"}));
}

TEST(QuoteSpans, UnclosedQuoteRunsToTheParagraphEnd) {
  std::vector<QuoteSpan> s;
  EXPECT_EQ(quotes("“We capture their tanks. We capture their equipment.", &s),
            (V{"We capture their tanks. We capture their equipment."}));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(s[0].open_at_end);
  EXPECT_EQ(s[0].words, 8u);
}

TEST(QuoteSpans, StrayMarksAndEmptyQuotes) {
  EXPECT_TRUE(quotes("a ” stray mark and “” empty").empty());
  EXPECT_TRUE(has_quote_mark("a “b”"));
  EXPECT_TRUE(has_quote_mark("a \"b\""));
  EXPECT_FALSE(has_quote_mark("it’s ‘single’"));
}

}  // namespace
}  // namespace sluice::plugins::quotes

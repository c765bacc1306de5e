// The pure text helpers behind `seed_text`: UTF-8, paragraphs (the SDK's
// split_paragraphs, pinned here for the rules the seed format relies on),
// header, title.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "first_sentence.hpp"
#include "header_line.hpp"
#include "sluice/sdk/text.hpp"
#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::seed_text {
namespace {

using Items = std::vector<std::string>;
const std::string kFffd = "\xEF\xBF\xBD";

std::string sanitized(std::string_view text, std::size_t expected_replaced) {
  std::string out;
  EXPECT_EQ(sdk::utf8::append_sanitized(out, text), expected_replaced) << text;
  return out;
}

TEST(Utf8, ValidTextIsCopiedUnchanged) {
  const std::string text = "ascii, caf\xC3\xA9, \xE2\x80\x99, \xF0\x9F\x93\xB0, \xF4\x8F\xBF\xBF";
  EXPECT_EQ(sanitized(text, 0), text);
}

TEST(Utf8, EachBadByteBecomesOneReplacement) {
  EXPECT_EQ(sanitized("\xFF", 1), kFffd);
  EXPECT_EQ(sanitized("a\x80z", 1), "a" + kFffd + "z");                        // stray continuation
  EXPECT_EQ(sanitized("\xE2\x80", 2), kFffd + kFffd);                          // truncated at the end
  EXPECT_EQ(sanitized("\xE2\x80z", 2), kFffd + kFffd + "z");                   // truncated inside
  EXPECT_EQ(sanitized("\xC0\xAF", 2), kFffd + kFffd);                          // overlong '/'
  EXPECT_EQ(sanitized("\xE0\x80\xAF", 3), kFffd + kFffd + kFffd);              // overlong, 3 bytes
  EXPECT_EQ(sanitized("\xED\xA0\x80", 3), kFffd + kFffd + kFffd);              // surrogate U+D800
  EXPECT_EQ(sanitized("\xF4\x90\x80\x80", 4), kFffd + kFffd + kFffd + kFffd);  // > U+10FFFF
  EXPECT_EQ(sanitized("\xF5\x80", 2), kFffd + kFffd);
}

TEST(Utf8, DecodeReportsCodePointAndLength) {
  char32_t cp = 0;
  EXPECT_EQ(sdk::utf8::decode("\xE2\x80\x99", 0, cp), 3u);
  EXPECT_EQ(cp, U'\u2019');
  EXPECT_EQ(sdk::utf8::decode("x\xC2\xA0", 1, cp), 2u);
  EXPECT_EQ(cp, U'\u00A0');
  EXPECT_TRUE(sdk::utf8::is_space(cp));
  EXPECT_FALSE(sdk::utf8::is_space(U'\u2019'));
  EXPECT_TRUE(sdk::utf8::is_space(U'\u3000'));
  EXPECT_TRUE(sdk::utf8::is_space(U'\uFEFF'));
}

// split_paragraphs with its count of replaced bytes.
struct Paragraphs {
  Items items;
  std::size_t replaced_bytes = 0;
};
Paragraphs split_paragraphs(std::string_view text) {
  Paragraphs p;
  p.items = sdk::text::split_paragraphs(text, &p.replaced_bytes);
  return p;
}

TEST(Paragraphs, SplitsOnBlankLinesAndJoinsWrappedLines) {
  const Paragraphs p = split_paragraphs("a\nb\n\n\n  c  d \n\t\ne");
  EXPECT_EQ(p.items, (Items{"a b", "c d", "e"}));
  EXPECT_EQ(p.replaced_bytes, 0u);
}

TEST(Paragraphs, EmptyAndBlankTextHaveNone) {
  EXPECT_TRUE(split_paragraphs("").items.empty());
  EXPECT_TRUE(split_paragraphs(" \n\r\n\t \n\xC2\xA0").items.empty());
}

TEST(Paragraphs, CarriageReturnsNeverSplitParagraphsInUnixOrWindowsText) {
  EXPECT_EQ(split_paragraphs("a\r\r\nb\r\n\r\nc\rd").items, (Items{"a b", "c d"}));
}

TEST(Paragraphs, CarriageReturnOnlyTextUsesThemAsLineEnds) {
  EXPECT_EQ(split_paragraphs("a\rb\r\rc").items, (Items{"a b", "c"}));
}

TEST(Paragraphs, InvalidBytesAreCountedAndReplaced) {
  const Paragraphs p = split_paragraphs("ok \xFF\n\nbad\xC3");
  EXPECT_EQ(p.items, (Items{"ok " + kFffd, "bad" + kFffd}));
  EXPECT_EQ(p.replaced_bytes, 2u);
}

// Runs of plain words are copied whole; every way out of such a run (double
// space, tab, control byte, non-ASCII space, non-ASCII letter, bad byte,
// line end) must still give the same normalised text.
TEST(Paragraphs, WordRunsEndWhereverWhiteSpaceOrNonAsciiStarts) {
  const Paragraphs p = split_paragraphs(
      "one two  three\tfour\x01"
      "five\xC2\xA0six caf\xC3\xA9 au lait \xC3\xA9t\xC3\xA9 x\xFF y\n"
      "z \nlast word \xE2\x80\x83 end ");
  EXPECT_EQ(p.items, (Items{"one two three four five six caf\xC3\xA9 au lait \xC3\xA9t\xC3\xA9 x" + kFffd +
                            " y z last word end"}));
  EXPECT_EQ(p.replaced_bytes, 1u);
}

TEST(Header, ParsesDateCaptionAndCredit) {
  const auto h = parse_header("date 2023-07-29 Kim (left) and Shoigu - STR/KCNA /KNS/AFP");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->date_raw, "2023-07-29");
  EXPECT_EQ(h->date, "2023-07-29");
  EXPECT_EQ(h->caption, "Kim (left) and Shoigu");
  EXPECT_EQ(h->credit, "STR/KCNA /KNS/AFP");
}

TEST(Header, NeedsTheWordDateAndADigit) {
  EXPECT_FALSE(parse_header("Date palms - AFP").has_value());
  EXPECT_FALSE(parse_header("date").has_value());
  EXPECT_FALSE(parse_header("dated 2023-07-29 x").has_value());
  EXPECT_FALSE(parse_header("update 2023-07-29 x").has_value());
  EXPECT_TRUE(parse_header("Date 2023-07-29").has_value());
}

TEST(Header, BlankCreditAndMissingCaption) {
  const auto blank = parse_header("date 2023-07-29 Caption -");
  ASSERT_TRUE(blank.has_value());
  EXPECT_EQ(blank->caption, "Caption");
  EXPECT_EQ(blank->credit, "");
  const auto credit_only = parse_header("date 2023-07-29 - AFP");
  ASSERT_TRUE(credit_only.has_value());
  EXPECT_EQ(credit_only->caption, "");
  EXPECT_EQ(credit_only->credit, "AFP");
}

TEST(Header, IsoDatesAreCheckedAgainstTheCalendar) {
  EXPECT_TRUE(is_iso_date("2023-07-29"));
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_TRUE(is_iso_date("2000-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2023-13-45"));
  EXPECT_FALSE(is_iso_date("2023-00-10"));
  EXPECT_FALSE(is_iso_date("2023-04-31"));
  EXPECT_FALSE(is_iso_date("2023-7-29"));
  EXPECT_FALSE(is_iso_date("2023/07/29"));
  EXPECT_FALSE(is_iso_date("2023-07-2x"));
}

TEST(FirstSentence, StopsAtTheFirstSentenceEnd) {
  EXPECT_EQ(first_sentence("One thing happened. Then another."), "One thing happened");
  EXPECT_EQ(first_sentence("Is it over? Nobody knows."), "Is it over?");
  EXPECT_EQ(first_sentence("Stop! Now."), "Stop!");
  EXPECT_EQ(first_sentence("A single sentence."), "A single sentence");
  EXPECT_EQ(first_sentence("No full stop at all"), "No full stop at all");
}

TEST(FirstSentence, SkipsAbbreviationsInitialsAndDecimals) {
  EXPECT_EQ(first_sentence("Mr. Shoigu met Dr. Kim in the U.S. today. More."),
            "Mr. Shoigu met Dr. Kim in the U.S. today");
  EXPECT_EQ(first_sentence("J. R. Smith said 3.5 per cent. Then."), "J. R. Smith said 3.5 per cent");
}

TEST(FirstSentence, KeepsClosingQuotes) {
  EXPECT_EQ(first_sentence("He said \xE2\x80\x9Cno.\xE2\x80\x9D Then left."),
            "He said \xE2\x80\x9Cno.\xE2\x80\x9D");
  EXPECT_EQ(first_sentence("Wait\xE2\x80\xA6 what? Yes."), "Wait\xE2\x80\xA6");
}

TEST(FirstSentence, LongSentencesAreCutAtAWordWithAnEllipsis) {
  const std::string long_text = "word " + std::string(30, 'x') + " more words follow here";
  EXPECT_EQ(first_sentence(long_text, 20), "word\xE2\x80\xA6");
  // One giant word: cut at the limit without splitting a UTF-8 character.
  const std::string giant = "ab\xE2\x80\x99\xE2\x80\x99\xE2\x80\x99";
  EXPECT_EQ(first_sentence(giant, 4), "ab\xE2\x80\xA6");
  EXPECT_EQ(first_sentence(giant, 5), "ab\xE2\x80\x99\xE2\x80\xA6");
}

}  // namespace
}  // namespace sluice::plugins::seed_text

// sluice/sdk/text.hpp: white space and paragraphs.
#include "sluice/sdk/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sluice::sdk::text {
namespace {

using Strings = std::vector<std::string>;

TEST(CollapseWhitespace, OneLineOneSpace) {
  EXPECT_EQ(collapse_whitespace("  a\t\tb \n c  "), "a b c");
  EXPECT_EQ(collapse_whitespace("no\u00a0break\u2003em"), "no break em");
  EXPECT_EQ(collapse_whitespace("nul\0byte"), "nul");  // a C string literal stops at NUL
  EXPECT_EQ(collapse_whitespace(std::string("nul\0byte", 8)), "nul byte");
  EXPECT_EQ(collapse_whitespace(" \t\r\n"), "");
}

TEST(CollapseWhitespace, RepairsInvalidUtf8) {
  std::size_t replaced = 0;
  std::string out;
  const std::string in = "a\xFF b";  // (a 5-byte literal trips a GCC -Warray-bounds false positive)
  EXPECT_TRUE(append_words(out, in, &replaced));
  EXPECT_EQ(out, "a\uFFFD b");
  EXPECT_EQ(replaced, 1u);
}

TEST(SplitParagraphs, BlankLinesSeparateWrappedLinesJoin) {
  EXPECT_EQ(split_paragraphs("one\ntwo\n\n \t\n\nthree\r\nfour\r\n"), (Strings{"one two", "three four"}));
  EXPECT_EQ(split_paragraphs("mac\rline\r\rnext"), (Strings{"mac line", "next"}));
  EXPECT_EQ(split_paragraphs("\u00a0\n\u00a0\n"), Strings{});
  EXPECT_EQ(split_paragraphs(""), Strings{});
  EXPECT_EQ(split_paragraphs("no newline at end"), Strings{"no newline at end"});
}

}  // namespace
}  // namespace sluice::sdk::text

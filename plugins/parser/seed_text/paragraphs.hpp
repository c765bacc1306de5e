// Splitting plain text into normalised paragraphs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::seed_text {

struct Paragraphs {
  std::vector<std::string> items;
  std::size_t replaced_bytes = 0;  // invalid UTF-8 bytes turned into U+FFFD
};

// Splits `text` into paragraphs: a line with no word on it (empty, or only
// white space) ends a paragraph, however many such lines follow each other.
// The lines of one paragraph are joined with a single space, so hard-wrapped
// text reads as it was written.
//
// Lines end at "\n" ("\r\n" included). A text with "\r" but no "\n" at all
// uses classic Mac "\r" line ends; otherwise a "\r" is white space, which
// makes stray and doubled carriage returns harmless.
//
// White space means ASCII blanks, other ASCII control characters (a NUL in
// the text would break many stores) and Unicode White_Space; any run of it
// inside a line becomes one ASCII space and it is trimmed at line ends.
// Invalid UTF-8 bytes become U+FFFD. Memory use is proportional to the input.
Paragraphs split_paragraphs(std::string_view text);

}  // namespace sluice::plugins::seed_text

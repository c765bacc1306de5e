// One token of a paragraph: a word, a number or a punctuation mark, with
// its UTF-8 byte span in the paragraph and the facts the entity and quote
// rules ask about (case, position in the sentence, quote marks).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sluice::plugins::nlp {

enum class TokenKind : std::uint8_t {
  Word,        // letters, possibly with digits, inner hyphens and apostrophes
  Number,      // starts with a digit and holds no letter
  Possessive,  // ’s / 's / a lone ’ after a plural, split off its word
  OpenQuote,   // “ „ « and a straight " that opens
  CloseQuote,  // ” » and a straight " that closes
  OpenSingle,  // ‘
  Dash,        // – — and a free-standing hyphen
  Punct,       // anything else; `mark` holds the code point
};

namespace tok {
inline constexpr std::uint16_t kCap = 1 << 0;            // first letter upper case ("Shoigu", "al-Assad")
inline constexpr std::uint16_t kAllCaps = 1 << 1;        // two or more letters, all upper case ("UN", "U.S.")
inline constexpr std::uint16_t kLower = 1 << 2;          // first letter lower case
inline constexpr std::uint16_t kSentenceStart = 1 << 3;  // first word of a sentence
inline constexpr std::uint16_t kQuoteStart = 1 << 4;     // first word inside an opening quote mark
inline constexpr std::uint16_t kHyphen = 1 << 5;         // holds an inner hyphen ("Jong-un")
inline constexpr std::uint16_t kDigit = 1 << 6;          // holds a digit
inline constexpr std::uint16_t kSpaceBefore = 1 << 7;    // white space precedes it
inline constexpr std::uint16_t kDotted = 1 << 8;         // dotted initials ("U.S.", "e.g.")
inline constexpr std::uint16_t kSentenceEnd = 1 << 9;    // this punctuation ends a sentence
}  // namespace tok

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // exclusive
  TokenKind kind = TokenKind::Punct;
  std::uint16_t flags = 0;
  char32_t mark = 0;  // the code point of a one-character Punct token

  bool is(std::uint16_t f) const { return (flags & f) != 0; }
  bool word() const { return kind == TokenKind::Word; }
  // Capitalised in the sense names need: title case or all capitals.
  bool capitalised() const { return kind == TokenKind::Word && (flags & (tok::kCap | tok::kAllCaps)) != 0; }
  // First word of a sentence or of a quotation: its capital says nothing.
  bool initial() const { return (flags & (tok::kSentenceStart | tok::kQuoteStart)) != 0; }
  std::string_view text(std::string_view paragraph) const { return paragraph.substr(begin, end - begin); }
};

using Tokens = std::vector<Token>;

}  // namespace sluice::plugins::nlp

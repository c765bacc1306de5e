// Character classes the tokenizer needs, for the scripts news text uses
// (Latin, Greek, Cyrillic, Arabic, Hebrew, CJK, Hangul, Kana). Only the
// distinctions that matter for finding words and names are made: letter or
// not, upper or lower case, and the punctuation that shapes quotes.
#pragma once

#include <cstddef>
#include <string_view>

namespace sluice::plugins::nlp {

enum class CharClass : unsigned char {
  Space,
  Upper,   // an upper-case letter (also title-case digraphs)
  Lower,   // a lower-case letter
  Letter,  // a letter without case (CJK, Arabic, Hebrew, Hangul ...)
  Mark,    // a combining mark: belongs to the letter before it
  Digit,
  Apostrophe,   // ' U+2019 U+02BC (inside words: O’Brien, Shoigu’s)
  Hyphen,       // - U+2010 U+2011 (inside words: Jong-un)
  Dash,         // U+2013 U+2014 U+2015 (between words)
  OpenDouble,   // “ „ «
  CloseDouble,  // ” »
  Straight,     // " (open or close, decided by context)
  OpenSingle,   // ‘
  Ellipsis,     // …
  Other,        // any other punctuation or symbol
};

CharClass classify(char32_t cp);

constexpr CharClass ascii_class(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return CharClass::Upper;
  if (c >= 'a' && c <= 'z') return CharClass::Lower;
  if (c >= '0' && c <= '9') return CharClass::Digit;
  if (c <= 0x20 || c == 0x7F) return CharClass::Space;
  switch (c) {
    case '\'': return CharClass::Apostrophe;
    case '-': return CharClass::Hyphen;
    case '"': return CharClass::Straight;
    default: return CharClass::Other;
  }
}

// Classes of the ASCII characters, for the fast path below.
struct AsciiClasses {
  CharClass of[128];
  constexpr AsciiClasses() : of() {
    for (int c = 0; c < 128; ++c) of[c] = ascii_class(static_cast<unsigned char>(c));
  }
};
inline constexpr AsciiClasses kAscii{};

// Decodes a non-ASCII code point at text[i] (the slow path).
CharClass classify_multibyte(std::string_view text, std::size_t i, std::size_t& length, char32_t& cp);

// Decodes the code point at text[i]; returns its class and sets `length`
// (1 for an invalid byte, which counts as Other). Most news text is ASCII,
// which takes one table lookup.
inline CharClass classify_at(std::string_view text, std::size_t i, std::size_t& length, char32_t& cp) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    length = 1;
    cp = c;
    return kAscii.of[c];
  }
  return classify_multibyte(text, i, length, cp);
}

inline bool is_letter(CharClass c) {
  return c == CharClass::Upper || c == CharClass::Lower || c == CharClass::Letter;
}

}  // namespace sluice::plugins::nlp

// Small text helpers shared by the extraction passes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sluice::plugins::html {

// Builds one line of text from the text nodes of inline content, as a
// browser renders it: white-space runs (Unicode White_Space included)
// become one space, nothing is added between pieces that touch
// ("foo<b>bar</b>" is "foobar"), and invisible characters that would split
// words for a search index (soft hyphen, zero-width space, word joiner)
// are dropped.
class TextBuilder {
 public:
  void append(std::string_view piece);
  // A break between blocks or at <br>: the next word starts after a space.
  void soft_break() { pending_space_ = !text_.empty(); }
  bool empty() const { return text_.empty(); }
  // Whether the next word will be preceded by a space.
  bool pending_space() const { return pending_space_ && !text_.empty(); }
  std::size_t size() const { return text_.size(); }
  const std::string& str() const { return text_; }
  // The text so far, without trailing space; the builder starts over.
  std::string take();

 private:
  std::string text_;
  bool pending_space_ = false;
};

// `text` with white space collapsed and trimmed (TextBuilder on one piece).
std::string clean_text(std::string_view text);

// Character references left in text that was already decoded once: meta
// contents and JSON-LD strings are often escaped twice ("d&#039;actions",
// "Tom &amp; Jerry"). Numeric references and the common named ones.
std::string decode_entities(std::string_view text);

// ASCII lower case; other bytes unchanged.
std::string ascii_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool icontains(std::string_view haystack, std::string_view needle);

// Number of code points in valid UTF-8: text lengths that do not penalise
// non-Latin scripts for their longer encodings.
std::size_t char_count(std::string_view utf8);

// Letters and digits counted in code points (every non-ASCII code point
// counts as a letter, punctuation and spaces do not).
std::size_t word_char_count(std::string_view utf8);

// False for text made only of punctuation, symbols and spaces ("|", "•",
// "→ ···"): separators, not content.
bool has_letters_or_digits(std::string_view utf8);

// Commas, the best cheap sign of prose, in the scripts the pages use
// (also the fullwidth, ideographic and Arabic commas).
int comma_count(std::string_view text);

// A key for comparing two texts loosely: lower-case ASCII letters and
// digits and every non-ASCII byte, nothing else ("Hello, World!" and
// "hello world" compare equal).
std::string loose_key(std::string_view text);

}  // namespace sluice::plugins::html

// Lower-casing for matching and counting words: "Russia", "RUSSIA" and
// "russia" count as one term.
#pragma once

#include <string>
#include <string_view>

namespace sluice::plugins::text_stats {

// The lower-case form of `cp` for Latin (ASCII, Latin-1, Extended-A),
// Greek and Cyrillic; other code points are returned unchanged. The
// languages sluice detects are all covered; full Unicode case folding is
// not needed to compare words.
char32_t to_lower(char32_t cp);

// Appends `text` lower-cased to `out`. Also maps the typographic apostrophe
// ’ to ', so "don’t" and "don't" fold alike. Invalid bytes are copied.
void append_folded(std::string& out, std::string_view text);

inline std::string folded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_folded(out, text);
  return out;
}

// `text` itself when folding would not change it (lower-case ASCII without
// an apostrophe, most words), else its folded form written into `buffer`.
// Saves the copy on the common path.
inline std::string_view fold_view(std::string_view text, std::string& buffer) {
  for (const char c : text) {
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      buffer.clear();
      append_folded(buffer, text);
      return buffer;
    }
  }
  return text;
}

}  // namespace sluice::plugins::text_stats

#include "paragraphs.hpp"

#include <utility>

#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::seed_text {
namespace {

// The length of the white-space character at text[i], or 0 for anything
// else (including a byte that is not valid UTF-8: that is text to repair).
std::size_t space_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (c <= 0x20 || c == 0x7F) ? 1 : 0;
  char32_t cp = 0;
  const std::size_t length = sdk::utf8::decode(text, i, cp);
  return length != 0 && sdk::utf8::is_space(cp) ? length : 0;
}

// Appends the words of `line` to `paragraph`, each preceded by one space
// unless the paragraph is still empty. Returns false for a line without
// words, which is what separates paragraphs.
bool append_words(std::string& paragraph, std::string_view line, std::size_t& replaced) {
  bool any = false;
  std::size_t i = 0;
  while (i < line.size()) {
    if (const std::size_t space = space_length(line, i); space != 0) {
      i += space;
      continue;
    }
    const std::size_t start = i;
    while (i < line.size() && space_length(line, i) == 0) {
      char32_t cp = 0;
      const std::size_t length = sdk::utf8::decode(line, i, cp);
      i += length == 0 ? 1 : length;
    }
    if (!paragraph.empty()) paragraph.push_back(' ');
    replaced += sdk::utf8::append_sanitized(paragraph, line.substr(start, i - start));
    any = true;
  }
  return any;
}

}  // namespace

Paragraphs split_paragraphs(std::string_view text) {
  const bool mac_line_ends =
      text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos;
  const char line_end = mac_line_ends ? '\r' : '\n';

  Paragraphs result;
  std::string current;
  const auto finish_paragraph = [&] {
    if (current.empty()) return;
    result.items.push_back(std::move(current));
    current.clear();
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(line_end, pos);
    if (end == std::string_view::npos) end = text.size();
    if (!append_words(current, text.substr(pos, end - pos), result.replaced_bytes)) {
      finish_paragraph();
    }
    pos = end + 1;
  }
  finish_paragraph();
  return result;
}

}  // namespace sluice::plugins::seed_text

// Direct quotations in one paragraph: text between double quote marks,
// curly (“ ” « », German „ “) or straight ("), paired in order. A quotation still
// open at the paragraph's end runs to the end: news style leaves it open
// when the quote continues in the next paragraph. Single quotes (‘ ’) are
// only ever quotes within quotes here, and stay part of the text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "nlp/token.hpp"

namespace sluice::plugins::quotes {

struct QuoteSpan {
  std::uint32_t open = 0;   // token index of the opening mark
  std::uint32_t close = 0;  // token index of the closing mark; tokens.size() when left open
  std::uint32_t begin = 0;  // the quoted text's byte span, trimmed, without a trailing comma
  std::uint32_t end = 0;
  std::uint32_t words = 0;
  bool open_at_end = false;  // no closing mark before the paragraph ends
};

void find_quotes(const nlp::Tokens& tokens, std::vector<QuoteSpan>& out);

// True when `text` holds a double quote mark of any style: paragraphs
// without one need no tokenizing.
bool has_quote_mark(std::string_view text);

}  // namespace sluice::plugins::quotes

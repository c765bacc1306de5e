#include "quote_spans.hpp"

namespace sluice::plugins::quotes {

using nlp::TokenKind;

bool has_quote_mark(std::string_view text) {
  return text.find('"') != std::string_view::npos || text.find("\xE2\x80\x9C") != std::string_view::npos ||
         text.find("\xE2\x80\x9D") != std::string_view::npos ||
         text.find("\xE2\x80\x9E") != std::string_view::npos ||
         text.find("\xC2\xAB") != std::string_view::npos;
}

void find_quotes(const nlp::Tokens& tokens, std::vector<QuoteSpan>& out) {
  out.clear();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  auto finish = [&](std::uint32_t open, std::uint32_t close) {
    QuoteSpan q;
    q.open = open;
    q.close = close;
    q.open_at_end = close >= n;
    std::uint32_t first = open + 1, last = close;  // content tokens [first, last)
    if (last > first && tokens[last - 1].kind == TokenKind::Punct && tokens[last - 1].mark == ',') --last;
    if (last <= first) return;
    q.begin = tokens[first].begin;
    q.end = tokens[last - 1].end;
    for (std::uint32_t k = first; k < last; ++k)
      q.words += tokens[k].word() || tokens[k].kind == TokenKind::Number;
    if (q.words > 0) out.push_back(q);
  };
  bool inside = false;
  std::uint32_t open = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    const TokenKind kind = tokens[k].kind;
    // German quotes open low („) and close with what English opens with (“).
    if (kind == TokenKind::OpenQuote && inside && tokens[open].mark == 0x201E && tokens[k].mark == 0x201C) {
      finish(open, k);
      inside = false;
    } else if (kind == TokenKind::OpenQuote) {
      // A straight quote read as opening while a quote is open closes it
      // ("... it,"he said): the tokenizer guessed from spacing alone.
      if (inside && tokens[k].mark == '"') {
        finish(open, k);
        inside = false;
      } else if (!inside) {
        inside = true;
        open = k;
      }
    } else if (kind == TokenKind::CloseQuote && inside) {
      finish(open, k);
      inside = false;
    }
  }
  if (inside) finish(open, n);
}

}  // namespace sluice::plugins::quotes

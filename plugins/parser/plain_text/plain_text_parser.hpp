// The `plain_text` parser: one article per plain-text document laid out the
// way news corpora write them — a headline line, then paragraphs separated
// by blank lines.
#pragma once

#include <cstdint>
#include <string>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::plain_text {

// Keeps no state between documents, so one instance serves every worker
// (the descriptor says SLUICE_PLUGIN_FLAG_THREAD_SAFE).
class PlainTextParser final : public sdk::Parser {
 public:
  // Throws sdk::StageError for an option value that makes no sense.
  explicit PlainTextParser(const sdk::StageInit& init);

  // Emits exactly one article, or throws sdk::StageError for a document that
  // holds none: empty, only white space, over `max_bytes`, or unread.
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override;

  sdk::Article to_article(const sdk::RawDocument& doc) const;

 private:
  std::uint64_t max_bytes_;
  bool first_line_is_title_;
  std::string fallback_charset_;
  bool keep_raw_;
};

}  // namespace sluice::plugins::plain_text

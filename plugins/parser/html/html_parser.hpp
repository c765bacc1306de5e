// The `html` parser: one article per web page — headline, date, authors,
// lead caption, language and the main text without the page's furniture.
#pragma once

#include <cstdint>
#include <string>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"
#include "tuning.hpp"

namespace sluice::plugins::html {

// Keeps no state between documents and no mutable globals: one instance
// serves every worker (the descriptor says SLUICE_PLUGIN_FLAG_THREAD_SAFE).
class HtmlParser final : public sdk::Parser {
 public:
  // Throws sdk::StageError for an option value that makes no sense.
  explicit HtmlParser(const sdk::StageInit& init);

  // Emits exactly one article, or throws sdk::StageError for a document
  // that holds none: empty, binary, over max_bytes, unreadable, or a page
  // with neither a title nor any text.
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override;

  // The article for `doc`, as parse() emits it.
  sdk::Article to_article(const sdk::RawDocument& doc) const;

 private:
  std::uint64_t max_bytes_;
  std::string fallback_charset_;
  bool keep_raw_;
  Tuning tuning_;
};

}  // namespace sluice::plugins::html

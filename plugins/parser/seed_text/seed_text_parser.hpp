// The `seed_text` parser: one article per plain-text seed document.
#pragma once

#include <cstdint>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::seed_text {

// The seed format:
//
//    date 2023-07-29 <photo caption> - <photo credit>
//
//   <paragraph>
//
//   <paragraph> ...
//
// The parser keeps no state between documents, so one instance serves every
// worker (the descriptor says SLUICE_PLUGIN_FLAG_THREAD_SAFE).
class SeedTextParser final : public sdk::Parser {
 public:
  // Throws sdk::StageError for an option value that makes no sense.
  explicit SeedTextParser(const sdk::StageInit& init);

  // Emits exactly one article, or throws sdk::StageError for a document that
  // holds none: empty, over `max_bytes`, or one the source failed to read.
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override;

  // The article for `doc`, as parse() emits it.
  sdk::Article to_article(const sdk::RawDocument& doc) const;

 private:
  std::uint64_t max_bytes_;
  bool title_from_first_paragraph_;
  bool keep_raw_;
};

}  // namespace sluice::plugins::seed_text

// The `feed` parser: RSS 0.9x/1.0/2.0, Atom 1.0 and JSON Feed documents,
// one article per item.
#pragma once

#include <cstdint>
#include <string>

#include "feed_item.hpp"
#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::feed {

// Keeps no state between documents, so one instance serves every worker
// (the descriptor says SLUICE_PLUGIN_FLAG_THREAD_SAFE).
class FeedParser final : public sdk::Parser {
 public:
  // Throws sdk::StageError for an option value that makes no sense.
  explicit FeedParser(const sdk::StageInit& init);

  // One article per readable item; out.error() for each broken item. Throws
  // sdk::StageError for a document that is not a feed at all (not XML or
  // JSON, another root element, corrupt gzip, over max_bytes).
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override;

  // The document's items as read, before they become articles.
  ParsedFeed read(const sdk::RawDocument& doc) const;

 private:
  sdk::Article to_article(const sdk::RawDocument& doc, const ParsedFeed& feed, FeedItem&& item) const;

  std::uint64_t max_bytes_;
  std::string fallback_charset_;
  bool keep_summary_;
};

}  // namespace sluice::plugins::feed

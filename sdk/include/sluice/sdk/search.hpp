// Full-text search over what a sink stored, for `sluice search`. A sink
// that can answer declares SLUICE_PLUGIN_FLAG_SEARCHABLE and its stage class
// derives from both sdk::Sink and sdk::Searchable; the host finds the second
// with dynamic_cast after creating the stage from the pipeline's config.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sluice/sdk/visibility.h"

namespace sluice::sdk {

struct SearchQuery {
  std::string text;  // the user's words, in the store's own query syntax
  std::size_t limit = 10;
  std::string since;     // "YYYY-MM-DD": only articles published on or after; empty = any
  std::string entity;    // only articles naming this entity (exact text, any type); empty = any
  std::string language;  // only articles in this language ("en"); empty = any
};

// Marks the matched words inside SearchHit::snippet; the host turns them
// into bold on a terminal and into plain markers elsewhere.
inline constexpr char kHighlightStart = '\x02';
inline constexpr char kHighlightEnd = '\x03';

struct SearchHit {
  std::string id;
  std::string published;
  std::string title;
  std::string source_uri;
  std::string snippet;  // a few words around the match, matches between the markers above
  double score = 0;     // the store's relevance: higher is better
};

class SLUICE_SDK_VISIBLE Searchable {
 public:
  virtual ~Searchable() = default;
  // Best matches first, at most query.limit. Throws StageError for a query
  // the store cannot parse, with the store's own words.
  virtual std::vector<SearchHit> search(const SearchQuery& query) = 0;
};

}  // namespace sluice::sdk

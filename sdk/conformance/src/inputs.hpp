// What the checks feed a stage: ordinary inputs a working stage of its kind
// should handle, and garbage it must survive.
#pragma once

#include <string>
#include <vector>

#include "sluice/sdk/article.hpp"

namespace sluice::conformance::detail {

template <class T>
struct Labelled {
  std::string label;  // named in a failure: "invalid UTF-8 (overlong '/')"
  T value;
};

// A plain-text story, a seed-format story, an HTML page, an RSS feed and a
// JSON object: every parser should take at least one of them.
std::vector<sdk::RawDocument> ordinary_documents();
// A complete article as a parser would produce it.
sdk::Article ordinary_article();

// Empty, random, huge, invalid UTF-8, deeply nested ... under several
// content types.
std::vector<Labelled<sdk::RawDocument>> garbage_documents();
// Empty, invalid UTF-8, huge, out-of-range offsets, NaN scores, odd `fields` ...
std::vector<Labelled<sdk::Article>> garbage_articles();

}  // namespace sluice::conformance::detail

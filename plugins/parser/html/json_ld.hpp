// The article facts a page states in JSON-LD (schema.org Article,
// NewsArticle, BlogPosting ... in <script type="application/ld+json">).
#pragma once

#include <string>
#include <vector>

#include "dom.hpp"

namespace sluice::plugins::html {

struct JsonLdArticle {
  std::string headline;
  std::string date_published;
  std::string date_modified;
  std::vector<std::string> authors;  // people first; organisations only when no person is named
  std::string article_body;          // as written: plain text or HTML
  std::string language;              // inLanguage
  std::string image_caption;
  std::string image_credit;
  bool found = false;  // an article object was present
};

// Reads every JSON-LD script of the page and returns the first article
// object (looking into arrays, "@graph" and "mainEntity"). A WebPage object
// fills in what no article object gave. Malformed JSON is skipped: raw
// control characters inside strings, which many sites emit, are tolerated.
JsonLdArticle read_json_ld(const Dom& dom);

}  // namespace sluice::plugins::html

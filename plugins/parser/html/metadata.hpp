// Article metadata from the page: <meta> tags, JSON-LD and the markup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "class_hints.hpp"
#include "dom.hpp"
#include "json_ld.hpp"

namespace sluice::plugins::html {

struct PageMetadata {
  std::string title;
  std::string published;      // ISO 8601, empty when not found or not understood
  std::string published_raw;  // as found
  std::vector<std::string> authors;
  std::string caption;
  std::string credit;
  std::string language;  // ISO 639-1 (or the primary subtag as written when longer)
};

PageMetadata read_metadata(const Dom& dom, const std::vector<Hint>& hints, const JsonLdArticle& json_ld);

// The primary language subtag of a language tag ("en-US" -> "en",
// "de_DE" -> "de"), lower case; empty when it is not one.
std::string language_code(std::string_view tag);

}  // namespace sluice::plugins::html

// Finding the publication date of a page.
#pragma once

#include <string>
#include <vector>

#include "dom.hpp"
#include "json_ld.hpp"
#include "meta_tags.hpp"

namespace sluice::plugins::html {

struct PublishedDate {
  std::string iso;  // ISO 8601, empty when nothing readable was found
  std::string raw;  // the date string as found (also when unreadable)
};

// Looks, most trustworthy first, at: <meta> publication dates
// (article:published_time, Dublin Core, parsely, sailthru ...), JSON-LD
// datePublished, datePublished/dc:date marked up in the body, <time>
// elements, date-classed elements outside page furniture, short lines
// saying "Published on ...", a date in the canonical URL (/2023/07/29/),
// and last the modification date.
// `furniture` is mark_furniture()'s result.
PublishedDate find_published(const Dom& dom, const std::vector<char>& furniture, const MetaTags& meta,
                             const JsonLdArticle& json_ld);

}  // namespace sluice::plugins::html

// Finding the authors of a page.
#pragma once

#include <string>
#include <vector>

#include "dom.hpp"
#include "json_ld.hpp"
#include "meta_tags.hpp"

namespace sluice::plugins::html {

// JSON-LD authors first (structured and usually right), then <meta>
// author fields, then the markup: itemprop=author, rel=author, links to an
// author page (/author/name/), and byline- or author-classed elements
// outside page furniture (`furniture` is mark_furniture()'s result).
std::vector<std::string> find_authors(const Dom& dom, const std::vector<char>& furniture,
                                      const MetaTags& meta, const JsonLdArticle& json_ld);

}  // namespace sluice::plugins::html

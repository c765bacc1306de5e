// What an element's tag, class, id, role and itemprop say about it: part of
// the article, or navigation, comments, ads, metadata ... Publishers name
// their markup for their own stylesheets, so these are hints, weighed by
// the scoring and pruning passes, never a verdict on their own.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dom.hpp"

namespace sluice::plugins::html {

enum class Cut : std::uint8_t {
  None,
  Weak,         // "more", "teaser", "links": lowers a container's score only
  Metadata,     // byline, dates, captions, credits: not body text
  Layout,       // header, footer, sidebar, menus: page furniture
  Boilerplate,  // sharing, related links, ads, cookie and newsletter boxes
  Comments,     // reader comments and reply forms
  Dialog,       // dialogs and modal overlays (consent banners, sign-up walls)
  Hidden,       // not rendered (hidden, display:none, screen-reader-only text)
};

struct Hint {
  bool positive = false;     // article, content, post, story, entry, body, main, text ...
  bool body_marker = false;  // explicitly the article body: itemprop=articleBody, "article-body" ...
  bool credit = false;       // a caption, photo credit or copyright line, even inside a paragraph
  bool header = false;       // a <header> or "header" element: furniture, or the article's own header
  Cut cut = Cut::None;
};

// Hints for every node (text nodes get the default).
std::vector<Hint> classify_elements(const Dom& dom);

// The category the words of one class name (or id) suggest, e.g.
// "post-comments" -> Comments, "main-content" -> positive, and state or
// key-value names ("has-sidebar", "tag-politics") -> nothing. Exposed for
// tests.
Hint classify_name(std::string_view name);

// For every node, whether it or an ancestor is page furniture (Layout,
// Boilerplate, Comments, Dialog or Hidden): a teaser's <figure> in a sidebar, a
// date in the footer. Headers do not count: the article's own header holds
// its headline, date and byline. One pass, whatever the nesting.
std::vector<char> mark_furniture(const Dom& dom, const std::vector<Hint>& hints);

}  // namespace sluice::plugins::html

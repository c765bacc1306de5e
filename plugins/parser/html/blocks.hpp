// The page's text as a sequence of blocks: what a browser would render as
// separate lines. Each paragraph, list item, heading, table row and each
// line between two <br> is one block, in document order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "class_hints.hpp"
#include "dom.hpp"

namespace sluice::plugins::html {

enum class BlockKind : std::uint8_t {
  Text,          // a paragraph or a run of text in a <div>, <td> ...
  Heading,       // h1-h6
  ListItem,      // li, dt, dd
  Preformatted,  // one line of a <pre>
  TableRow,      // the cells of a data-table row, joined with " | "
};

struct Block {
  std::string text;            // white space collapsed, never empty
  int owner = -1;              // the nearest block-level element around the text
  std::size_t link_bytes = 0;  // bytes of `text` inside <a> elements
  BlockKind kind = BlockKind::Text;
  int heading_level = 0;  // 1 to 6 for headings

  // Share of the text inside links, 0 to 1.
  double link_density() const {
    return text.empty() ? 0.0 : static_cast<double>(link_bytes) / static_cast<double>(text.size());
  }
};

// Every block of the document. Skips what is never text (scripts, styles,
// form controls ...) and inline elements hinted Hidden (screen-reader-only
// labels) or credit (<em class="copyright">); everything else, boilerplate included, is kept: later passes
// decide what is article text.
//
// Tables: a row whose cells hold only inline content is a data row and
// becomes one TableRow block; a row with blocks in its cells is layout, its
// cells are containers like any <div>.
std::vector<Block> linearize(const Dom& dom, const std::vector<Hint>& hints);

}  // namespace sluice::plugins::html

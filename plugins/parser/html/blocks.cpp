#include "blocks.hpp"

#include <utility>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

bool is_cell(GumboTag tag) { return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH; }

// A row with at least two cells and nothing block-level inside them.
bool is_data_row(const Dom& dom, int row) {
  int cells = 0;
  for (int i = row + 1; i < dom[row].end; ++i) {
    const Node& n = dom[i];
    if (n.kind != NodeKind::Element) continue;
    if (is_cell(n.tag)) {
      if (n.parent == row) ++cells;
      continue;
    }
    if (is_never_text(n.tag)) {
      i = n.end - 1;
      continue;
    }
    if (is_block(n.tag)) return false;
  }
  return cells >= 2;
}

// An <a> around two or more paragraphs is no link in the reading sense:
// a layout wrapper, or what HTML's parser makes of an unclosed <a> (it
// reopens the link around everything that follows). Its text counts as
// text for link density.
bool wraps_paragraphs(const Dom& dom, int a) {
  int paragraphs = 0;
  for (int i = a + 1; i < dom[a].end; ++i) {
    if (dom.is_element(i, GUMBO_TAG_P) && ++paragraphs >= 2) return true;
  }
  return false;
}

BlockKind kind_of(GumboTag tag) {
  if (is_heading(tag)) return BlockKind::Heading;
  if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD) return BlockKind::ListItem;
  return BlockKind::Text;
}

class Linearizer {
 public:
  Linearizer(const Dom& dom, const std::vector<Hint>& hints) : dom_(dom), hints_(hints) {}

  std::vector<Block> run() {
    for (int i = 0; i < dom_.size();) {
      while (!open_.empty() && dom_[open_.back()].end <= i) {
        leave(open_.back());
        open_.pop_back();
      }
      i = visit(i);
    }
    while (!open_.empty()) {
      leave(open_.back());
      open_.pop_back();
    }
    flush();
    return std::move(blocks_);
  }

 private:
  // Handles node i and returns the next node to visit.
  int visit(int i) {
    const Node& n = dom_[i];
    if (n.kind == NodeKind::Text) {
      text(n.text);
      return i + 1;
    }
    if (is_never_text(n.tag)) return n.end;
    if (!is_block(n.tag)) {
      // Inline elements are cut only when hidden or a credit: a <span
      // class="date"> may well sit inside a sentence, a credit never does.
      const Hint& hint = hints_[static_cast<std::size_t>(i)];
      if (hint.cut == Cut::Hidden || hint.credit) return n.end;
    }
    if (n.tag == GUMBO_TAG_BR || n.tag == GUMBO_TAG_HR || n.tag == GUMBO_TAG_WBR) {
      if (n.tag == GUMBO_TAG_WBR) return i + 1;  // a line-break opportunity, not a space
      if (row_ >= 0) {
        current_.soft_break();
      } else {
        flush();
      }
      return i + 1;
    }
    if (n.tag == GUMBO_TAG_TR && row_ < 0 && is_data_row(dom_, i)) {
      flush();
      row_ = i;
      owners_.push_back(i);
    } else if (row_ >= 0 && is_cell(n.tag)) {
      if (!current_.empty()) current_.append(" | ");
    } else if (is_block(n.tag) && row_ < 0) {
      flush();
      owners_.push_back(i);
    }
    if (n.tag == GUMBO_TAG_A && !wraps_paragraphs(dom_, i)) links_.push_back(i);
    if (n.tag == GUMBO_TAG_PRE || n.tag == GUMBO_TAG_LISTING || n.tag == GUMBO_TAG_PLAINTEXT) ++pre_;
    open_.push_back(i);
    return i + 1;
  }

  void leave(int i) {
    const Node& n = dom_[i];
    if (!links_.empty() && links_.back() == i) links_.pop_back();
    if (n.tag == GUMBO_TAG_PRE || n.tag == GUMBO_TAG_LISTING || n.tag == GUMBO_TAG_PLAINTEXT) --pre_;
    if (i == row_) {
      flush();
      row_ = -1;
      owners_.pop_back();
    } else if (is_block(n.tag) && row_ < 0) {
      flush();
      owners_.pop_back();
    }
  }

  void text(std::string_view t) {
    if (pre_ > 0 && row_ < 0) {
      // Lines of preformatted text stay lines.
      for (std::size_t nl = t.find('\n'); nl != std::string_view::npos; nl = t.find('\n')) {
        append(t.substr(0, nl));
        flush();
        t.remove_prefix(nl + 1);
      }
    }
    append(t);
  }

  void append(std::string_view t) {
    // The space before a link's first word is not link text.
    const std::size_t before = current_.size() + (current_.pending_space() ? 1 : 0);
    current_.append(t);
    if (!links_.empty() && current_.size() > before) link_bytes_ += current_.size() - before;
  }

  void flush() {
    if (current_.empty()) {
      link_bytes_ = 0;
      return;
    }
    Block b;
    b.owner = owners_.empty() ? 0 : owners_.back();
    b.text = current_.take();
    b.link_bytes = std::min(link_bytes_, b.text.size());
    if (row_ >= 0) {
      b.kind = BlockKind::TableRow;
    } else if (pre_ > 0) {
      b.kind = BlockKind::Preformatted;
    } else {
      b.kind = kind_of(dom_[b.owner].tag);
      if (b.kind == BlockKind::Heading) b.heading_level = dom_[b.owner].tag - GUMBO_TAG_H1 + 1;
    }
    blocks_.push_back(std::move(b));
    link_bytes_ = 0;
  }

  const Dom& dom_;
  const std::vector<Hint>& hints_;
  std::vector<Block> blocks_;
  std::vector<int> open_;    // elements entered and not yet left
  std::vector<int> owners_;  // block-level elements entered, innermost last
  TextBuilder current_;
  std::size_t link_bytes_ = 0;
  std::vector<int> links_;  // <a> elements entered that count as links
  int pre_ = 0;             // depth of <pre> elements
  int row_ = -1;            // the data-table row being read, if any
};

}  // namespace

std::vector<Block> linearize(const Dom& dom, const std::vector<Hint>& hints) {
  return Linearizer(dom, hints).run();
}

}  // namespace sluice::plugins::html

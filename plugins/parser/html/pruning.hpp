// Deciding which subtrees are not article text, from the class hints and
// from how much of the page's prose each subtree holds.
#pragma once

#include <cstddef>
#include <vector>

#include "blocks.hpp"
#include "class_hints.hpp"
#include "dom.hpp"
#include "text_util.hpp"

namespace sluice::plugins::html {

// Per-node sums over the blocks inside each subtree.
struct TextTotals {
  std::vector<std::size_t> text;   // bytes of text
  std::vector<std::size_t> links;  // bytes of it inside links
  std::vector<std::size_t> prose;  // bytes outside links, in blocks that are not mostly links
  std::vector<int> commas;
  std::vector<std::size_t> sentences;  // bytes in prose blocks of 80+ characters with few links

  double link_density(int node) const {
    const std::size_t t = text[static_cast<std::size_t>(node)];
    return t == 0 ? 0.0 : static_cast<double>(links[static_cast<std::size_t>(node)]) / static_cast<double>(t);
  }
};

// Sums `blocks` into every ancestor of their owners. Blocks for which
// `skip(block index)` is true are left out.
template <class Skip>
TextTotals sum_text(const Dom& dom, const std::vector<Block>& blocks, Skip skip) {
  TextTotals t;
  const auto n = static_cast<std::size_t>(dom.size());
  t.text.assign(n, 0);
  t.links.assign(n, 0);
  t.prose.assign(n, 0);
  t.commas.assign(n, 0);
  t.sentences.assign(n, 0);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (skip(b)) continue;
    const Block& block = blocks[b];
    const auto o = static_cast<std::size_t>(block.owner);
    t.text[o] += block.text.size();
    t.links[o] += block.link_bytes;
    if (block.link_density() < 0.5) t.prose[o] += block.text.size() - block.link_bytes;
    t.commas[o] += comma_count(block.text);
    if (block.link_density() < 0.25 && char_count(block.text) >= 80) t.sentences[o] += block.text.size();
  }
  // Children come after their parent: one backwards pass sums every subtree.
  for (int i = dom.size() - 1; i > 0; --i) {
    const int p = dom[i].parent;
    if (p < 0) continue;
    const auto pi = static_cast<std::size_t>(p), ii = static_cast<std::size_t>(i);
    t.text[pi] += t.text[ii];
    t.links[pi] += t.links[ii];
    t.prose[pi] += t.prose[ii];
    t.commas[pi] += t.commas[ii];
    t.sentences[pi] += t.sentences[ii];
  }
  return t;
}

// For every node, whether it lies in a subtree cut from the article text.
//
// Comment sections and dialogs are always cut: a lively thread or a
// consent banner's legalese can well outweigh the article, and nobody names
// a page wrapper role="dialog". Hidden, boilerplate (sharing, related
// links, ads, cookie and newsletter boxes), layout (footer, nav, aside,
// form, sidebars) and metadata elements (bylines, figures) are cut unless
// they hold at least half of the page's prose: publishers also put such
// names on the wrappers around everything ("print-full", ASP.NET's
// page-wide <form>), and a wrapper is not furniture. Headers are not cut
// here: the article's own header may hold its standfirst (the bylines and
// dates in it are metadata-named, or filtered as paragraphs later). An
// element containing an explicit article-body marker is never cut, nor are
// <html> and <body> (pages hide the body until a script shows it).
std::vector<char> cut_subtrees(const Dom& dom, const std::vector<Hint>& hints, const TextTotals& totals);

}  // namespace sluice::plugins::html

#include "pruning.hpp"

namespace sluice::plugins::html {

std::vector<char> cut_subtrees(const Dom& dom, const std::vector<Hint>& hints, const TextTotals& totals) {
  const auto n = static_cast<std::size_t>(dom.size());
  // Whether each subtree holds an explicit article-body marker.
  std::vector<char> has_marker(n, 0);
  for (int i = dom.size() - 1; i >= 0; --i) {
    const auto ii = static_cast<std::size_t>(i);
    if (hints[ii].body_marker) has_marker[ii] = 1;
    if (has_marker[ii] && dom[i].parent >= 0) has_marker[static_cast<std::size_t>(dom[i].parent)] = 1;
  }
  const std::size_t page_prose = totals.prose.empty() ? 0 : totals.prose[0];

  std::vector<char> cut(n, 0);
  for (int i = 0; i < dom.size(); ++i) {
    const auto ii = static_cast<std::size_t>(i);
    const Node& node = dom[i];
    if (node.parent >= 0 && cut[static_cast<std::size_t>(node.parent)]) {
      cut[ii] = 1;
      continue;
    }
    if (node.kind != NodeKind::Element || node.tag == GUMBO_TAG_HTML || node.tag == GUMBO_TAG_BODY) continue;
    if (has_marker[ii]) continue;
    const bool wrapper = page_prose > 0 && 2 * totals.prose[ii] >= page_prose;
    switch (hints[ii].cut) {
      case Cut::Comments:
      case Cut::Dialog: cut[ii] = 1; break;
      case Cut::Hidden:
      case Cut::Boilerplate:
      case Cut::Layout: cut[ii] = !wrapper && !hints[ii].header; break;
      case Cut::Metadata: cut[ii] = !wrapper; break;
      case Cut::Weak:
      case Cut::None: break;
    }
  }
  return cut;
}

}  // namespace sluice::plugins::html

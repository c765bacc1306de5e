#include "content_scoring.hpp"

#include <algorithm>
#include <string_view>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

// Elements that are the paragraph themselves: their parent is the first
// container to score. Text sitting directly in a <div> is a paragraph of
// that <div> instead.
bool is_paragraph_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_TR: return true;
    default: return is_heading(tag);
  }
}

double tag_bonus(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE: return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_TH: return -5;
    default: return is_heading(tag) ? -5 : 0;
  }
}

std::vector<int> element_children(const Dom& dom, int parent) {
  std::vector<int> out;
  for (int j = parent + 1; j < dom[parent].end; j = dom[j].end) {
    if (dom[j].kind == NodeKind::Element) out.push_back(j);
  }
  return out;
}

bool ends_like_sentence(std::string_view text) {
  return text.ends_with('.') || text.find(". ") != std::string_view::npos;
}

// Readability: when three or more near-top candidates share an ancestor,
// the article is that ancestor (it was split into several containers).
int shared_ancestor(const Dom& dom, const ContentScores& s, int top) {
  std::vector<int> candidates;
  for (int i = 0; i < dom.size(); ++i) {
    if (s.scored[static_cast<std::size_t>(i)] && i != top) candidates.push_back(i);
  }
  const auto score = [&](int i) { return s.score[static_cast<std::size_t>(i)]; };
  std::sort(candidates.begin(), candidates.end(), [&](int a, int b) { return score(a) > score(b); });
  if (candidates.size() > 4) candidates.resize(4);
  std::vector<int> close;
  for (const int c : candidates) {
    if (score(c) >= 0.75 * score(top)) close.push_back(c);
  }
  if (close.size() < 3) return top;
  for (int p = dom[top].parent; p >= 0 && dom[p].tag != GUMBO_TAG_BODY; p = dom[p].parent) {
    const auto inside = std::count_if(close.begin(), close.end(), [&](int c) { return dom.contains(p, c); });
    if (inside >= 3) return p;
  }
  return top;
}

// Readability: climb while an ancestor scores higher than the candidate.
int climb_to_better_parent(const Dom& dom, const ContentScores& s, int top) {
  double last = s.score[static_cast<std::size_t>(top)];
  const double threshold = last / 3;
  for (int p = dom[top].parent; p >= 0 && dom[p].tag != GUMBO_TAG_BODY; p = dom[p].parent) {
    if (!s.scored[static_cast<std::size_t>(p)]) continue;
    const double score = s.score[static_cast<std::size_t>(p)];
    if (score < threshold) break;
    if (score > last) return p;
    last = score;
  }
  return top;
}

// Readability's winner can be one of several containers the article was
// split into (text, fact box, second half after an ad slot): climb while
// an ancestor holds much more sentence-like prose than the candidate.
int climb_to_more_prose(const Dom& dom, const TextTotals& totals, int top) {
  const auto sentences = [&](int i) {
    return static_cast<double>(totals.sentences[static_cast<std::size_t>(i)]);
  };
  for (int p = dom[top].parent; p >= 0 && dom[p].tag != GUMBO_TAG_BODY && dom[p].tag != GUMBO_TAG_HTML;
       p = dom[p].parent) {
    if (sentences(p) >= 1.25 * sentences(top) + 100 && totals.link_density(p) < 0.3) top = p;
  }
  return top;
}

}  // namespace

double class_weight(const Hint& hint) {
  double w = 0;
  if (hint.positive) w += 25;
  if (hint.body_marker) w += 25;
  if (hint.cut != Cut::None) w -= 25;
  return w;
}

ContentScores score_containers(const Dom& dom, const std::vector<Hint>& hints,
                               const std::vector<Block>& blocks, const std::vector<char>& cut,
                               const TextTotals& totals) {
  ContentScores s;
  s.score.assign(static_cast<std::size_t>(dom.size()), 0.0);
  s.scored.assign(static_cast<std::size_t>(dom.size()), 0);
  for (const Block& b : blocks) {
    if (cut[static_cast<std::size_t>(b.owner)]) continue;
    const std::size_t length = char_count(b.text);
    if (length < 25) continue;
    const double points =
        1.0 + comma_count(b.text) + std::min<double>(static_cast<double>(length / 100), 3.0);
    int node = is_paragraph_element(dom[b.owner].tag) ? dom[b.owner].parent : b.owner;
    for (int level = 0; level < 5 && node >= 0; ++level, node = dom[node].parent) {
      const auto n = static_cast<std::size_t>(node);
      if (!s.scored[n]) {
        s.scored[n] = 1;
        s.score[n] = tag_bonus(dom[node].tag) + class_weight(hints[n]);
      }
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      s.score[n] += points / divider;
    }
  }
  for (int i = 0; i < dom.size(); ++i) {
    const auto n = static_cast<std::size_t>(i);
    if (s.scored[n]) s.score[n] *= 1.0 - totals.link_density(i);
  }
  return s;
}

std::vector<int> select_content(const Dom& dom, const ContentScores& s, const std::vector<char>& cut,
                                const TextTotals& totals, const Tuning& tuning) {
  int top = -1;
  for (int i = 0; i < dom.size(); ++i) {
    const auto n = static_cast<std::size_t>(i);
    if (!s.scored[n] || cut[n]) continue;
    if (top < 0 || s.score[n] > s.score[static_cast<std::size_t>(top)]) top = i;
  }
  if (top < 0) return {};
  top = shared_ancestor(dom, s, top);
  top = climb_to_better_parent(dom, s, top);
  top = climb_to_more_prose(dom, totals, top);
  // A container that is its parent's only element child says nothing more
  // than the parent; the parent's siblings are the ones worth comparing.
  for (int p = dom[top].parent; p >= 0 && dom[p].tag != GUMBO_TAG_BODY && dom[p].tag != GUMBO_TAG_HTML;
       p = dom[p].parent) {
    if (element_children(dom, p).size() != 1) break;
    top = p;
  }

  const int parent = dom[top].parent;
  if (parent < 0 || dom[top].tag == GUMBO_TAG_BODY) return {top};
  const double top_score = s.score[static_cast<std::size_t>(top)];
  const double threshold = std::max(10.0, top_score * tuning.sibling_share);
  const std::string_view top_class = dom.attr(top, "class");
  std::vector<int> selected;
  for (const int c : element_children(dom, parent)) {
    const auto n = static_cast<std::size_t>(c);
    if (c == top) {
      selected.push_back(c);
      continue;
    }
    if (cut[n]) continue;
    const double bonus = !top_class.empty() && dom.attr(c, "class") == top_class ? top_score * 0.2 : 0.0;
    if (s.scored[n] && s.score[n] + bonus >= threshold) {
      selected.push_back(c);
      continue;
    }
    if (dom[c].tag != GUMBO_TAG_P) continue;
    const double density = totals.link_density(c);
    const std::size_t length = totals.text[n];
    if (length > 80 && density < 0.25) {
      selected.push_back(c);
    } else if (length > 0 && length <= 80 && density == 0 && ends_like_sentence(inner_text(dom, c))) {
      selected.push_back(c);
    }
  }
  return selected;
}

}  // namespace sluice::plugins::html

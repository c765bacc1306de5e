#include "main_text.hpp"

#include <algorithm>
#include <unordered_set>

#include "block_filter.hpp"
#include "content_scoring.hpp"
#include "pruning.hpp"
#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

// Below this many characters a markup extraction is suspect: the relaxed
// pass and JSON-LD get a chance to do better.
constexpr std::size_t kShortBody = 500;

bool is_cleanable_container(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_UNKNOWN: return true;
    default: return false;
  }
}

// Readability's conditional cleaning, simplified: inside the article, a
// container with little prose (few commas) and many links is a link box.
void cut_link_boxes(const Dom& dom, const std::vector<Hint>& hints, const std::vector<int>& roots,
                    const TextTotals& totals, const Tuning& tuning, std::vector<char>& cut) {
  for (const int root : roots) {
    for (int i = root + 1; i < dom[root].end; ++i) {
      const auto n = static_cast<std::size_t>(i);
      if (cut[n]) {
        i = dom[i].end - 1;
        continue;
      }
      if (dom[i].kind != NodeKind::Element || !is_cleanable_container(dom[i].tag)) continue;
      if (totals.commas[n] >= 10 || hints[n].body_marker) continue;
      const double limit = hints[n].positive ? std::max(0.5, tuning.max_container_link_density)
                                             : tuning.max_container_link_density;
      if (totals.link_density(i) <= limit) continue;
      for (int k = i; k < dom[i].end; ++k) cut[static_cast<std::size_t>(k)] = 1;
      i = dom[i].end - 1;
    }
  }
}

std::size_t total_chars(const std::vector<std::string>& paragraphs) {
  std::size_t n = 0;
  for (const auto& p : paragraphs) n += char_count(p);
  return n;
}

// One extraction pass. `relaxed` keeps layout and metadata containers
// (only hidden and boilerplate ones are cut), for pages whose article sits
// inside furniture-named markup.
std::vector<std::string> extract(const Dom& dom, const std::vector<Hint>& hints,
                                 const std::vector<Block>& blocks, std::string_view title,
                                 const Tuning& tuning, bool relaxed) {
  std::vector<Hint> pass_hints = hints;
  if (relaxed) {
    for (Hint& h : pass_hints) {
      if (h.cut == Cut::Layout || h.cut == Cut::Metadata) h.cut = Cut::Weak;
    }
  }
  const auto all = [](std::size_t) { return false; };
  const TextTotals page = sum_text(dom, blocks, all);
  std::vector<char> cut = cut_subtrees(dom, pass_hints, page);
  const auto is_cut = [&](std::size_t b) { return cut[static_cast<std::size_t>(blocks[b].owner)] != 0; };
  const TextTotals kept = sum_text(dom, blocks, is_cut);

  const ContentScores scores = score_containers(dom, pass_hints, blocks, cut, kept);
  const std::vector<int> roots = select_content(dom, scores, cut, kept, tuning);
  if (roots.empty()) return {};
  cut_link_boxes(dom, pass_hints, roots, kept, tuning, cut);

  std::vector<const Block*> chosen;
  for (const Block& b : blocks) {
    if (cut[static_cast<std::size_t>(b.owner)]) continue;
    if (std::any_of(roots.begin(), roots.end(), [&](int r) { return dom.contains(r, b.owner); }))
      chosen.push_back(&b);
  }
  return filter_blocks(chosen, title, tuning);
}

// Lower-case word pairs of a text: a cheap fingerprint for comparing two
// extractions of the same article.
std::unordered_set<std::string> word_pairs(const std::vector<std::string>& paragraphs) {
  std::unordered_set<std::string> pairs;
  std::string previous;
  for (const auto& p : paragraphs) {
    std::size_t start = 0;
    while (start < p.size()) {
      std::size_t end = p.find(' ', start);
      if (end == std::string::npos) end = p.size();
      std::string word = loose_key(std::string_view(p).substr(start, end - start));
      if (!word.empty()) {
        pairs.insert(previous + ' ' + word);
        previous = std::move(word);
      }
      start = end + 1;
    }
  }
  return pairs;
}

// The share of `reference`'s word pairs that `candidate` has too.
double coverage(const std::vector<std::string>& reference, const std::vector<std::string>& candidate) {
  const auto ref = word_pairs(reference), cand = word_pairs(candidate);
  if (ref.empty()) return 1.0;
  const auto found =
      std::count_if(ref.begin(), ref.end(), [&](const std::string& w) { return cand.count(w) != 0; });
  return static_cast<double>(found) / static_cast<double>(ref.size());
}

}  // namespace

const char* to_string(BodySource source) {
  switch (source) {
    case BodySource::Markup: return "markup";
    case BodySource::MarkupRelaxed: return "markup (relaxed)";
    case BodySource::JsonLd: return "json-ld";
    case BodySource::None: return "none";
  }
  return "none";
}

std::vector<std::string> json_ld_paragraphs(std::string_view body) {
  if (body.find('<') != std::string_view::npos && body.find('>') != std::string_view::npos) {
    const Dom dom(body);
    const std::vector<Hint> hints = classify_elements(dom);
    std::vector<std::string> out;
    for (Block& b : linearize(dom, hints)) out.push_back(std::move(b.text));
    return out;
  }
  // Plain text: every line break is a paragraph break (JSON-LD bodies
  // have no hard-wrapped lines).
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    if (std::string line = clean_text(body.substr(start, end - start)); !line.empty())
      out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

MainText extract_main_text(const Dom& dom, const std::vector<Hint>& hints, const std::vector<Block>& blocks,
                           std::string_view title, std::string_view json_ld_body, const Tuning& tuning) {
  MainText best;
  best.paragraphs = extract(dom, hints, blocks, title, tuning, false);
  best.source = best.paragraphs.empty() ? BodySource::None : BodySource::Markup;
  std::size_t best_chars = total_chars(best.paragraphs);
  if (best_chars < kShortBody) {
    std::vector<std::string> relaxed = extract(dom, hints, blocks, title, tuning, true);
    if (const std::size_t chars = total_chars(relaxed); chars > best_chars) {
      best = {std::move(relaxed), BodySource::MarkupRelaxed};
      best_chars = chars;
    }
  }
  if (tuning.use_json_ld && !json_ld_body.empty()) {
    // Plausible: the JSON-LD text is substantially longer than what the
    // markup gave (it is often a truncated teaser on paywalled pages, and
    // lacks the paragraph breaks the markup has).
    std::vector<std::string> from_json = json_ld_paragraphs(json_ld_body);
    const std::size_t chars = total_chars(from_json);
    // Or the markup pass chose the wrong container: a substantial JSON-LD
    // text of which the markup text has less than half.
    const bool longer = chars >= 200 && chars > 2 * best_chars;
    const bool elsewhere = chars >= 500 && coverage(from_json, best.paragraphs) < 0.5;
    if (longer || elsewhere) best = {std::move(from_json), BodySource::JsonLd};
  }
  return best;
}

}  // namespace sluice::plugins::html

#include "ner_merge.hpp"

#include <algorithm>

#include "run_classifier.hpp"

namespace sluice::plugins::entities {
namespace {

Kind kind_of_span(const NerSpan& s) { return kind_of(s.type); }

// A rule candidate the tagger does not override (see ner_merge.hpp).
bool rule_certain(const Candidate& c, std::string_view text, const nlp::Tokens& tokens) {
  if (c.the_north) return true;
  if (c.kind == Kind::Person && c.strength == kKnown) return true;  // title or role before it
  // "said Tamer Ramadan", "Tamer Ramadan, the federation’s envoy".
  if (c.kind == Kind::Person && c.strength >= kStructure && c.person_context && !c.after_the) return true;
  // Not on token boundaries: part of a hyphenated word.
  const auto at = std::lower_bound(tokens.begin(), tokens.end(), c.begin,
                                   [](const nlp::Token& t, std::uint32_t b) { return t.begin < b; });
  if (at == tokens.end() || at->begin != c.begin) return true;
  const auto k = static_cast<std::uint32_t>(at - tokens.begin());
  std::uint32_t last = k;
  while (last < tokens.size() && tokens[last].end < c.end) ++last;
  if (last >= tokens.size() || tokens[last].end != c.end) return true;
  // "Soviet-era Grad": an origin compound and a name.
  if (c.kind == Kind::Misc && tokens[k].is(nlp::tok::kHyphen) && last > k) {
    const std::string_view w = tokens[k].text(text);
    const auto h = w.find('-');
    if (h != std::string_view::npos && h + 1 < w.size() && w[h + 1] >= 'a' && w[h + 1] <= 'z') return true;
  }
  // A known phrase running on into lower-case words.
  if (c.strength == kKnown && !c.canonical.empty() && tokens[last].word() &&
      tokens[last].is(nlp::tok::kLower))
    return true;
  return false;
}

}  // namespace

void merge_tagged(std::uint32_t segment, std::string_view text, const nlp::Tokens& tokens,
                  const std::vector<NerSpan>& spans, const Gazetteer& gazetteer, bool headline,
                  std::vector<Candidate>& candidates, std::size_t from) {
  auto span_begin = [&](const NerSpan& s) { return tokens[s.first].begin; };
  auto span_end = [&](const NerSpan& s) { return tokens[s.last - 1].end; };

  std::vector<Candidate> merged;
  std::vector<bool> span_used(spans.size(), false);
  auto from_span = [&](std::size_t i) {
    const NerSpan& s = spans[i];
    span_used[i] = true;
    Candidate c;
    c.segment = segment;
    c.begin = span_begin(s);
    c.end = span_end(s);
    c.kind = kind_of_span(s);
    c.strength = kStructure;
    c.tagged = true;
    std::uint32_t words = 0;
    for (std::uint32_t k = s.first; k < s.last; ++k) words += tokens[k].word() ? 1 : 0;
    c.words = static_cast<std::uint8_t>(std::min<std::uint32_t>(words, 255));
    c.initial = tokens[s.first].initial();
    c.title_case = headline;
    const GazetteerMatch m = gazetteer.longest(text, tokens, s.first, s.last);
    if (m.entry && m.last == s.last && kind_of(m.entry->type) == c.kind) {
      c.canonical = m.entry->canonical;
      c.strength = kKnown;
    }
    if (s.first >= 2 && tokens[s.first - 1].word()) {
      const std::string_view w = tokens[s.first - 1].text(text);
      if ((w == "and" || w == "or") && tokens[s.first - 2].word())
        c.coordinated_with = tokens[s.first - 2].end;
    }
    merged.push_back(std::move(c));
  };

  for (std::size_t ci = from; ci < candidates.size(); ++ci) {
    Candidate& c = candidates[ci];
    std::vector<std::size_t> overlapping;
    for (std::size_t i = 0; i < spans.size(); ++i)
      if (span_begin(spans[i]) < c.end && c.begin < span_end(spans[i])) overlapping.push_back(i);
    if (rule_certain(c, text, tokens)) {
      for (const auto i : overlapping) span_used[i] = true;
      merged.push_back(std::move(c));
      continue;
    }
    // A known name the tagger did not see stays, and so does whatever the
    // rules found in a headline: the article-wide pass keeps a headline's
    // names only when they are known or seen in the text (resolver.hpp).
    if (overlapping.empty()) {
      if (c.strength != kKnown && !c.title_case) {
        if (c.kind != Kind::Unknown || c.words != 1) continue;
        c.rejected = true;  // "Shoigu" after "Sergei Shoigu" may still be the person
      }
      merged.push_back(std::move(c));
      continue;
    }
    // A known phrase the tagger cuts into pieces ("United States of
    // America", "Bank of England") stays whole.
    if (c.strength == kKnown && c.kind != Kind::Unknown &&
        std::all_of(
            overlapping.begin(), overlapping.end(),
            [&](std::size_t i) { return span_begin(spans[i]) >= c.begin && span_end(spans[i]) <= c.end; }) &&
        !(overlapping.size() == 1 && span_begin(spans[overlapping[0]]) == c.begin &&
          span_end(spans[overlapping[0]]) == c.end)) {
      for (const auto i : overlapping) span_used[i] = true;
      merged.push_back(std::move(c));
      continue;
    }
    if (overlapping.size() == 1 && span_begin(spans[overlapping[0]]) == c.begin &&
        span_end(spans[overlapping[0]]) == c.end) {
      span_used[overlapping[0]] = true;
      const Kind k = kind_of_span(spans[overlapping[0]]);
      // The hand-made lists of organisations, nationalities and events
      // outrank the tagger; a known place may turn out to be a club or a
      // company named after it ("Leeds", "Emirates"), nothing else.
      const bool listed = c.strength == kKnown && c.kind != Kind::Unknown;
      if (listed && (c.kind != Kind::Location || k != Kind::Org)) {
        merged.push_back(std::move(c));
        continue;
      }
      if (k != c.kind) {
        if (c.kind != Kind::Unknown) c.canonical.clear();
        c.kind = k;
        c.strength = std::max<std::uint8_t>(c.strength, kStructure);
        c.tagged = true;
      }
      merged.push_back(std::move(c));
      continue;
    }
    for (const auto i : overlapping)
      if (!span_used[i]) from_span(i);
  }
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (!span_used[i]) from_span(i);
  std::stable_sort(merged.begin(), merged.end(),
                   [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  candidates.resize(from);
  for (auto& c : merged) candidates.push_back(std::move(c));
}

}  // namespace sluice::plugins::entities

#include "ner_tagger.hpp"

namespace sluice::plugins::entities {

void ner_spans(const std::vector<std::uint8_t>& labels, std::vector<NerSpan>& out) {
  out.clear();
  for (std::uint32_t k = 0; k < labels.size(); ++k) {
    const int y = labels[k];
    if (y == 0) continue;
    const auto type = static_cast<sdk::EntityType>((y - 1) / 2);
    if (y % 2 == 0 && !out.empty() && out.back().last == k && out.back().type == type) {
      out.back().last = k + 1;
      continue;
    }
    out.push_back(NerSpan{k, k + 1, type});
  }
}

void NerTagger::tag(std::string_view text, const nlp::Tokens& tokens, bool headline, NerScratch& s,
                    std::vector<NerSpan>& out) const {
  out.clear();
  features_.extract(text, tokens, headline, s.features);
  const std::size_t n = tokens.size();
  const auto L = static_cast<std::size_t>(kNerLabels);
  // Decode each stretch of open tokens on its own: a closed token is O, so
  // the chain restarts after it with the transition from O.
  s.emissions.resize(n * L);
  for (std::size_t a = 0; a < n;) {
    if (!s.features.open[a]) {
      ++a;
      continue;
    }
    std::size_t b = a;
    while (b < n && s.features.open[b]) ++b;
    for (std::uint32_t f = s.features.first[a]; f < s.features.first[b]; ++f)
      model_.prefetch(s.features.ids[f]);
    for (std::size_t k = a; k < b; ++k) {
      std::int32_t* e = &s.emissions[(k - a) * L];
      std::fill(e, e + L, 0);
      for (std::uint32_t f = s.features.first[k]; f < s.features.first[k + 1]; ++f)
        model_.accumulate(s.features.ids[f], e);
    }
    // Transitions into the stretch come from O (or the start), out of it into O.
    const bool at_start = a == 0;
    nlp::viterbi_decode(
        b - a, kNerLabels,
        [&](std::size_t t, int y) {
          std::int64_t v = s.emissions[t * L + static_cast<std::size_t>(y)];
          if (t + 1 == b - a && b < n) v += model_.transition(y, 0);
          return v;
        },
        [&](int p, int y) {
          return std::int64_t{model_.transition(p == kNerLabels && !at_start ? 0 : p, y)};
        },
        [&](int p, int y) { return ner_transition_allowed(p == kNerLabels && !at_start ? 0 : p, y); },
        s.viterbi, s.labels);
    ner_spans(s.labels, s.spans);
    // A name neither starts nor ends with a bridging word ("the", "of").
    for (auto sp : s.spans) {
      sp.first += static_cast<std::uint32_t>(a);
      sp.last += static_cast<std::uint32_t>(a);
      while (sp.first < sp.last && s.features.open[sp.first] == 2) ++sp.first;
      while (sp.last > sp.first && s.features.open[sp.last - 1] == 2) --sp.last;
      if (sp.first < sp.last) out.push_back(sp);
    }
    a = b;
  }
}

}  // namespace sluice::plugins::entities

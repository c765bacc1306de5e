#include "speakers.hpp"

#include <algorithm>

#include "nlp/folded_map.hpp"
#include "nlp/name_runs.hpp"
#include "nlp/person_names.hpp"
#include "nlp/tokenizer.hpp"

namespace sluice::plugins::quotes {
namespace {

SpeakerType type_of(sdk::EntityType t) {
  switch (t) {
    case sdk::EntityType::Person: return SpeakerType::Person;
    case sdk::EntityType::Organization: return SpeakerType::Organization;
    case sdk::EntityType::Location: return SpeakerType::Location;
    case sdk::EntityType::Misc: return SpeakerType::Misc;
  }
  return SpeakerType::Unknown;
}

}  // namespace

void SpeakerIndex::add(std::size_t paragraph, std::uint32_t begin, std::uint32_t end, std::uint32_t speaker) {
  if (paragraph >= spans_.size()) return;
  spans_[paragraph].push_back(NamedSpan{begin, end, speaker});
}

void SpeakerIndex::sort() {
  for (auto& v : spans_)
    std::sort(v.begin(), v.end(), [](const NamedSpan& a, const NamedSpan& b) { return a.begin < b.begin; });
}

SpeakerIndex SpeakerIndex::from_entities(const sdk::Article& article) {
  SpeakerIndex idx;
  idx.spans_.resize(article.body.size());
  for (const auto& e : article.entities) {
    const auto s = static_cast<std::uint32_t>(idx.speakers_.size());
    idx.speakers_.push_back(Speaker{e.name, type_of(e.type)});
    for (const auto& m : e.mentions)
      if (m.paragraph >= 0) idx.add(static_cast<std::size_t>(m.paragraph), m.begin, m.end, s);
  }
  idx.sort();
  return idx;
}

SpeakerIndex SpeakerIndex::from_capitals(const sdk::Article& article, const nlp::Lexicon& lex) {
  SpeakerIndex idx;
  idx.spans_.resize(article.body.size());
  struct Found {
    std::size_t paragraph;
    std::uint32_t begin, end;
  };
  std::vector<Found> found;
  std::vector<std::string_view> names;
  nlp::Tokens tokens;
  std::vector<nlp::NameRun> runs;
  for (std::size_t p = 0; p < article.body.size(); ++p) {
    const std::string_view text = article.body[p];
    nlp::tokenize(text, tokens);
    nlp::find_runs(text, tokens, lex, runs);
    for (const auto& r : runs) {
      const nlp::RunParts parts = nlp::split_run(text, tokens, lex, r);
      if (parts.only_title || parts.name.first >= parts.name.last) continue;
      // A lone capitalised word opening a sentence is most likely not a name.
      if (!parts.honorific && !parts.role && r.initial && r.last - r.first == 1) continue;
      const std::uint32_t b = tokens[parts.name.first].begin, e = tokens[parts.name.last - 1].end;
      found.push_back(Found{p, b, e});
      names.push_back(text.substr(b, e - b));
    }
  }
  std::vector<std::uint32_t> canonical;
  nlp::resolve_person_names(names, canonical);
  nlp::FoldedViewMap<std::uint32_t> by_name;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::string_view name = names[canonical[i]];
    auto it = by_name.find(name);
    if (it == by_name.end()) {
      it = by_name.emplace(name, static_cast<std::uint32_t>(idx.speakers_.size())).first;
      idx.speakers_.push_back(Speaker{name, SpeakerType::Unknown});
    }
    idx.add(found[i].paragraph, found[i].begin, found[i].end, it->second);
  }
  idx.sort();
  return idx;
}

const NamedSpan* SpeakerIndex::at(std::size_t paragraph, std::uint32_t byte) const {
  if (paragraph >= spans_.size()) return nullptr;
  const auto& v = spans_[paragraph];
  auto it = std::upper_bound(v.begin(), v.end(), byte,
                             [](std::uint32_t b, const NamedSpan& s) { return b < s.begin; });
  if (it == v.begin()) return nullptr;
  --it;
  return byte < it->end ? &*it : nullptr;
}

const NamedSpan* SpeakerIndex::last_person_before(std::size_t paragraph, std::uint32_t byte) const {
  for (std::size_t p = std::min(paragraph + 1, spans_.size()); p-- > 0;) {
    const auto& v = spans_[p];
    for (auto it = v.rbegin(); it != v.rend(); ++it)
      if ((p < paragraph || it->end <= byte) && speakers_[it->speaker].person_like()) return &*it;
  }
  return nullptr;
}

}  // namespace sluice::plugins::quotes

#include "resolver.hpp"

#include <array>
#include <string>

#include "nlp/folded_map.hpp"
#include "nlp/person_names.hpp"

namespace sluice::plugins::entities {
namespace {

// Candidates that were dropped are marked with this kind.
constexpr auto kDropped = static_cast<Kind>(255);

std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) <= 0x20) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

bool all_caps_word(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c == ' ') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// "International Atomic Energy Agency" -> "IAEA" (function words skipped).
std::string initials(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    const std::size_t sp = name.find(' ', i);
    const std::string_view w = name.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i);
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
    if (sp == std::string_view::npos) break;
    i = sp + 1;
  }
  return out;
}

sdk::EntityType type_of(Kind k) {
  switch (k) {
    case Kind::Person: return sdk::EntityType::Person;
    case Kind::Org: return sdk::EntityType::Organization;
    case Kind::Location: return sdk::EntityType::Location;
    default: return sdk::EntityType::Misc;
  }
}

struct Best {
  Kind kind = Kind::Unknown;
  std::uint8_t strength = 0;
  const std::string* canonical = nullptr;
};

}  // namespace

void resolve(const std::vector<Segment>& segments, std::vector<Candidate>& cands,
             std::vector<sdk::Entity>& out) {
  out.clear();
  auto surface = [&](const Candidate& c) {
    return segments[c.segment].text.substr(c.begin, c.end - c.begin);
  };

  // Headline-style segments: keep only what is known or seen elsewhere.
  nlp::FoldedViewSet plain_names;
  bool any_title_case = false;
  for (const auto& c : cands) {
    if (c.title_case) {
      any_title_case = true;
    } else if (c.kind != Kind::Unknown || c.words >= 2) {
      const std::string_view s = surface(c);
      plain_names.emplace(s);
      // "Shoigu" in a headline is the "Sergei Shoigu" of the text.
      if (c.words >= 2 && c.kind != Kind::Org && c.kind != Kind::Location) {
        plain_names.emplace(s.substr(0, s.find(' ')));
        plain_names.emplace(s.substr(s.rfind(' ') + 1));
      }
    }
  }
  if (any_title_case)
    for (auto& c : cands)
      if (c.title_case && c.strength < kKnown && plain_names.count(surface(c)) == 0) c.kind = kDropped;

  // The tagger types each mention from its own sentence; the article's
  // mentions of one name take the type most of them got (the first seen
  // on a tie), so "Moon" is not a person here and a work there.
  {
    nlp::FoldedViewMap<std::array<std::uint16_t, 4>> votes;
    for (const auto& c : cands)
      if (c.tagged && c.kind != kDropped && static_cast<int>(c.kind) < 4)
        ++votes[surface(c)][static_cast<std::size_t>(c.kind)];
    for (auto& c : cands) {
      if (!c.tagged || c.kind == kDropped || static_cast<int>(c.kind) >= 4) continue;
      const auto& v = votes[surface(c)];
      std::size_t best_kind = static_cast<std::size_t>(c.kind);
      for (std::size_t k = 0; k < 4; ++k)
        if (v[k] > v[best_kind]) best_kind = k;
      if (best_kind != static_cast<std::size_t>(c.kind)) {
        c.kind = static_cast<Kind>(best_kind);
        c.canonical.clear();
      }
    }
  }

  // The strongest typing of each surface form.
  nlp::FoldedViewMap<Best> best;
  for (const auto& c : cands) {
    if (c.kind == Kind::Unknown || c.kind == kDropped || c.the_north) continue;
    Best& b = best[surface(c)];
    if (b.canonical == nullptr || c.strength > b.strength) b = Best{c.kind, c.strength, &c.canonical};
  }
  // Adopt the strongest typing of the same name; then settle what is left,
  // names of several words first, so that their words are known when the
  // one-word names are judged.
  for (auto& c : cands) {
    if (c.kind == kDropped || c.the_north || c.kind == Kind::Person) continue;
    if (auto it = best.find(surface(c)); it != best.end() && it->second.strength > c.strength) {
      c.kind = it->second.kind;
      c.strength = it->second.strength;
      c.canonical = *it->second.canonical;
    }
  }
  for (auto& c : cands) {
    if (c.kind != Kind::Unknown || c.words < 2) continue;
    if (c.person_context && !c.after_the)
      c.kind = Kind::Person;
    else if (c.loc_context)
      c.kind = Kind::Location;
    else if (c.words <= 3 && !c.after_the)
      c.kind = Kind::Person;
    else
      c.kind = Kind::Org;
  }
  // Words of full personal names, for one-word mentions.
  nlp::FoldedViewSet person_words;
  for (const auto& c : cands) {
    if (c.kind != Kind::Person || c.words < 2) continue;
    const std::string_view s = surface(c);
    const auto sp1 = s.find_first_of(" \t\n"), sp2 = s.find_last_of(" \t\n");
    person_words.emplace(s.substr(0, sp1));
    person_words.emplace(s.substr(sp2 + 1));
  }
  for (std::size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (c.words != 1 || c.kind == kDropped || c.the_north) continue;
    const bool weak = c.kind == Kind::Unknown || (c.kind == Kind::Org && c.strength <= kContext);
    if (weak && person_words.count(surface(c))) c.kind = Kind::Person;
    if (c.rejected && c.kind != Kind::Person) c.kind = kDropped;
    if (c.kind != Kind::Unknown) continue;
    // "in Jerusalem and Haifa": the same type as the name it is joined to.
    if (c.coordinated_with != Candidate::kNone && i > 0 && cands[i - 1].segment == c.segment &&
        cands[i - 1].end == c.coordinated_with && cands[i - 1].kind != Kind::Unknown &&
        cands[i - 1].kind != kDropped) {
      c.kind = cands[i - 1].kind;
      continue;
    }
    if (c.initial)
      c.kind = kDropped;  // most likely a capitalised common word
    else if (c.loc_context)
      c.kind = Kind::Location;
    else
      c.kind = Kind::Org;
  }

  // "the North" -> the article's "North X".
  std::string north, south;
  for (const auto& c : cands) {
    if (c.kind != Kind::Location || c.the_north) continue;
    const std::string_view name = c.canonical.empty() ? surface(c) : std::string_view(c.canonical);
    if (name.rfind("North ", 0) == 0 && north.empty()) north = name;
    if (name.rfind("South ", 0) == 0 && south.empty()) south = name;
  }
  for (auto& c : cands) {
    if (!c.the_north) continue;
    const std::string& target = surface(c) == "North" ? north : south;
    if (target.empty())
      c.kind = kDropped;
    else
      c.canonical = target;
  }

  // Personal names: short forms under the full name.
  std::vector<std::uint32_t> person_idx;
  std::vector<std::string> person_text;
  for (std::uint32_t i = 0; i < cands.size(); ++i) {
    if (cands[i].kind != Kind::Person) continue;
    person_idx.push_back(i);
    person_text.push_back(collapse(surface(cands[i])));
  }
  const std::vector<std::string_view> views(person_text.begin(), person_text.end());
  std::vector<std::uint32_t> canon;
  nlp::resolve_person_names(views, canon);
  for (std::size_t k = 0; k < person_idx.size(); ++k) cands[person_idx[k]].canonical = person_text[canon[k]];

  // Organisation acronyms spelled out elsewhere in the article.
  nlp::FoldedMap<std::string> spelled;
  for (const auto& c : cands) {
    if (c.kind != Kind::Org) continue;
    const std::string name = c.canonical.empty() ? collapse(surface(c)) : c.canonical;
    if (name.find(' ') != std::string::npos) spelled.emplace(initials(name), name);
  }
  for (auto& c : cands) {
    if (c.kind != Kind::Org || !c.canonical.empty()) continue;
    const std::string_view s = surface(c);
    if (!all_caps_word(s)) continue;
    if (auto it = spelled.find(s); it != spelled.end()) c.canonical = it->second;
  }

  // Group into entities, in order of first mention.
  nlp::FoldedMap<std::uint32_t> index[4];
  for (const auto& c : cands) {
    if (c.kind == kDropped || c.kind == Kind::Unknown) continue;
    std::string name = c.canonical.empty() ? collapse(surface(c)) : c.canonical;
    auto& idx = index[static_cast<int>(c.kind)];
    auto it = idx.find(name);
    if (it == idx.end()) {
      it = idx.emplace(name, static_cast<std::uint32_t>(out.size())).first;
      sdk::Entity e;
      e.name = std::move(name);
      e.type = type_of(c.kind);
      out.push_back(std::move(e));
    }
    const Segment& seg = segments[c.segment];
    out[it->second].mentions.push_back(sdk::Mention{seg.paragraph, c.begin, c.end, std::string(surface(c))});
  }
}

}  // namespace sluice::plugins::entities

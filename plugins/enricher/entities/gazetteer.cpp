#include "gazetteer.hpp"

#include <stdexcept>

#include "data.hpp"

namespace sluice::plugins::entities {
namespace {

using sdk::EntityType;

bool all_caps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

}  // namespace

bool parse_entity_type(std::string_view s, EntityType& out) {
  if (s == "PERSON")
    out = EntityType::Person;
  else if (s == "ORG")
    out = EntityType::Organization;
  else if (s == "LOCATION")
    out = EntityType::Location;
  else if (s == "MISC")
    out = EntityType::Misc;
  else
    return false;
  return true;
}

void Gazetteer::add(std::string_view phrase, EntityType type, std::string_view canonical) {
  if (phrase.empty()) return;
  const std::string key = nlp::fold(phrase);
  auto& node = phrases_[key];
  GazetteerEntry e{type, std::string(canonical.empty() ? phrase : canonical), all_caps(phrase)};
  if (node.entry >= 0) {
    entries_[static_cast<std::size_t>(node.entry)] = std::move(e);  // later lists win
  } else {
    node.entry = static_cast<std::int32_t>(entries_.size());
    entries_.push_back(std::move(e));
  }
  // Every shorter word prefix is marked as leading somewhere longer.
  for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
    phrases_[key.substr(0, sp)].longer = true;
}

Gazetteer::Gazetteer(std::string_view extra_tsv) {
  // iso-codes first; the hand lists refine it (later entries win).
  nlp::FoldedMap<std::string> renamed;
  nlp::for_each_line(data::country_names(), [&](std::string_view line) {
    std::string_view f[2];
    if (nlp::split_tabs(line, f) == 2) renamed[nlp::fold(f[0])] = std::string(f[1]);
  });
  nlp::for_each_line(data::iso_places(), [&](std::string_view line) {
    std::string_view f[3];
    if (nlp::split_tabs(line, f) != 3) return;
    EntityType type;
    if (!parse_entity_type(f[1], type)) return;
    std::string_view canonical = f[2];
    if (auto it = renamed.find(canonical); it != renamed.end()) canonical = it->second;
    add(f[0], type, canonical);
  });
  for (const auto& [from, to] : renamed) add(to, EntityType::Location, to);

  auto load = [&](std::string_view text, EntityType type) {
    nlp::for_each_line(text, [&](std::string_view line) {
      std::string_view f[2];
      const std::size_t n = nlp::split_tabs(line, f);
      add(f[0], type, n == 2 ? f[1] : f[0]);
    });
  };
  load(data::locations(), EntityType::Location);
  load(data::demonyms(), EntityType::Misc);
  load(data::misc(), EntityType::Misc);
  load(data::organisations(), EntityType::Organization);

  std::size_t line_no = 0;
  nlp::for_each_line(extra_tsv, [&](std::string_view line) {
    ++line_no;
    std::string_view f[3];
    const std::size_t n = nlp::split_tabs(line, f);
    EntityType type;
    if (n < 2 || !parse_entity_type(f[1], type))
      throw std::invalid_argument("gazetteer entry " + std::to_string(line_no) + " ('" + std::string(line) +
                                  "'): expected name<TAB>PERSON|ORG|LOCATION|MISC[<TAB>canonical]");
    add(f[0], type, n == 3 ? f[2] : f[0]);
  });

  nlp::for_each_line(data::first_names(),
                     [&](std::string_view line) { first_names_.insert(nlp::fold(line)); });
}

const GazetteerEntry* Gazetteer::find(std::string_view phrase) const {
  auto it = phrases_.find(phrase);
  if (it == phrases_.end() || it->second.entry < 0) return nullptr;
  return &entries_[static_cast<std::size_t>(it->second.entry)];
}

GazetteerMatch Gazetteer::longest(std::string_view text, const nlp::Tokens& tokens, std::uint32_t first,
                                  std::uint32_t limit) const {
  GazetteerMatch best;
  bool caps = true;
  for (std::uint32_t j = first; j < limit; ++j) {
    const nlp::Token& t = tokens[j];
    // Phrases hold words joined by spaces; anything else ends the search
    // (the full stop of "St." and the dots of "U.S." are inside words).
    if (!(t.word() || t.kind == nlp::TokenKind::Number) || (j > first && !t.is(nlp::tok::kSpaceBefore)))
      break;
    if (t.word()) caps = caps && t.is(nlp::tok::kAllCaps);
    auto it = phrases_.find(text.substr(tokens[first].begin, t.end - tokens[first].begin));
    if (it == phrases_.end()) break;
    if (it->second.entry >= 0) {
      const GazetteerEntry& e = entries_[static_cast<std::size_t>(it->second.entry)];
      if (!e.acronym || caps) best = {&e, j + 1};
    }
    if (!it->second.longer) break;
  }
  return best;
}

}  // namespace sluice::plugins::entities

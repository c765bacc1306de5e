// Known names: places, organisations, nationalities, events, given names.
//
// Phrases are matched case-insensitively word by word (folded_map.hpp), so
// "Korean war" finds "Korean War"; an all-capitals alias ("US", "WHO")
// matches only all-capitals text. Lookups walk a prefix table, so finding
// the longest phrase at a position costs one hash lookup per word.
// Immutable after construction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/folded_map.hpp"
#include "nlp/token.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::entities {

struct GazetteerEntry {
  sdk::EntityType type = sdk::EntityType::Misc;
  std::string canonical;
  bool acronym = false;  // matches only all-capitals text
};

struct GazetteerMatch {
  const GazetteerEntry* entry = nullptr;
  std::uint32_t last = 0;  // token index after the phrase
};

class Gazetteer {
 public:
  // The built-in lists; `extra_tsv` adds "name<TAB>TYPE[<TAB>canonical]"
  // lines (TYPE: PERSON, ORG, LOCATION or MISC) that take precedence.
  // Throws std::invalid_argument naming the bad line.
  explicit Gazetteer(std::string_view extra_tsv = {});

  // The longest phrase starting at tokens[first] and ending no later than
  // tokens[limit - 1]; entry == nullptr when none.
  GazetteerMatch longest(std::string_view text, const nlp::Tokens& tokens, std::uint32_t first,
                         std::uint32_t limit) const;
  // One phrase, as a whole.
  const GazetteerEntry* find(std::string_view phrase) const;
  bool first_name(std::string_view word) const { return first_names_.count(word) != 0; }

  std::size_t size() const { return entries_.size(); }

 private:
  void add(std::string_view phrase, sdk::EntityType type, std::string_view canonical);

  struct Node {
    std::int32_t entry = -1;  // index into entries_, -1 for a mere prefix
    bool longer = false;      // some phrase continues past this prefix
  };
  std::vector<GazetteerEntry> entries_;
  nlp::FoldedMap<Node> phrases_;  // every phrase and every word-prefix of one
  nlp::FoldedSet first_names_;
};

// "PERSON" -> Person ...; false for anything else.
bool parse_entity_type(std::string_view s, sdk::EntityType& out);

}  // namespace sluice::plugins::entities

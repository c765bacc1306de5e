// Who can speak in an article: the named mentions of each body paragraph,
// with the canonical name each belongs to.
//
// from_entities() reads what the `entities` enricher put on the article
// (run it first: entities -> quotes); from_capitals() is the fallback when
// the article carries no entities: capitalised-name runs with courtesy
// titles and roles removed, short personal names resolved to the full
// name ("Mr Blinken" -> "Anthony Blinken"), type unknown.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "nlp/lexicon.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::quotes {

enum class SpeakerType : std::uint8_t { Person, Organization, Location, Misc, Unknown };

// Views into the article, which outlives the index.
struct Speaker {
  std::string_view name;
  SpeakerType type = SpeakerType::Unknown;
  bool person_like() const { return type == SpeakerType::Person || type == SpeakerType::Unknown; }
};

struct NamedSpan {
  std::uint32_t begin = 0;  // byte span in the paragraph
  std::uint32_t end = 0;
  std::uint32_t speaker = 0;  // index into SpeakerIndex::speaker()
};

class SpeakerIndex {
 public:
  static SpeakerIndex from_entities(const sdk::Article& article);
  static SpeakerIndex from_capitals(const sdk::Article& article, const nlp::Lexicon& lex);

  // The named span covering byte `byte` of body paragraph `paragraph`.
  const NamedSpan* at(std::size_t paragraph, std::uint32_t byte) const;
  // The last person-like span before byte `byte` of `paragraph`, looking
  // back through earlier paragraphs too.
  const NamedSpan* last_person_before(std::size_t paragraph, std::uint32_t byte) const;
  const Speaker& speaker(std::uint32_t i) const { return speakers_[i]; }
  bool empty() const { return speakers_.empty(); }

 private:
  void add(std::size_t paragraph, std::uint32_t begin, std::uint32_t end, std::uint32_t speaker);
  void sort();

  std::vector<Speaker> speakers_;
  std::vector<std::vector<NamedSpan>> spans_;  // by body paragraph, sorted by begin
};

}  // namespace sluice::plugins::quotes

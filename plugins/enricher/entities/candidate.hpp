// A name found in one paragraph, before the article-wide pass decides its
// final type and canonical name.
#pragma once

#include <cstdint>
#include <string>

namespace sluice::plugins::entities {

enum class Kind : std::uint8_t { Person, Org, Location, Misc, Unknown };

// How sure the paragraph-level rules are of `kind`; the article-wide pass
// lets stronger evidence for the same name override weaker.
enum Strength : std::uint8_t {
  kGuess = 0,      // nothing but capitalisation
  kContext = 1,    // a one-word given name, an acronym
  kStructure = 2,  // a head word ("Committee"), a given name plus surname
  kKnown = 3,      // a gazetteer phrase, a courtesy title or role
};

struct Candidate {
  std::uint32_t segment = 0;  // index into the article's segments (reading order)
  std::uint32_t begin = 0;    // byte span in the segment's text
  std::uint32_t end = 0;
  Kind kind = Kind::Unknown;
  std::uint8_t strength = kGuess;
  std::uint8_t words = 1;
  bool initial = false;         // first word of a sentence or quotation
  bool loc_context = false;     // "in X", "the city of X"
  bool person_context = false;  // "X said", "said X", "X, an adviser"
  bool after_the = false;       // "the X": not a personal name
  bool product = false;         // "X cruise missiles": a product or model
  bool the_north = false;       // "the North" / "the South" (of a divided country)
  bool title_case = false;      // from a headline-style segment
  bool tagged = false;          // typed by the trained tagger (ner_merge.hpp)
  bool rejected = false;        // the tagger saw no name here: kept only as a short form of a person
  // "Jerusalem and Haifa": the byte end of the name before "and"/"or",
  // whose type an unknown name shares; kNone when not coordinated.
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::uint32_t coordinated_with = kNone;
  std::string canonical;  // known canonical name; empty: the text itself
};

}  // namespace sluice::plugins::entities

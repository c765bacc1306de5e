// Who said a quotation, from the words around it in its sentence.
//
// Patterns, tried in order:
//  after the closing mark   “...,” said X / “...,” X said / “...,” he added /
//                           “...,” according to X / “...”, a spokesman said
//  before the opening mark  X said: “...” / X told reporters: “...” /
//                           X said that “...” (a long quotation may sit a few
//                           words after its verb: X said the plan was “...”)
//  participle               ..., adding, “...” (the speaker of the sentence's
//                           previous quotation, else its subject)
//  naming verb              state media described the meeting as a
//                           “friendly talk” (the subject of described/called/
//                           dubbed ...)
// The speaker is a named mention (an entity), a pronoun (resolved by the
// caller to the last named speaker), or an unnamed noun phrase kept as
// written without its article ("North Korean state media", "spokesman").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/lexicon.hpp"
#include "nlp/sentences.hpp"
#include "nlp/token.hpp"
#include "quote_spans.hpp"
#include "speakers.hpp"

namespace sluice::plugins::quotes {

struct Paragraph {
  std::size_t index;  // body index
  std::string_view text;
  const nlp::Tokens& tokens;
  const std::vector<nlp::Sentence>& sentences;
};

enum class How : std::uint8_t { None, After, Before, Participle, Naming };

struct Attribution {
  How how = How::None;
  const NamedSpan* named = nullptr;  // a named speaker
  bool pronoun = false;              // he, she, they: resolved by the caller
  bool definite_role = false;        // "the minister": the last person named
  std::string phrase;                // an unnamed speaker, as written
};

class Attributor {
 public:
  Attributor(const nlp::Lexicon& lex, const SpeakerIndex& speakers) : lex_(lex), speakers_(speakers) {}

  // `short_quote`: a quotation short enough to be a scare quote, which only
  // an adjacent verb (or a naming verb) may attribute.
  Attribution attribute(const Paragraph& p, const QuoteSpan& q, bool short_quote) const;

 private:
  Attribution after(const Paragraph& p, const QuoteSpan& q) const;
  Attribution before(const Paragraph& p, const QuoteSpan& q, bool short_quote) const;
  Attribution noun_phrase(const Paragraph& p, std::uint32_t first, std::uint32_t last) const;
  Attribution subject_before(const Paragraph& p, std::uint32_t verb, std::uint32_t sentence_first) const;
  Attribution object_after(const Paragraph& p, std::uint32_t first, std::uint32_t sentence_last) const;

  const nlp::Lexicon& lex_;
  const SpeakerIndex& speakers_;
};

}  // namespace sluice::plugins::quotes

// Helpers for the quotes tests: run the quote finder on paragraphs, with
// or without entities from the `entities` recognizer.
#pragma once

#include <string>
#include <vector>

#include "quotes_enricher.hpp"
#include "recognizer.hpp"

namespace sluice::plugins::quotes::testing {

inline const nlp::Lexicon& lexicon() {
  static const nlp::Lexicon l;
  return l;
}

inline const entities::Recognizer& recognizer() {
  static const entities::Recognizer r;
  return r;
}

// with_entities: run the entities recognizer first, as a pipeline
// "entities -> quotes" does; else quotes falls back to capitalised names.
inline std::vector<sdk::Quote> run(const std::vector<std::string>& paragraphs, bool with_entities = true,
                                   QuoteOptions options = {}) {
  sdk::Article a;
  a.body = paragraphs;
  if (with_entities) a.entities = recognizer().recognize(a);
  return find_article_quotes(a, lexicon(), options);
}

// "3 [Anthony Blinken] text" or "2 SCARE text", one per line.
inline std::string dump(const std::vector<sdk::Quote>& qs) {
  std::string out;
  for (const auto& q : qs)
    out += std::to_string(q.paragraph) + (q.scare ? " SCARE " : " [" + q.speaker + "] ") + q.text + "\n";
  return out;
}

}  // namespace sluice::plugins::quotes::testing

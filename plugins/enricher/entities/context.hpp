// What the words around a name say about it, for names no list knows.
#pragma once

#include <cstdint>
#include <string_view>

#include "nlp/lexicon.hpp"
#include "nlp/token.hpp"

namespace sluice::plugins::entities {

struct Context {
  bool loc = false;     // "in X", "near X", "the city of X", "north of X"
  bool person = false;  // "X said", "said X", "X, an adviser to ...", "X, 45,", "X who"
  bool after_the = false;
  bool product = false;  // "X cruise missiles", "X engines": a product or model
};

// Context of tokens [first, last) (a name of `words` words).
Context context_of(const nlp::Lexicon& lex, std::string_view text, const nlp::Tokens& tokens,
                   std::uint32_t first, std::uint32_t last);

}  // namespace sluice::plugins::entities

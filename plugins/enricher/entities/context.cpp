#include "context.hpp"

#include <array>

namespace sluice::plugins::entities {
namespace {

using nlp::Token;
using nlp::TokenKind;

template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

// Prepositions after which an unknown name is usually a place.
constexpr std::array<std::string_view, 9> kPlacePrepositions = {
    "in", "near", "outside", "across", "throughout", "towards", "toward", "around", "inside"};

// "the city of X", "north of X".
constexpr std::array<std::string_view, 17> kPlaceNouns = {
    "city", "town", "village", "region",   "province", "capital", "outskirts", "north", "south",
    "east", "west", "port",    "district", "island",   "state",   "county",    "suburb"};

// Nouns after which a name is a product or model ("Patriot battery",
// "Taurus cruise missiles", "Trent engines").
constexpr std::array<std::string_view, 40> kProductNouns = {
    "aircraft",    "app",        "batteries", "battery", "car",     "cars",     "chip",      "chips",
    "console",     "drone",      "drones",    "engine",  "engines", "fighter",  "fighters",  "helicopter",
    "helicopters", "howitzer",   "howitzers", "jet",     "jets",    "launcher", "launchers", "missile",
    "missiles",    "model",      "phone",     "phones",  "rocket",  "rockets",  "satellite", "smartphone",
    "software",    "spacecraft", "system",    "systems", "tank",    "tanks",    "vaccine",   "warplanes"};

// "shares in X", "a stake in X": "in" before a company, not a place.
constexpr std::array<std::string_view, 8> kFinancialIn = {"shares",      "stake",    "stakes",  "investment",
                                                          "investments", "interest", "holding", "holdings"};

bool lower_word(const Token& t) { return t.word() && t.is(nlp::tok::kLower); }

bool equals_folded(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

template <std::size_t N>
bool one_of_folded(std::string_view w, const std::array<std::string_view, N>& set) {
  for (auto s : set)
    if (equals_folded(w, s)) return true;
  return false;
}

}  // namespace

Context context_of(const nlp::Lexicon& lex, std::string_view text, const nlp::Tokens& tokens,
                   std::uint32_t first, std::uint32_t last) {
  auto speech_verb = [&](std::string_view w) { return lex.speech(w) == nlp::Speech::Verb; };
  Context c;
  const std::size_t n = tokens.size();
  // Before: "in X", "In X", "in the X", "the city of X", "said X".
  if (first > 0 && tokens[first - 1].word()) {
    std::uint32_t p = first - 1;
    std::string_view w = tokens[p].text(text);
    if (equals_folded(w, "the")) {
      c.after_the = true;
      if (p > 0 && tokens[p - 1].word()) w = tokens[--p].text(text);
    }
    const bool financial =
        p > 0 && tokens[p - 1].word() && one_of_folded(tokens[p - 1].text(text), kFinancialIn);
    if (one_of_folded(w, kPlacePrepositions) && !financial) c.loc = true;
    if (w == "of" && p > 0 && lower_word(tokens[p - 1]) && one_of(tokens[p - 1].text(text), kPlaceNouns))
      c.loc = true;
    if (!c.after_the && lower_word(tokens[first - 1]) && speech_verb(w)) c.person = true;
  }
  // After: "X said", "X, 45,", "X, an adviser", "X who".
  if (last < n) {
    const Token& t = tokens[last];
    if (lower_word(t) && (speech_verb(t.text(text)) || t.text(text) == "who")) c.person = true;
    // Up to two modifiers, then a product noun.
    for (std::uint32_t k = last; k < n && k < last + 3 && lower_word(tokens[k]); ++k)
      if (one_of(tokens[k].text(text), kProductNouns)) c.product = true;
    if (t.kind == TokenKind::Punct && t.mark == ',' && last + 1 < n) {
      const Token& a = tokens[last + 1];
      const std::string_view w = a.text(text);
      if (a.kind == TokenKind::Number) c.person = true;
      if (lower_word(a) && (w == "a" || w == "an" || w == "the") && last - first >= 2) c.person = true;
    }
  }
  return c;
}

}  // namespace sluice::plugins::entities

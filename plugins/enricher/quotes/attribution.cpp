#include "attribution.hpp"

namespace sluice::plugins::quotes {
namespace {

using nlp::Speech;
using nlp::Token;
using nlp::TokenKind;

bool punct(const Token& t, char32_t m) { return t.kind == TokenKind::Punct && t.mark == m; }
bool lower(const Token& t) { return t.word() && t.is(nlp::tok::kLower); }

bool folded_is(std::string_view w, std::string_view lower_word) {
  if (w.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_word[i]) return false;
  }
  return true;
}

bool pronoun(std::string_view w) { return folded_is(w, "he") || folded_is(w, "she") || folded_is(w, "they"); }
bool determiner(std::string_view w) { return folded_is(w, "the") || folded_is(w, "a") || folded_is(w, "an"); }

const nlp::Sentence& sentence_of(const Paragraph& p, std::uint32_t k) {
  for (const auto& s : p.sentences)
    if (k < s.last) return s;
  return p.sentences.back();
}

// Tokens that may sit inside a speaker's noun phrase.
bool np_token(const nlp::Lexicon& lex, std::string_view text, const Token& t) {
  if (t.kind == TokenKind::Possessive || t.kind == TokenKind::Number) return true;
  if (!t.word()) return false;
  if (!t.is(nlp::tok::kLower)) return true;
  const std::string_view w = t.text(text);
  return determiner(w) || pronoun(w) || !lex.stopword(w);
}

}  // namespace

Attribution Attributor::noun_phrase(const Paragraph& p, std::uint32_t first, std::uint32_t last) const {
  Attribution a;
  if (first >= last) return a;
  auto word = [&](std::uint32_t k) { return p.tokens[k].text(p.text); };
  if (last - first == 1 && pronoun(word(first))) {
    a.pronoun = true;
    return a;
  }
  // Named when the phrase ends in a name: "Mr Blinken", "Russia’s foreign
  // minister Sergei Lavrov".
  if (const NamedSpan* s = speakers_.at(p.index, p.tokens[last - 1].begin)) {
    a.named = s;
    return a;
  }
  while (first < last && determiner(word(first))) {
    a.definite_role = folded_is(word(first), "the");
    ++first;
  }
  if (first >= last) return Attribution{};
  // "the minister": a role word alone refers back to a person.
  if (a.definite_role && last - first == 1 && lex_.role(word(first))) return a;
  a.definite_role = false;
  const Token& tail = p.tokens[last - 1];
  if (!tail.word() || lex_.stopword(word(last - 1))) return Attribution{};
  a.phrase = std::string(p.text.substr(p.tokens[first].begin, tail.end - p.tokens[first].begin));
  return a;
}

Attribution Attributor::subject_before(const Paragraph& p, std::uint32_t verb,
                                       std::uint32_t sentence_first) const {
  std::uint32_t end = verb;
  // "Ankit Panda, a nuclear expert, said": skip back over the apposition.
  if (end > sentence_first && punct(p.tokens[end - 1], ',')) {
    std::uint32_t k = end - 1;
    while (k > sentence_first && !punct(p.tokens[k - 1], ',')) --k;
    if (k == sentence_first) return Attribution{};
    end = k - 1;
  }
  std::uint32_t first = end;
  while (first > sentence_first && end - first < 8 && np_token(lex_, p.text, p.tokens[first - 1])) {
    --first;
    const std::string_view w = p.tokens[first].text(p.text);
    if (determiner(w) || (pronoun(w) && first + 1 == end)) break;
  }
  return noun_phrase(p, first, end);
}

Attribution Attributor::object_after(const Paragraph& p, std::uint32_t first,
                                     std::uint32_t sentence_last) const {
  std::uint32_t last = first;
  while (last < sentence_last && last - first < 8 && np_token(lex_, p.text, p.tokens[last])) {
    if (last > first && p.tokens[last].word() && pronoun(p.tokens[last].text(p.text))) break;
    ++last;
  }
  Attribution a = noun_phrase(p, first, last);
  // "said Russia’s foreign minister, Sergei Lavrov": the apposition names him.
  if (a.named == nullptr && last + 1 < sentence_last && punct(p.tokens[last], ',')) {
    if (const NamedSpan* s = speakers_.at(p.index, p.tokens[last + 1].begin);
        s != nullptr && speakers_.speaker(s->speaker).person_like() && !a.phrase.empty()) {
      a = Attribution{};
      a.named = s;
    }
  }
  return a;
}

Attribution Attributor::after(const Paragraph& p, const QuoteSpan& q) const {
  const auto n = static_cast<std::uint32_t>(p.tokens.size());
  std::uint32_t k = q.close + 1;
  if (q.close >= n || k >= n) return {};
  if (punct(p.tokens[k], ',')) ++k;  // “...”, said X
  if (k >= n || p.tokens[k].is(nlp::tok::kSentenceStart)) return {};
  const std::uint32_t end = sentence_of(p, k).last;
  auto word = [&](std::uint32_t i) { return p.tokens[i].text(p.text); };
  Attribution a;
  if (lower(p.tokens[k]) && lex_.speech(word(k)) == Speech::Verb) {
    a = object_after(p, k + 1, end);  // “...,” said X
  } else if (word(k) == "according" && k + 1 < end && word(k + 1) == "to") {
    a = object_after(p, k + 2, end);
  } else {
    // “...,” X said / he added / a spokesman said
    for (std::uint32_t v = k; v < end && v < k + 9; ++v) {
      const Token& t = p.tokens[v];
      if (lower(t) && lex_.speech(word(v)) == Speech::Verb) {
        a = noun_phrase(p, k, v);
        break;
      }
      if (!np_token(lex_, p.text, t)) break;
    }
  }
  if (a.named || a.pronoun || a.definite_role || !a.phrase.empty()) a.how = How::After;
  return a;
}

Attribution Attributor::before(const Paragraph& p, const QuoteSpan& q, bool short_quote) const {
  if (q.open == 0) return {};
  const std::uint32_t first = sentence_of(p, q.open).first;
  auto word = [&](std::uint32_t i) { return p.tokens[i].text(p.text); };
  std::uint32_t k = q.open;  // one past the token looked at
  bool colon = false;
  while (k > first && (punct(p.tokens[k - 1], ':') || punct(p.tokens[k - 1], ',') ||
                       (lower(p.tokens[k - 1]) && word(k - 1) == "that"))) {
    colon = colon || punct(p.tokens[k - 1], ':');
    --k;
  }
  Attribution a;
  if (k > first && lower(p.tokens[k - 1])) {
    switch (lex_.speech(word(k - 1))) {
      case Speech::Verb:
        a = subject_before(p, k - 1, first);
        a.how = How::Before;
        return a;
      case Speech::Participle:
        a.how = How::Participle;  // the caller knows the sentence's speaker
        return a;
      default: break;
    }
  }
  // X told reporters: “...” / X said the plan was “...” (long quotes only,
  // unless a colon introduces the quotation).
  if (!short_quote || colon) {
    for (std::uint32_t v = k; v > first && k - v < 8;) {
      --v;
      const Token& t = p.tokens[v];
      if (lower(t) && lex_.speech(word(v)) == Speech::Verb) {
        a = subject_before(p, v, first);
        a.how = How::Before;
        return a;
      }
      if (!(t.word() || t.kind == TokenKind::Number || t.kind == TokenKind::Possessive)) break;
    }
  }
  // State media described the meeting as a “friendly talk”.
  for (std::uint32_t v = q.open; v > first && q.open - v < 11;) {
    --v;
    const Token& t = p.tokens[v];
    if (lower(t) && lex_.speech(word(v)) == Speech::Naming) {
      a = subject_before(p, v, first);
      if (a.named || a.pronoun || !a.phrase.empty()) a.how = How::Naming;
      return a;
    }
    if (!np_token(lex_, p.text, t) && !lower(t)) break;
  }
  return {};
}

Attribution Attributor::attribute(const Paragraph& p, const QuoteSpan& q, bool short_quote) const {
  if (Attribution a = after(p, q); a.how != How::None) return a;
  return before(p, q, short_quote);
}

}  // namespace sluice::plugins::quotes

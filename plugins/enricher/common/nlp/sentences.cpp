#include "nlp/sentences.hpp"

#include <array>
#include <cctype>

namespace sluice::plugins::nlp {
namespace {

// Words whose full stop is an abbreviation's. Kept small and sorted-free:
// the list is short enough that a linear scan beats hashing.
constexpr std::array<std::string_view, 46> kAbbreviations = {
    "mr",  "mrs", "ms",   "dr",   "prof", "gen", "col", "lt",  "sgt", "capt",  "cpl",  "maj",
    "adm", "rev", "fr",   "st",   "jr",   "sr",  "sen", "rep", "gov", "pres",  "supt", "insp",
    "inc", "ltd", "corp", "co",   "no",   "vs",  "etc", "jan", "feb", "mar",   "apr",  "jun",
    "jul", "aug", "sep",  "sept", "oct",  "nov", "dec", "mt",  "ft",  "approx"};

// Function words that start sentences: after dotted initials ("U.S.") a
// capitalised one of these shows the full stop ended the sentence.
constexpr std::array<std::string_view, 22> kSentenceOpeners = {
    "The", "A",   "An", "It", "He", "She",     "They",  "We",  "I",   "This",  "That",
    "But", "And", "In", "On", "At", "However", "There", "His", "Her", "Their", "Its"};

bool equals_folded(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(word[i])) != lower[i]) return false;
  return true;
}

bool closes(const Token& t) {
  return t.kind == TokenKind::CloseQuote ||
         (t.kind == TokenKind::Punct &&
          (t.mark == ')' || t.mark == ']' || t.mark == 0x2019 || t.mark == '\''));
}

bool ends_sentence_mark(const Token& t) {
  return t.kind == TokenKind::Punct && (t.mark == '.' || t.mark == '!' || t.mark == '?' || t.mark == 0x2026);
}

}  // namespace

bool is_abbreviation(std::string_view word) {
  for (auto a : kAbbreviations)
    if (equals_folded(word, a)) return true;
  return false;
}

void mark_sentences(std::string_view text, Tokens& tokens) {
  bool at_start = true;
  bool after_open_quote = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    Token& t = tokens[k];
    if (t.kind == TokenKind::OpenQuote || t.kind == TokenKind::OpenSingle) {
      after_open_quote = true;
      continue;
    }
    if (t.kind == TokenKind::Word || t.kind == TokenKind::Number) {
      if (at_start) t.flags |= tok::kSentenceStart;
      if (after_open_quote) t.flags |= tok::kQuoteStart;
      at_start = after_open_quote = false;
    } else if (t.kind != TokenKind::Punct || t.mark != '(') {
      after_open_quote = false;
    }

    // Does a sentence end here? Either a terminal mark, or dotted initials
    // whose own full stop doubles as the sentence's.
    const bool mark = ends_sentence_mark(t);
    const bool dotted = t.kind == TokenKind::Word && t.is(tok::kDotted);
    if (!mark && !dotted) continue;
    if (mark && t.mark == '.' && k > 0 && !t.is(tok::kSpaceBefore) && tokens[k - 1].word()) {
      const std::string_view prev = tokens[k - 1].text(text);
      const bool initial = prev.size() == 1 && tokens[k - 1].is(tok::kCap);
      if (initial || is_abbreviation(prev)) continue;
    }
    std::size_t n = k + 1;
    while (n < tokens.size() && closes(tokens[n])) ++n;
    bool ends = n >= tokens.size();
    if (!ends) {
      const Token& next = tokens[n];
      if (dotted) {
        ends = false;
        if (next.capitalised())
          for (auto o : kSentenceOpeners) ends = ends || next.text(text) == o;
      } else {
        ends = next.capitalised() || next.kind == TokenKind::OpenQuote || next.kind == TokenKind::Number ||
               next.kind == TokenKind::OpenSingle || (next.word() && !next.is(tok::kLower));
      }
    }
    if (ends) {
      t.flags |= tok::kSentenceEnd;
      at_start = true;
    }
  }
}

void sentences(const Tokens& tokens, std::vector<Sentence>& out) {
  out.clear();
  if (tokens.empty()) return;
  Sentence s;
  s.begin = tokens[0].begin;
  for (std::uint32_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.is(tok::kSentenceEnd)) {
      // Closing quotes and brackets after the mark stay with the sentence.
      std::uint32_t last = k + 1;
      while (last < tokens.size() && closes(tokens[last])) ++last;
      s.last = last;
      s.end = tokens[last - 1].end;
      out.push_back(s);
      s.first = last;
      if (last < tokens.size()) s.begin = tokens[last].begin;
      k = last - 1;
    }
  }
  if (s.first < tokens.size()) {
    s.last = static_cast<std::uint32_t>(tokens.size());
    s.end = tokens.back().end;
    out.push_back(s);
  }
}

}  // namespace sluice::plugins::nlp

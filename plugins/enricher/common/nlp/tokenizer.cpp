#include "nlp/tokenizer.hpp"

#include "nlp/codepoints.hpp"
#include "nlp/sentences.hpp"

namespace sluice::plugins::nlp {
namespace {

bool word_char(CharClass c) { return is_letter(c) || c == CharClass::Digit || c == CharClass::Mark; }

CharClass class_at(std::string_view text, std::size_t i, std::size_t* length = nullptr) {
  if (i >= text.size()) {
    if (length) *length = 0;
    return CharClass::Space;
  }
  std::size_t len;
  char32_t cp;
  const CharClass c = classify_at(text, i, len, cp);
  if (length) *length = len;
  return c;
}

// Case facts gathered while a word is scanned, so the word is read once.
// "al-Assad" and "d’Estaing" count as capitalised: a lower-case particle
// joined to a capitalised name.
struct CaseStats {
  int letters = 0, uppers = 0;
  CharClass first = CharClass::Other;
  bool digit = false, prev_joiner = false, upper_after_joiner = false;

  void add(CharClass c) {
    if (is_letter(c)) {
      if (first == CharClass::Other) first = c;
      ++letters;
      if (c == CharClass::Upper) {
        ++uppers;
        upper_after_joiner = upper_after_joiner || prev_joiner;
      }
    } else if (c == CharClass::Digit) {
      digit = true;
      if (first == CharClass::Other) first = c;
    }
    prev_joiner = c == CharClass::Hyphen || c == CharClass::Apostrophe;
  }

  std::uint16_t flags() const {
    std::uint16_t f = 0;
    if (digit) f |= tok::kDigit;
    if (first == CharClass::Upper) f |= tok::kCap;
    if (first == CharClass::Lower) {
      f |= tok::kLower;
      if (upper_after_joiner) f |= tok::kCap;
    }
    if (letters >= 2 && uppers == letters) f |= tok::kAllCaps;
    // "G7", "F-16": one capital plus digits names a thing as acronyms do.
    if (letters == 1 && uppers == 1 && digit) f |= tok::kAllCaps;
    return f;
  }
};

bool ascii_alpha(std::string_view t, std::size_t k) {
  return k < t.size() && ((t[k] >= 'A' && t[k] <= 'Z') || (t[k] >= 'a' && t[k] <= 'z'));
}

// The end of dotted initials ("U.S.", "U.S.A.") starting with the letter
// at `start`, or 0 when there are none.
std::size_t dotted_end(std::string_view t, std::size_t start) {
  std::size_t j = start + 1;  // just after the first letter
  int groups = 0;
  while (j + 2 < t.size() && t[j] == '.' && ascii_alpha(t, j + 1) && t[j + 2] == '.') {
    j += 2;
    ++groups;
  }
  return groups == 0 ? 0 : j + 1;  // the final full stop belongs to the initials
}

bool straight_quote_opens(const Token& t, const Tokens& out) {
  // Opens after white space, an opening bracket or a dash, or at the start.
  if ((t.flags & tok::kSpaceBefore) != 0 || out.empty()) return true;
  const Token& prev = out.back();
  return prev.kind == TokenKind::Dash ||
         (prev.kind == TokenKind::Punct && (prev.mark == '(' || prev.mark == '['));
}

}  // namespace

void tokenize(std::string_view text, Tokens& out) {
  out.clear();
  std::size_t i = 0;
  bool space_before = true;
  while (i < text.size()) {
    std::size_t len;
    char32_t cp;
    const CharClass c = classify_at(text, i, len, cp);
    if (c == CharClass::Space) {
      space_before = true;
      i += len;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(i);
    if (space_before) t.flags |= tok::kSpaceBefore;
    space_before = false;

    if (word_char(c)) {
      if (c != CharClass::Digit && len == 1) {
        if (const std::size_t d = dotted_end(text, i); d != 0) {
          CaseStats st;
          for (std::size_t k = i; k < d; ++k) st.add(kAscii.of[static_cast<unsigned char>(text[k])]);
          t.end = static_cast<std::uint32_t>(d);
          t.kind = TokenKind::Word;
          t.flags |= st.flags() | tok::kDotted;
          out.push_back(t);
          i = d;
          continue;
        }
      }
      CaseStats st;
      st.add(c);
      std::size_t j = i + len;
      std::size_t possessive = 0;  // length of a split-off ’s or ’
      while (j < text.size()) {
        std::size_t l;
        const CharClass k = class_at(text, j, &l);
        if (word_char(k)) {
          st.add(k);
          j += l;
          continue;
        }
        std::size_t l2;
        const CharClass next = class_at(text, j + l, &l2);
        if (k == CharClass::Hyphen && word_char(next)) {
          t.flags |= tok::kHyphen;
          st.add(k);
          j += l;
          continue;
        }
        if (k == CharClass::Apostrophe) {
          if (j + l < text.size() && (text[j + l] == 's' || text[j + l] == 'S') &&
              !word_char(class_at(text, j + l + 1))) {
            possessive = l + 1;
            break;
          }
          if (is_letter(next)) {
            st.add(k);
            j += l;
            continue;
          }
          // "Russians’ tanks": a lone apostrophe after a plural.
          if (text[j - 1] == 's') possessive = l;
          break;
        }
        // "AT&T", "P&O"
        if (text[j] == '&' && j + 1 < text.size() && text[j + 1] >= 'A' && text[j + 1] <= 'Z' &&
            text[j - 1] >= 'A' && text[j - 1] <= 'Z') {
          j += 1;
          continue;
        }
        break;
      }
      t.end = static_cast<std::uint32_t>(j);
      const std::uint16_t cf = st.flags();
      t.flags |= cf;
      t.kind =
          (c == CharClass::Digit && !(cf & (tok::kCap | tok::kLower))) ? TokenKind::Number : TokenKind::Word;
      out.push_back(t);
      i = j;
      if (possessive != 0) {
        Token p;
        p.begin = static_cast<std::uint32_t>(j);
        p.end = static_cast<std::uint32_t>(j + possessive);
        p.kind = TokenKind::Possessive;
        out.push_back(p);
        i = j + possessive;
      }
      continue;
    }

    t.end = static_cast<std::uint32_t>(i + len);
    t.mark = cp;
    switch (c) {
      case CharClass::OpenDouble: t.kind = TokenKind::OpenQuote; break;
      case CharClass::CloseDouble: t.kind = TokenKind::CloseQuote; break;
      case CharClass::OpenSingle: t.kind = TokenKind::OpenSingle; break;
      case CharClass::Dash:
      case CharClass::Hyphen: t.kind = TokenKind::Dash; break;
      case CharClass::Straight:
        t.kind = straight_quote_opens(t, out) ? TokenKind::OpenQuote : TokenKind::CloseQuote;
        break;
      default: t.kind = TokenKind::Punct; break;  // a free-standing ’ included
    }
    out.push_back(t);
    i += len;
  }
  mark_sentences(text, out);
}

}  // namespace sluice::plugins::nlp

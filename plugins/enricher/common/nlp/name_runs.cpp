#include "nlp/name_runs.hpp"

namespace sluice::plugins::nlp {
namespace {

bool is_word(const Tokens& t, std::size_t k, std::string_view text, std::string_view w) {
  return k < t.size() && t[k].word() && t[k].text(text) == w;
}

// A capitalised word that may start or continue a run.
bool name_word(std::string_view text, const Token& t, const Lexicon& lex) {
  if (!t.capitalised()) return false;
  if (t.is(tok::kAllCaps)) return true;
  return !lex.stopword(t.text(text));
}

bool head_allows_connector(std::string_view w, const Lexicon& lex) {
  return lex.is(w, wc::kOrgHead | wc::kMiscHead | wc::kLocHeadInitial | wc::kLocHeadFinal | wc::kRole);
}

// How many tokens a connector sequence starting at k spans before the next
// name word, or 0 when tokens[k] does not start one.
std::uint32_t connector_length(std::string_view text, const Tokens& t, std::size_t k, const Lexicon& lex) {
  if (k == 0 || k >= t.size()) return 0;
  const Token& prev = t[k - 1];
  if (!prev.capitalised()) return 0;
  const Token& c = t[k];
  if (c.kind == TokenKind::Punct && c.mark == '&' && k + 1 < t.size() && t[k + 1].capitalised()) return 1;
  if (!c.word() || !c.is(tok::kLower)) return 0;
  const std::string_view w = c.text(text);
  if (w == "of" || w == "for" || w == "on") {
    if (!head_allows_connector(prev.text(text), lex)) return 0;
    if (k + 1 < t.size() && name_word(text, t[k + 1], lex)) return 1;
    if (is_word(t, k + 1, text, "the") && k + 2 < t.size() && name_word(text, t[k + 2], lex)) return 2;
    return 0;
  }
  if (lex.particle(w)) {
    // "von der", "bin", "da": one or two particles, then a capitalised word.
    std::size_t j = k + 1;
    if (j < t.size() && t[j].word() && t[j].is(tok::kLower) && lex.particle(t[j].text(text))) ++j;
    if (j < t.size() && name_word(text, t[j], lex) && t[j].is(tok::kCap))
      return static_cast<std::uint32_t>(j - k);
  }
  return 0;
}

}  // namespace

void find_runs(std::string_view text, const Tokens& tokens, const Lexicon& lex, std::vector<NameRun>& out) {
  out.clear();
  std::size_t k = 0;
  const std::size_t n = tokens.size();
  while (k < n) {
    if (!name_word(text, tokens[k], lex)) {
      ++k;
      continue;
    }
    NameRun r;
    r.first = static_cast<std::uint32_t>(k);
    r.initial = tokens[k].initial();
    std::size_t j = k + 1;
    for (;;) {
      if (j >= n) break;
      const Token& t = tokens[j];
      if (name_word(text, t, lex) && t.is(tok::kSpaceBefore)) {
        ++j;
        continue;
      }
      // "Mr. Shoigu": the courtesy title's full stop.
      if (t.kind == TokenKind::Punct && t.mark == '.' && !t.is(tok::kSpaceBefore) && j + 1 < n &&
          lex.honorific(tokens[j - 1].text(text)) && name_word(text, tokens[j + 1], lex)) {
        j += 2;
        continue;
      }
      if (const std::uint32_t c = connector_length(text, tokens, j, lex); c != 0) {
        j += c + 1;
        continue;
      }
      break;
    }
    r.last = static_cast<std::uint32_t>(j);
    r.possessive = j < n && tokens[j].kind == TokenKind::Possessive;
    out.push_back(r);
    k = j;
  }
}

RunParts split_run(std::string_view text, const Tokens& tokens, const Lexicon& lex, const NameRun& run) {
  RunParts p;
  p.name = run;
  p.left = p.title = NameRun{run.first, run.first, run.initial, false};
  auto word = [&](std::uint32_t k) { return tokens[k].text(text); };
  auto is_dot = [&](std::uint32_t k) { return tokens[k].kind == TokenKind::Punct && tokens[k].mark == '.'; };

  // Courtesy title first: "Mr Shoigu", "Dr. Jane Smith".
  if (lex.honorific(word(run.first))) {
    std::uint32_t k = run.first + 1;
    if (k < run.last && is_dot(k)) ++k;
    p.title = NameRun{run.first, k, run.initial, false};
    p.name = NameRun{k, run.last, false, run.possessive};
    p.honorific = true;
    p.only_title = k >= run.last;
    return p;
  }

  // The last block of role words followed by a name: role heads, their
  // modifiers and "of" between them ("Secretary of State").
  auto role_ish = [&](std::uint32_t k) {
    return tokens[k].word() && lex.is(word(k), wc::kRole | wc::kRoleModifier | wc::kHonorific);
  };
  std::uint32_t best_begin = run.last, best_end = run.last;
  for (std::uint32_t k = run.first; k < run.last;) {
    if (!role_ish(k)) {
      ++k;
      continue;
    }
    std::uint32_t e = k;
    bool head = false;
    while (e < run.last) {
      if (role_ish(e)) {
        head = head || lex.is(word(e), wc::kRole | wc::kHonorific);
        ++e;
      } else if (tokens[e].word() && tokens[e].is(tok::kLower) && word(e) == "of" && e + 1 < run.last &&
                 role_ish(e + 1)) {
        ++e;
      } else if (is_dot(e)) {
        ++e;
      } else {
        break;
      }
    }
    if (head) {
      best_begin = k;
      best_end = e;
    }
    k = e;
  }
  if (best_begin == run.last) return p;  // no role words
  if (best_begin == run.first && best_end == run.last) {
    p.only_title = true;
    p.title = run;
    p.name = NameRun{run.last, run.last, false, run.possessive};
    return p;
  }
  if (best_end == run.last) return p;  // the role ends the run: "Office of the Prime Minister"

  // The rest must look like a personal name: up to four words, none of
  // them an organisation or place head.
  const std::uint32_t rest = run.last - best_end;
  if (rest > 4) return p;
  for (std::uint32_t k = best_end; k < run.last; ++k) {
    const std::string_view w = word(k);
    if (!tokens[k].word() || lex.is(w, wc::kOrgHead | wc::kLocHeadFinal | wc::kLocHeadInitial)) return p;
  }
  p.left = NameRun{run.first, best_begin, run.initial, false};
  p.title = NameRun{best_begin, best_end, best_begin == run.first && run.initial, false};
  p.name = NameRun{best_end, run.last, false, run.possessive};
  p.role = true;
  return p;
}

}  // namespace sluice::plugins::nlp

#include "run_classifier.hpp"

#include "context.hpp"

namespace sluice::plugins::entities {

using nlp::NameRun;
using nlp::Token;
using nlp::TokenKind;
namespace tok = nlp::tok;

Kind kind_of(sdk::EntityType t) {
  switch (t) {
    case sdk::EntityType::Person: return Kind::Person;
    case sdk::EntityType::Organization: return Kind::Org;
    case sdk::EntityType::Location: return Kind::Location;
    case sdk::EntityType::Misc: return Kind::Misc;
  }
  return Kind::Misc;
}

struct RunClassifier::Ctx {
  std::uint32_t segment;
  std::string_view text;
  const nlp::Tokens& tokens;
  const NameRun& run;
  std::vector<Candidate>& out;
  std::string_view word(std::uint32_t k) const { return tokens[k].text(text); }
};

namespace {

// Suffixes that turn a nationality into an adjective of origin or period.
bool origin_suffix(std::string_view s) {
  return s == "era" || s == "made" || s == "built" || s == "designed" || s == "style" || s == "born" ||
         s == "based" || s == "backed" || s == "led" || s == "owned" || s == "run" || s == "controlled" ||
         s == "supplied" || s == "produced" || s == "occupied" || s == "allied" || s == "linked" ||
         s == "funded" || s == "friendly" || s == "held" || s == "bound" || s == "registered";
}

// "Jong-un", "Jae-in", "Yo-jong": a capitalised first part and a short
// lower-case second part, the shape of romanised Korean given names.
bool korean_given_name(std::string_view w) {
  const auto h = w.find('-');
  if (h == std::string_view::npos || h == 0 || h + 1 >= w.size()) return false;
  const std::string_view tail = w.substr(h + 1);
  return w[0] >= 'A' && w[0] <= 'Z' && tail.size() <= 4 && tail[0] >= 'a' && tail[0] <= 'z' && h <= 5;
}

}  // namespace

void RunClassifier::emit_bytes(Ctx& c, std::uint32_t begin, std::uint32_t end, std::uint32_t token, Kind kind,
                               std::uint8_t strength, std::string canonical) const {
  Candidate cand;
  cand.segment = c.segment;
  cand.begin = begin;
  cand.end = end;
  cand.kind = kind;
  cand.strength = strength;
  cand.words = 1;
  cand.initial = c.tokens[token].initial();
  const Context ctx = context_of(lex_, c.text, c.tokens, token, token + 1);
  cand.loc_context = ctx.loc;
  cand.after_the = ctx.after_the;
  cand.canonical = std::move(canonical);
  c.out.push_back(std::move(cand));
}

void RunClassifier::emit(Ctx& c, std::uint32_t first, std::uint32_t last, Kind kind, std::uint8_t strength,
                         std::string canonical) const {
  if (first >= last) return;
  Candidate cand;
  cand.segment = c.segment;
  cand.begin = c.tokens[first].begin;
  cand.end = c.tokens[last - 1].end;
  cand.kind = kind;
  cand.strength = strength;
  std::uint32_t words = 0;
  for (std::uint32_t k = first; k < last; ++k) words += c.tokens[k].word() ? 1 : 0;
  cand.words = static_cast<std::uint8_t>(words > 255 ? 255 : words);
  cand.initial = c.tokens[first].initial();
  const Context ctx = context_of(lex_, c.text, c.tokens, first, last);
  cand.loc_context = ctx.loc;
  cand.person_context = ctx.person;
  cand.after_the = ctx.after_the;
  cand.product = ctx.product;
  if (first >= 2 && c.tokens[first - 1].word() && (c.word(first - 1) == "and" || c.word(first - 1) == "or") &&
      c.tokens[first - 2].word())
    cand.coordinated_with = c.tokens[first - 2].end;
  // "Menlo Park, California", "Boca Chica, Texas": a place qualified by
  // the known place it lies in.
  if (kind == Kind::Unknown && last + 1 < c.tokens.size() && c.tokens[last].kind == TokenKind::Punct &&
      c.tokens[last].mark == ',') {
    const GazetteerMatch m =
        gaz_.longest(c.text, c.tokens, last + 1, static_cast<std::uint32_t>(c.tokens.size()));
    if (m.entry && m.entry->type == sdk::EntityType::Location &&
        (m.last >= c.tokens.size() || c.tokens[m.last].kind != TokenKind::Possessive))
      cand.loc_context = true;
  }
  cand.canonical = std::move(canonical);
  c.out.push_back(std::move(cand));
}

std::string RunClassifier::expand_leading_acronym(Ctx& c, std::uint32_t first, std::uint32_t last) const {
  if (!c.tokens[first].is(tok::kAllCaps) || last - first < 2) return {};
  const GazetteerEntry* e = gaz_.find(c.word(first));
  if (e == nullptr || e->type != sdk::EntityType::Organization) return {};
  if (nlp::FoldedEqual{}(e->canonical, c.word(first))) return {};
  std::string out = e->canonical;
  out += ' ';
  out += c.text.substr(c.tokens[first + 1].begin, c.tokens[last - 1].end - c.tokens[first + 1].begin);
  return out;
}

void RunClassifier::classify(std::uint32_t segment, std::string_view text, const nlp::Tokens& tokens,
                             const NameRun& run, std::vector<Candidate>& out) const {
  Ctx c{segment, text, tokens, run, out};
  const nlp::RunParts parts = nlp::split_run(text, tokens, lex_, run);
  if (parts.only_title) return;
  if (parts.honorific || parts.role) {
    plain(c, parts.left.first, parts.left.last);
    emit(c, parts.name.first, parts.name.last, Kind::Person, kKnown);
    return;
  }
  // "the North": a divided country's half, settled article-wide.
  if (run.last - run.first == 1 && (c.word(run.first) == "North" || c.word(run.first) == "South") &&
      run.first > 0 && tokens[run.first - 1].word() && tokens[run.first - 1].text(text) == "the") {
    emit(c, run.first, run.last, Kind::Location, kContext);
    out.back().the_north = true;
    return;
  }
  plain(c, run.first, run.last);
}

void RunClassifier::plain(Ctx& c, std::uint32_t first, std::uint32_t last) const {
  if (first >= last) return;
  const auto n = static_cast<std::uint32_t>(c.tokens.size());
  // A known phrase may run on into lower-case words ("Korean war").
  const std::uint32_t reach = std::min(n, last + 3);
  const GazetteerMatch m0 = gaz_.longest(c.text, c.tokens, first, reach);

  // 2. the whole run is known.
  if (m0.entry && m0.last >= last) {
    emit(c, first, m0.last, kind_of(m0.entry->type), kKnown, m0.entry->canonical);
    return;
  }
  // 3. head words. The head is the word before the first "of"/"for"/"on",
  // else the last word.
  if (last - first >= 2) {
    std::uint32_t head = last - 1;
    for (std::uint32_t k = first + 1; k < last; ++k) {
      if (c.tokens[k].is(tok::kLower)) {
        head = k - 1;
        break;
      }
    }
    const std::uint16_t hc = c.tokens[head].capitalised() ? lex_.word_classes(c.word(head)) : 0;
    if (hc & nlp::wc::kOrgHead) {
      emit(c, first, last, Kind::Org, kStructure, expand_leading_acronym(c, first, last));
      return;
    }
    if ((hc & nlp::wc::kLocHeadFinal) || lex_.loc_head_initial(c.word(first))) {
      emit(c, first, last, Kind::Location, kStructure);
      return;
    }
    if (hc & nlp::wc::kMiscHead) {
      emit(c, first, last, Kind::Misc, kStructure);
      return;
    }
    // "Tamer Ramadan, the federation’s envoy": a name the context calls a
    // person stays whole even when one of its words is known otherwise.
    if (last - first <= 3 && (!m0.entry || m0.last != first + 1)) {
      const Context ctx = context_of(lex_, c.text, c.tokens, first, last);
      if (ctx.person && !ctx.after_the) {
        emit(c, first, last, Kind::Person, kStructure);
        return;
      }
    }
  }
  // "Moroccan Red Crescent", "British Council": a nationality before a
  // known organisation is part of its name.
  if (m0.entry && m0.entry->type == sdk::EntityType::Misc) {
    const GazetteerMatch m2 = gaz_.longest(c.text, c.tokens, m0.last, last);
    if (m2.entry && m2.entry->type == sdk::EntityType::Organization && m2.last == last) {
      emit(c, first, last, Kind::Org, kStructure);
      return;
    }
  }
  // 4. known phrases and the stretches between them.
  std::uint32_t pending = first;
  for (std::uint32_t k = first; k < last;) {
    const GazetteerMatch m = k == first ? m0 : gaz_.longest(c.text, c.tokens, k, reach);
    if (m.entry == nullptr) {
      ++k;
      continue;
    }
    stretch(c, pending, k);
    emit(c, k, m.last, kind_of(m.entry->type), kKnown, m.entry->canonical);
    k = pending = m.last;
  }
  stretch(c, pending, last);
}

bool RunClassifier::hyphen_compound(Ctx& c, std::uint32_t first, std::uint32_t last) const {
  const Token& t = c.tokens[first];
  if (!t.is(tok::kHyphen)) return false;
  const std::string_view w = c.word(first);
  const auto h = w.find('-');
  if (h == std::string_view::npos) return false;
  const std::string_view head = w.substr(0, h), tail = w.substr(h + 1);
  const GazetteerEntry* e = gaz_.find(head);
  if (e == nullptr || (e->acronym && !(head.size() >= 2 && head[0] >= 'A' && head[0] <= 'Z' &&
                                       head[1] >= 'A' && head[1] <= 'Z')))
    return false;
  // "Russia-Ukraine", "US-China": two known names.
  if (const GazetteerEntry* e2 = gaz_.find(tail); e2 != nullptr && tail.find('-') == std::string_view::npos) {
    emit_bytes(c, t.begin, t.begin + static_cast<std::uint32_t>(h), first, kind_of(e->type), kKnown,
               e->canonical);
    emit_bytes(c, t.begin + static_cast<std::uint32_t>(h + 1), t.end, first, kind_of(e2->type), kKnown,
               e2->canonical);
    stretch(c, first + 1, last);
    return true;
  }
  if (tail.empty() || !(tail[0] >= 'a' && tail[0] <= 'z')) return false;
  if (last - first > 1 && origin_suffix(tail)) {
    // "Soviet-era Grad", "Russian-made Lancet": a product or model.
    emit(c, first, last, Kind::Misc, kStructure);
    return true;
  }
  emit_bytes(c, t.begin, t.begin + static_cast<std::uint32_t>(h), first, kind_of(e->type), kKnown,
             e->canonical);
  stretch(c, first + 1, last);
  return true;
}

void RunClassifier::stretch(Ctx& c, std::uint32_t first, std::uint32_t last) const {
  if (first >= last) return;
  if (hyphen_compound(c, first, last)) return;
  const std::uint32_t words = last - first;
  if (words >= 2 && words <= 5 && gaz_.first_name(c.word(first))) {
    emit(c, first, last, Kind::Person, kStructure);
    return;
  }
  if (words >= 2 && words <= 3 && korean_given_name(c.word(last - 1))) {
    emit(c, first, last, Kind::Person, kStructure);
    return;
  }
  if (words == 1 && c.tokens[first].is(tok::kDigit)) {
    // "F-16", "A320", "T-72": model designations.
    emit(c, first, last, Kind::Misc, kContext);
    return;
  }
  const Context ctx = context_of(lex_, c.text, c.tokens, first, last);
  if (words <= 2 && ctx.product) {
    emit(c, first, last, Kind::Misc, kContext);
    return;
  }
  if (words == 1 && c.tokens[first].is(tok::kAllCaps)) {
    emit(c, first, last, Kind::Org, kContext);
    return;
  }
  if (words == 1 && !ctx.after_the && gaz_.first_name(c.word(first))) {
    emit(c, first, last, Kind::Person, kContext);
    return;
  }
  emit(c, first, last, Kind::Unknown, kGuess);
}

}  // namespace sluice::plugins::entities

#include "ner_features.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace sluice::plugins::entities {
namespace {

using nlp::Token;
using nlp::TokenKind;
namespace tok = nlp::tok;

// Feature templates: a feature's id hashes its template and its value.
enum Template : std::uint32_t {
  kBias, kWord, kLower, kShape, kPrefix3, kSuffix2, kSuffix3, kSuffix4,
  kPrevLower, kNextLower, kPrev2Lower, kNext2Lower, kPrevShape, kNextShape,
  kPrevPair, kNextPair, kPositionShape, kCaseContext,
  kGaz, kGazPrev, kGazNext, kGazShape, kGivenName, kPrevGivenName,
  kClass, kPrevClass, kNextClass, kHeadlineShape, kHeadlineLower,
};

// Word classes worth a feature (names and what announces them).
constexpr std::uint16_t kClassMask = nlp::wc::kHonorific | nlp::wc::kRole | nlp::wc::kRoleModifier |
                                     nlp::wc::kOrgHead | nlp::wc::kMiscHead | nlp::wc::kLocHeadFinal |
                                     nlp::wc::kLocHeadInitial | nlp::wc::kParticle | nlp::wc::kStopword |
                                     nlp::wc::kSpeechVerb;

bool has_upper(std::string_view w) {
  for (char c : w)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// Words and marks that may stand inside a name between two capitalised
// words ("Bank of England", "Peter and Paul Fortress", "AT&T", "Leonardo
// da Vinci", "St. Louis", "Guinea - Bissau"); a full stop that ends a
// sentence, or any other word, ends the name.
bool bridge(const Token& t, std::string_view w) {
  if (t.kind == TokenKind::Punct || t.kind == TokenKind::Dash)
    return (w == "." && !t.is(tok::kSentenceEnd)) || w == "-" || w == "'" || w == "’" || w == "&";
  static constexpr std::string_view kInner[] = {"of", "the", "for", "and", "on",  "upon", "de",  "del", "della",
                                                "di", "da",  "du",  "des", "la",  "le",   "van", "von", "der",
                                                "den", "y",  "e",   "al",  "el",  "bin",  "ibn", "&"};
  if (t.word() && !t.is(tok::kLower)) return false;
  return std::find(std::begin(kInner), std::end(kInner), w) != std::end(kInner);
}

void lower_into(std::string_view w, std::string& out) {
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
    out.push_back(c);
  }
}

// "Shoigu" -> "Xx", "U.S." -> "X.X.", "F-16" -> "X-d", "al-Assad" -> "x-Xx";
// runs of one class collapse to one letter, so the shape set stays small.
void shape_into(const Token& t, std::string_view w, std::string& out) {
  char last = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size() && n < 8; ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    char s;
    if (c >= 'A' && c <= 'Z')
      s = 'X';
    else if (c >= 'a' && c <= 'z')
      s = 'x';
    else if (c >= '0' && c <= '9')
      s = 'd';
    else if (c >= 0xC0)  // a non-ASCII letter's lead byte: its case from the token flags when first
      s = (i == 0 && t.is(tok::kCap)) ? 'X' : 'x';
    else if (c >= 0x80)
      continue;
    else
      s = static_cast<char>(c);
    if (s == last && (s == 'X' || s == 'x' || s == 'd')) continue;
    out.push_back(s);
    last = s;
    ++n;
  }
}

char case_code(const Token& t) {
  if (!t.word()) return t.kind == TokenKind::Number ? 'd' : 'p';
  if (t.is(tok::kAllCaps)) return 'A';
  if (t.is(tok::kCap)) return 'C';
  return 'l';
}

}  // namespace

void NerFeatures::extract(std::string_view text, const nlp::Tokens& tokens, bool headline,
                          NerFeatureSet& out) const {
  const auto n = static_cast<std::uint32_t>(tokens.size());
  out.open.assign(n, 0);
  out.first.assign(n + 1, 0);
  out.ids.clear();
  out.arena.clear();
  out.lower.resize(n);
  out.shape.resize(n);
  out.gaz.assign(n, 0);

  // Which tokens may be in a name.
  std::uint32_t open_count = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    const Token& t = tokens[k];
    if (t.word() && (t.capitalised() || has_upper(t.text(text)))) {
      out.open[k] = 1;
      ++open_count;
    }
  }
  if (open_count == 0) return;
  for (std::uint32_t k = 0; k < n; ++k) {
    if (!out.open[k] || out.open[k] == 2) continue;
    // Up to two bridge tokens before the next capitalised word.
    std::uint32_t j = k + 1;
    while (j < n && j <= k + 2 && !out.open[j] && bridge(tokens[j], tokens[j].text(text))) ++j;
    if (j > k + 1 && j < n && out.open[j] == 1)
      for (std::uint32_t b = k + 1; b < j; ++b) out.open[b] = 2;
    if (k > 0 && tokens[k - 1].kind == TokenKind::Number && !out.open[k - 1]) out.open[k - 1] = 2;
  }

  // Per-token strings and gazetteer tags, for the tokens and their neighbours.
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::string_view w = tokens[k].text(text);
    out.lower[k] = static_cast<std::uint32_t>(out.arena.size());
    lower_into(w, out.arena);
    out.arena.push_back('\0');
    out.shape[k] = static_cast<std::uint32_t>(out.arena.size());
    shape_into(tokens[k], w, out.arena);
    out.arena.push_back('\0');
  }
  for (std::uint32_t k = 0; k < n;) {
    if (!tokens[k].word()) {
      ++k;
      continue;
    }
    const GazetteerMatch m = gaz_.longest(text, tokens, k, n);
    if (m.entry == nullptr) {
      ++k;
      continue;
    }
    const auto type = static_cast<std::uint8_t>(m.entry->type);
    out.gaz[k] = static_cast<std::uint8_t>(1 + 2 * type);
    for (std::uint32_t j = k + 1; j < m.last; ++j) out.gaz[j] = static_cast<std::uint8_t>(2 + 2 * type);
    k = m.last;
  }

  const std::string_view arena = out.arena;
  auto cstr = [&](std::uint32_t off) { return std::string_view(arena.data() + off); };
  auto lower = [&](std::int64_t k) -> std::string_view {
    if (k < 0) return "<s>";
    if (k >= n) return "</s>";
    return cstr(out.lower[static_cast<std::size_t>(k)]);
  };
  auto shape = [&](std::int64_t k) -> std::string_view {
    if (k < 0) return "<s>";
    if (k >= n) return "</s>";
    return cstr(out.shape[static_cast<std::size_t>(k)]);
  };
  auto gaz_tag = [&](std::int64_t k) -> std::string_view {
    static constexpr std::array<std::string_view, 9> kTags = {"-",  "BP", "IP", "BO",  "IO",
                                                              "BL", "IL", "BM", "IM"};
    if (k < 0 || k >= n) return "|";
    return kTags[out.gaz[static_cast<std::size_t>(k)]];
  };
  auto classes = [&](std::int64_t k) -> std::uint16_t {
    if (k < 0 || k >= n || !tokens[static_cast<std::size_t>(k)].word()) return 0;
    return lex_.word_classes(tokens[static_cast<std::size_t>(k)].text(text)) & kClassMask;
  };
  auto given = [&](std::int64_t k) {
    return k >= 0 && k < n && tokens[static_cast<std::size_t>(k)].capitalised() &&
           gaz_.first_name(tokens[static_cast<std::size_t>(k)].text(text));
  };

  char buf[160];
  auto join = [&](std::string_view a, char sep, std::string_view b) {
    const std::size_t la = std::min<std::size_t>(a.size(), 76), lb = std::min<std::size_t>(b.size(), 76);
    std::memcpy(buf, a.data(), la);
    buf[la] = sep;
    std::memcpy(buf + la + 1, b.data(), lb);
    return std::string_view(buf, la + 1 + lb);
  };
  auto add = [&](std::uint32_t tmpl, std::string_view v) { out.ids.push_back(nlp::feature_id(tmpl, v)); };
  auto add_classes = [&](std::uint32_t tmpl, std::uint16_t cls) {
    for (std::uint16_t b = 1; cls != 0; b = static_cast<std::uint16_t>(b << 1))
      if (cls & b) {
        cls = static_cast<std::uint16_t>(cls & ~b);
        const char c = static_cast<char>('a' + std::countr_zero(b));
        add(tmpl, std::string_view(&c, 1));
      }
  };

  for (std::uint32_t k = 0; k < n; ++k) {
    out.first[k] = static_cast<std::uint32_t>(out.ids.size());
    if (!out.open[k]) continue;
    const std::int64_t i = k;
    const std::string_view w = tokens[k].text(text), lw = lower(i), sh = shape(i);
    add(kBias, "");
    add(kWord, w);
    add(kLower, lw);
    add(kShape, sh);
    if (lw.size() > 3) add(kPrefix3, lw.substr(0, 3));
    if (lw.size() > 2) add(kSuffix2, lw.substr(lw.size() - 2));
    if (lw.size() > 3) add(kSuffix3, lw.substr(lw.size() - 3));
    if (lw.size() > 4) add(kSuffix4, lw.substr(lw.size() - 4));
    add(kPrevLower, lower(i - 1));
    add(kNextLower, lower(i + 1));
    add(kPrev2Lower, lower(i - 2));
    add(kNext2Lower, lower(i + 2));
    add(kPrevShape, shape(i - 1));
    add(kNextShape, shape(i + 1));
    add(kPrevPair, join(lower(i - 1), '|', lw));
    add(kNextPair, join(lw, '|', lower(i + 1)));
    add(kPositionShape, join(tokens[k].initial() ? "S" : "M", ':', sh));
    const char cc[3] = {k > 0 ? case_code(tokens[k - 1]) : '^', case_code(tokens[k]),
                        k + 1 < n ? case_code(tokens[k + 1]) : '$'};
    add(kCaseContext, std::string_view(cc, 3));
    add(kGaz, gaz_tag(i));
    add(kGazPrev, gaz_tag(i - 1));
    add(kGazNext, gaz_tag(i + 1));
    add(kGazShape, join(gaz_tag(i), ':', sh));
    if (given(i)) add(kGivenName, "");
    if (given(i - 1)) add(kPrevGivenName, "");
    add_classes(kClass, classes(i));
    add_classes(kPrevClass, classes(i - 1));
    add_classes(kNextClass, classes(i + 1));
    if (headline) {
      add(kHeadlineShape, sh);
      add(kHeadlineLower, lw);
    }
  }
  out.first[n] = static_cast<std::uint32_t>(out.ids.size());
}

}  // namespace sluice::plugins::entities

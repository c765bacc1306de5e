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
// clang-format off
enum Template : std::uint32_t {
  kBias, kWord, kLower, kShape, kPrefix3, kSuffix2, kSuffix3, kSuffix4,
  kPrevLower, kNextLower, kPrev2Lower, kNext2Lower, kPrevShape, kNextShape,
  kPrevPair, kNextPair, kPositionShape, kCaseContext,
  kGaz, kGazPrev, kGazNext, kGazShape, kGivenName, kPrevGivenName,
  kClass, kPrevClass, kNextClass, kHeadlineShape, kHeadlineLower,
};
// clang-format on

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
  static constexpr std::string_view kInner[] = {
      "of", "the", "for", "and", "on",  "upon", "de", "del", "della", "di", "da",  "du",  "des",
      "la", "le",  "van", "von", "der", "den",  "y",  "e",   "al",    "el", "bin", "ibn", "&"};
  if (t.word() && !t.is(tok::kLower)) return false;
  return std::find(std::begin(kInner), std::end(kInner), w) != std::end(kInner);
}

// Writes `w` lower-cased (ASCII) with digits as 0 to `dst`; returns its length.
std::size_t lower_into(std::string_view w, char* dst) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
    dst[i] = c;
  }
  return w.size();
}

// "Shoigu" -> "Xx", "U.S." -> "X.X.", "F-16" -> "X-d", "al-Assad" -> "x-Xx";
// runs of one class collapse to one letter, so the shape set stays small.
// Writes at most kMaxShape bytes to `dst`; returns the length.
constexpr std::size_t kMaxShape = 8;
std::size_t shape_into(const Token& t, std::string_view w, char* dst) {
  char last = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size() && n < kMaxShape; ++i) {
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
    dst[n++] = s;
    last = s;
  }
  return n;
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
  out.lower.resize(n);
  out.shape.resize(n);
  out.gaz.assign(n, 0);
  out.classes.resize(n);
  out.lower_hash.resize(n);
  out.shape_hash.resize(n);
  out.lower_len.resize(n);
  out.given.resize(n);

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

  // Per-token strings, word classes and gazetteer tags, only for the open
  // tokens and the two either side that their features look at.
  out.near.assign(n, 0);
  for (std::uint32_t k = 0; k < n; ++k)
    if (out.open[k])
      for (std::uint32_t j = k >= 2 ? k - 2 : 0; j < n && j <= k + 2; ++j) out.near[j] = 1;
  // The arena holds each near token's lower-cased text and shape.
  out.arena.resize(text.size() + kMaxShape * n);
  char* arena = out.arena.data();
  std::uint32_t used = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    out.lower[k] = out.shape[k] = used;
    out.lower_len[k] = 0;
    out.classes[k] = 0;
    out.given[k] = 0;
    if (!out.near[k]) continue;
    const std::string_view w = tokens[k].text(text);
    const std::size_t ll = lower_into(w, arena + used);
    out.lower_hash[k] = nlp::hash_bytes(std::string_view(arena + used, ll));
    out.lower_len[k] = static_cast<std::uint32_t>(ll);
    used += static_cast<std::uint32_t>(ll);
    out.shape[k] = used;
    const std::size_t sl = shape_into(tokens[k], w, arena + used);
    out.shape_hash[k] = nlp::hash_bytes(std::string_view(arena + used, sl));
    used += static_cast<std::uint32_t>(sl);
    if (tokens[k].word() && (out.open[k] || (k + 1 < n && out.open[k + 1]) || (k > 0 && out.open[k - 1]))) {
      out.classes[k] = lex_.word_classes(w) & kClassMask;
      out.given[k] = tokens[k].capitalised() && gaz_.first_name(w);
    }
  }
  // Known phrases start with a capitalised word ("Korean war" included).
  for (std::uint32_t k = 0; k < n;) {
    if (out.open[k] != 1) {
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

  // Values outside the paragraph, and each feature's value hashed once.
  static const std::uint64_t kBefore = nlp::hash_bytes("<s>"), kAfter = nlp::hash_bytes("</s>");
  auto lower = [&](std::int64_t k) -> std::uint64_t {
    return k < 0 ? kBefore : k >= n ? kAfter : out.lower_hash[static_cast<std::size_t>(k)];
  };
  auto shape = [&](std::int64_t k) -> std::uint64_t {
    return k < 0 ? kBefore : k >= n ? kAfter : out.shape_hash[static_cast<std::size_t>(k)];
  };
  auto gaz_tag = [&](std::int64_t k) -> std::uint64_t {
    return k < 0 || k >= n ? 99 : out.gaz[static_cast<std::size_t>(k)];
  };
  auto classes = [&](std::int64_t k) -> std::uint16_t {
    return k < 0 || k >= n ? 0 : out.classes[static_cast<std::size_t>(k)];
  };
  auto given = [&](std::int64_t k) { return k >= 0 && k < n && out.given[static_cast<std::size_t>(k)]; };
  auto add = [&](std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0) {
    out.ids.push_back(nlp::feature_id(tmpl, a, b));
  };
  auto add_classes = [&](std::uint32_t tmpl, std::uint16_t cls) {
    for (; cls != 0; cls = static_cast<std::uint16_t>(cls & (cls - 1)))
      add(tmpl, static_cast<std::uint64_t>(std::countr_zero(cls)));
  };

  out.ids.reserve(std::size_t{n} * 8);
  for (std::uint32_t k = 0; k < n; ++k) {
    out.first[k] = static_cast<std::uint32_t>(out.ids.size());
    if (!out.open[k]) continue;
    const std::int64_t i = k;
    const std::string_view w = tokens[k].text(text);
    const std::string_view lw(arena + out.lower[k], out.lower_len[k]);
    const std::uint64_t hl = lower(i), hs = shape(i);
    add(kBias, 0);
    add(kWord, nlp::hash_bytes(w));
    add(kLower, hl);
    add(kShape, hs);
    if (lw.size() > 3) add(kPrefix3, nlp::hash_bytes(lw.substr(0, 3)));
    if (lw.size() > 2) add(kSuffix2, nlp::hash_bytes(lw.substr(lw.size() - 2)));
    if (lw.size() > 3) add(kSuffix3, nlp::hash_bytes(lw.substr(lw.size() - 3)));
    if (lw.size() > 4) add(kSuffix4, nlp::hash_bytes(lw.substr(lw.size() - 4)));
    add(kPrevLower, lower(i - 1));
    add(kNextLower, lower(i + 1));
    add(kPrev2Lower, lower(i - 2));
    add(kNext2Lower, lower(i + 2));
    add(kPrevShape, shape(i - 1));
    add(kNextShape, shape(i + 1));
    add(kPrevPair, lower(i - 1), hl);
    add(kNextPair, hl, lower(i + 1));
    add(kPositionShape, tokens[k].initial() ? 1 : 2, hs);
    const std::uint64_t cc = (std::uint64_t(k > 0 ? case_code(tokens[k - 1]) : '^') << 16) |
                             (std::uint64_t(case_code(tokens[k])) << 8) |
                             std::uint64_t(k + 1 < n ? case_code(tokens[k + 1]) : '$');
    add(kCaseContext, cc);
    add(kGaz, gaz_tag(i));
    add(kGazPrev, gaz_tag(i - 1));
    add(kGazNext, gaz_tag(i + 1));
    add(kGazShape, gaz_tag(i), hs);
    if (given(i)) add(kGivenName, 0);
    if (given(i - 1)) add(kPrevGivenName, 0);
    add_classes(kClass, classes(i));
    add_classes(kPrevClass, classes(i - 1));
    add_classes(kNextClass, classes(i + 1));
    if (headline) {
      add(kHeadlineShape, hs);
      add(kHeadlineLower, hl);
    }
  }
  out.first[n] = static_cast<std::uint32_t>(out.ids.size());
}

}  // namespace sluice::plugins::entities

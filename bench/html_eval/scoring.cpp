#include "scoring.hpp"

#include <map>

#include "sluice/sdk/text.hpp"
#include "sluice/sdk/utf8.hpp"

namespace sluice::bench::html_eval {
namespace {

double ratio(double a, double b) { return b == 0 ? 0.0 : a / b; }

// Code points Python's \w rejects: punctuation, symbols, marks, spaces.
// Ranges, not the full Unicode database: close enough for text in Latin,
// Cyrillic, Greek and CJK, which is what the pages are.
bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  }
  if (cp < 0xC0)
    return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA ||
           (cp >= 0xBC && cp <= 0xBE);
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x0300 && cp <= 0x036F) return false;  // combining diacritics
  if (cp == 0x037E || cp == 0x0387) return false;
  if (cp >= 0x055A && cp <= 0x055F) return false;
  if (cp == 0x0589 || cp == 0x05BE || cp == 0x05C0 || cp == 0x05C3 || cp == 0x05F3 || cp == 0x05F4)
    return false;
  if (cp == 0x060C || cp == 0x061B || cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4)
    return false;
  if (cp == 0x0964 || cp == 0x0965) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (cp >= 0x20A0 && cp <= 0x214F) return false;  // currency, letterlike symbols
  if (cp >= 0x2190 && cp <= 0x245F) return false;  // arrows, math, technical
  if (cp >= 0x2500 && cp <= 0x2BFF) return false;  // boxes, shapes, dingbats
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;
  if (cp >= 0x3000 && cp <= 0x303F)
    return cp == 0x3005 || cp == 0x3006 || cp == 0x3007 || (cp >= 0x3021 && cp <= 0x3029);
  if (cp >= 0xFE10 && cp <= 0xFE6F) return false;
  if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
      (cp >= 0xFF5B && cp <= 0xFF65))
    return false;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  return !sdk::utf8::is_space(cp);
}

}  // namespace

std::string normalize_space(std::string_view text) { return sdk::text::collapse_whitespace(text); }

double SegmentCounts::precision() const {
  return ratio(static_cast<double>(tp), static_cast<double>(tp + fp));
}
double SegmentCounts::recall() const { return ratio(static_cast<double>(tp), static_cast<double>(tp + fn)); }
double SegmentCounts::f1() const {
  const double p = precision(), r = recall();
  return ratio(2 * p * r, p + r);
}

SegmentCounts score_segments(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without) {
  SegmentCounts c;
  for (const auto& s : with) {
    const std::string seg = normalize_space(s);
    (extracted.find(seg) != std::string_view::npos ? c.tp : c.fn)++;
  }
  for (const auto& s : without) {
    const std::string seg = normalize_space(s);
    (extracted.find(seg) != std::string_view::npos ? c.fp : c.tn)++;
  }
  return c;
}

std::vector<std::string_view> word_tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0, start = std::string_view::npos;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t length = sdk::utf8::decode(text, i, cp);
    const bool word = length != 0 && is_word_char(cp);
    if (length == 0) length = 1;
    if (word && start == std::string_view::npos) start = i;
    if (!word && start != std::string_view::npos) {
      out.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
    i += length;
  }
  if (start != std::string_view::npos) out.push_back(text.substr(start));
  return out;
}

ShingleCounts score_shingles(std::string_view gold, std::string_view extracted, std::size_t n) {
  // Python's _ngrams(): a text shorter than n words is one shingle.
  const auto shingles = [n](std::string_view text) {
    const std::vector<std::string_view> tokens = word_tokens(text);
    std::map<std::string, double> counts;
    const std::size_t count = tokens.size() >= n ? tokens.size() - n + 1 : 1;
    for (std::size_t i = 0; i < count && !tokens.empty(); ++i) {
      std::string key;
      for (std::size_t k = i; k < std::min(tokens.size(), i + n); ++k) {
        key += tokens[k];
        key.push_back('\x1F');
      }
      counts[key] += 1;
    }
    return counts;
  };
  const auto truth = shingles(gold), pred = shingles(extracted);
  ShingleCounts c;
  for (const auto& [key, t] : truth) {
    const auto it = pred.find(key);
    const double p = it == pred.end() ? 0 : it->second;
    c.tp += std::min(t, p);
    c.fn += std::max(0.0, t - p);
  }
  for (const auto& [key, p] : pred) {
    const auto it = truth.find(key);
    c.fp += std::max(0.0, p - (it == truth.end() ? 0 : it->second));
  }
  if (const double sum = c.tp + c.fp + c.fn; sum > 0) {
    c.tp /= sum;
    c.fp /= sum;
    c.fn /= sum;
  }
  return c;
}

ShingleSummary summarize(const std::vector<ShingleCounts>& pages) {
  // The benchmark's precision_score/recall_score: a page with nothing to
  // find and nothing found is perfect; nothing right at all scores 0.
  double p_sum = 0, r_sum = 0;
  std::size_t p_n = 0, r_n = 0;
  for (const auto& c : pages) {
    if (c.tp + c.fp > 0) {
      p_sum += (c.fp == 0 && c.fn == 0) ? 1.0 : (c.tp == 0 && c.fp == 0) ? 0.0 : c.tp / (c.tp + c.fp);
      ++p_n;
    }
    if (c.tp + c.fn > 0) {
      r_sum += (c.fp == 0 && c.fn == 0) ? 1.0 : (c.tp == 0 && c.fn == 0) ? 0.0 : c.tp / (c.tp + c.fn);
      ++r_n;
    }
  }
  ShingleSummary s;
  s.pages = pages.size();
  s.precision = ratio(p_sum, static_cast<double>(p_n));
  s.recall = ratio(r_sum, static_cast<double>(r_n));
  s.f1 = ratio(2 * s.precision * s.recall, s.precision + s.recall);
  return s;
}

}  // namespace sluice::bench::html_eval

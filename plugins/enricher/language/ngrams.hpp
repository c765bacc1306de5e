// Character n-grams as the language profiles see them. The profile
// generator (build time) and the classifier (run time) both use this one
// definition, so the hashes they compare always agree.
#pragma once

#include <cstdint>
#include <string_view>

#include "sluice/sdk/utf8.hpp"
#include "sluice/text_stats/case_fold.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::language {

inline constexpr int kMaxOrder = 3;

// Hash of the n-gram a (b (c)) of `order` code points; ' ' marks a word edge.
inline std::uint32_t ngram_hash(int order, char32_t a, char32_t b, char32_t c) {
  std::uint64_t h = 0xcbf29ce484222325ull ^ static_cast<std::uint64_t>(order);
  h = (h ^ a) * 0x100000001b3ull;
  if (order > 1) h = (h ^ b) * 0x100000001b3ull;
  if (order > 2) h = (h ^ c) * 0x100000001b3ull;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// Calls fn(hash, order) for every 1-, 2- and 3-gram of the lower-cased
// letters of the first `max_bytes` of `text`. Anything but a letter (digits,
// punctuation, space) separates words; each word is padded with a space on
// both sides, so " th" and "he " capture how words begin and end. Returns
// the number of letters read.
template <class Fn>
std::size_t for_each_ngram(std::string_view text, std::size_t max_bytes, Fn&& fn) {
  if (text.size() > max_bytes) text = text.substr(0, max_bytes);
  char32_t p2 = 0, p1 = ' ';  // the two code points before the current one
  bool in_word = false;
  std::size_t letters = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (cp >= 0x80) {
      length = sdk::utf8::decode(text, i, cp);
      if (length == 0) {  // a cut or invalid sequence: a separator
        length = 1;
        cp = ' ';
      }
    }
    i += length;
    if (text_stats::is_letter(cp)) {
      cp = text_stats::to_lower(cp);
      ++letters;
      fn(ngram_hash(1, cp, 0, 0), 1);
      fn(ngram_hash(2, p1, cp, 0), 2);
      if (p2 != 0) fn(ngram_hash(3, p2, p1, cp), 3);  // 0: fewer than three symbols yet
      p2 = p1;
      p1 = cp;
      in_word = true;
    } else if (in_word) {
      fn(ngram_hash(2, p1, ' ', 0), 2);
      fn(ngram_hash(3, p2, p1, ' '), 3);
      p2 = 0;
      p1 = ' ';
      in_word = false;
    }
  }
  if (in_word) {
    fn(ngram_hash(2, p1, ' ', 0), 2);
    fn(ngram_hash(3, p2, p1, ' '), 3);
  }
  return letters;
}

}  // namespace sluice::plugins::language

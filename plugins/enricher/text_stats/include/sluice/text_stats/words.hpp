// Splitting text into words without allocating: every enricher that counts,
// matches or hashes words sees the same words.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sluice/sdk/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sluice::plugins::text_stats {

// One word of a text, as byte offsets into it (end exclusive).
//
// A word is a run of letters and digits, joined across
//  - an apostrophe (' or ’) between letters: "don't", "O’Brien";
//  - a hyphen between word characters: "Jong-un", "US-led", "Soviet-era";
//  - a dot between single letters or between digits: "U.S", "3.5";
//  - a comma between digits: "1,000".
// A possessive "’s"/"'s" is not part of the word ("Russia’s" gives "Russia"
// with `possessive` set), so names match whatever case they are in.
struct Word {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool capitalized = false;  // the first letter is upper case
  bool numeric = false;      // digits only (with inner . or ,)
  bool possessive = false;
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Letters are ASCII letters and every code point from U+00C0 up that is not
// punctuation, a symbol or white space; digits are ASCII digits.
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
// Lower-case letters of the cased scripts (Latin, Greek, Cyrillic).
bool is_lower(char32_t cp);

// Appends the words of `text` to `out` (which is not cleared).
void split_words(std::string_view text, std::vector<Word>& out);

// Calls fn(const Word&) for each word of `text`, in order.
template <class Fn>
void for_each_word(std::string_view text, Fn&& fn);

// --- implementation detail: the scanner behind both entry points ----------
namespace detail {

enum class Kind : unsigned char { Other = 0, Letter = 1, Digit = 2 };

struct Char {
  char32_t cp = 0;
  std::size_t length = 1;  // bytes; 1 for an invalid byte
  Kind kind = Kind::Other;
};

// ASCII bytes by kind: one load instead of comparisons on the hot path.
inline constexpr auto kAsciiKind = [] {
  std::array<Kind, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      t[c] = Kind::Letter;
    else if (c >= '0' && c <= '9')
      t[c] = Kind::Digit;
  }
  return t;
}();

// Every byte by class, for the loops that skip through ASCII: a letter (1),
// a digit (2), another ASCII byte (0), or a byte of a longer UTF-8
// sequence (4), which needs decoding.
inline constexpr auto kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = c >= 0x80 ? 4 : static_cast<unsigned char>(kAsciiKind[c]);
  }
  return t;
}();

[[gnu::always_inline]] inline Char char_at(std::string_view text, std::size_t i) {
  Char c;
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    c.cp = byte;
    c.kind = kAsciiKind[byte];
    return c;
  }
  const std::size_t n = sdk::utf8::decode(text, i, c.cp);
  if (n == 0) return c;  // invalid byte: a separator
  c.length = n;
  if (is_letter(c.cp)) c.kind = Kind::Letter;
  return c;
}

#if defined(__SSE2__)
// Bit k set when p[k] (of 16 bytes) is an ASCII letter, resp. digit.
[[gnu::always_inline]] inline void classify16(const unsigned char* p, unsigned& letters, unsigned& digits) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // x in [lo, lo + span] (unsigned) <=> min(x - lo, span) == x - lo.
  const __m128i lower = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  const __m128i digit = _mm_sub_epi8(v, _mm_set1_epi8('0'));
  letters =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(lower, _mm_set1_epi8(25)), lower)));
  digits =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit)));
}
#endif

// The first index from i on that is not an ASCII separator (class 0).
[[gnu::always_inline]] inline std::size_t skip_separators(const unsigned char* p, std::size_t i,
                                                          std::size_t n) {
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    unsigned letters, digits;
    classify16(p + i, letters, digits);
    const unsigned non_ascii =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))));
    if (const unsigned stop = letters | digits | non_ascii; stop != 0)
      return i + static_cast<unsigned>(__builtin_ctz(stop));
  }
#endif
  while (i < n && kByteClass[p[i]] == 0) ++i;
  return i;
}

// The first index from i on that is not an ASCII letter or digit; `kinds`
// gets bit 1 for a letter seen, bit 2 for a digit.
[[gnu::always_inline]] inline std::size_t scan_ascii_word(const unsigned char* p, std::size_t i,
                                                          std::size_t n, unsigned& kinds) {
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    unsigned letters, digits;
    classify16(p + i, letters, digits);
    const unsigned stop = ~(letters | digits) & 0xFFFF;
    const unsigned inside = stop == 0 ? 0xFFFF : (1u << __builtin_ctz(stop)) - 1;
    kinds |= ((letters & inside) != 0 ? 1u : 0u) | ((digits & inside) != 0 ? 2u : 0u);
    if (stop != 0) return i + static_cast<unsigned>(__builtin_ctz(stop));
  }
#endif
  for (unsigned k; i < n && ((k = kByteClass[p[i]]) & 3) != 0; ++i) kinds |= k;
  return i;
}

inline bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
inline bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Reads the word starting at or after `pos`; false when none is left.
// Inline so that for_each_word() compiles into one loop with its callback.
[[gnu::always_inline]] inline bool next_word(std::string_view text, std::size_t& pos, Word& word) {
  const auto* const p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // Skip to the first letter or digit; ASCII separators without decoding.
  Char c;
  std::size_t i = pos;
  for (;;) {
    i = skip_separators(p, i, n);
    if (i >= n) {
      pos = n;
      return false;
    }
    c = char_at(text, i);
    if (c.kind != Kind::Other) break;
    i += c.length;
  }

  word = Word{};
  word.begin = static_cast<std::uint32_t>(i);
  word.capitalized = c.kind == Kind::Letter && (c.cp < 0x80 ? (c.cp >= 'A' && c.cp <= 'Z') : is_upper(c.cp));
  // Kinds seen, as bits (Letter 1, Digit 2): a word is numeric without letters.
  unsigned kinds = 0;
  Kind last = Kind::Other;
  std::size_t run = 0;  // characters since the last joiner, for "U.S"
  for (;;) {
    // Most words are plain ASCII: run through them without decoding.
    const std::size_t start = i;
    i = scan_ascii_word(p, i, n, kinds);
    if (i > start) {
      run += i - start;
      last = kAsciiKind[p[i - 1]];
    }
    if (i >= n) break;
    // A space, the usual end of a word, is decided without decoding.
    if (p[i] < 0x80 && p[i] != '\'' && p[i] != '-' && p[i] != '.' && p[i] != ',') break;
    c = char_at(text, i);
    if (c.kind != Kind::Other) {
      kinds |= static_cast<unsigned>(c.kind);
      last = c.kind;
      ++run;
      i += c.length;
      continue;
    }
    // A separator ends the word unless it is a joiner between word characters.
    const bool maybe_joiner = c.cp < 0x80 || c.cp == 0x2019 || c.cp == 0x2010 || c.cp == 0x2011;
    if (!maybe_joiner || i + c.length >= n) break;
    const Char next = char_at(text, i + c.length);
    if (next.kind == Kind::Other) break;
    if (is_apostrophe(c.cp) && last == Kind::Letter && next.kind == Kind::Letter) {
      // "’s" followed by a non-letter is a possessive: end the word here.
      const std::size_t after = i + c.length + next.length;
      if ((next.cp == 's' || next.cp == 'S') && (after >= n || char_at(text, after).kind == Kind::Other)) {
        word.possessive = true;
        word.end = static_cast<std::uint32_t>(i);
        word.numeric = (kinds & 1) == 0;
        pos = after;
        return true;
      }
    } else if (is_hyphen(c.cp)) {
    } else if (c.cp == '.' && last == Kind::Letter && run == 1 && next.kind == Kind::Letter) {
    } else if ((c.cp == '.' || c.cp == ',') && last == Kind::Digit && next.kind == Kind::Digit) {
    } else {
      break;
    }
    i += c.length;
    run = 0;
  }
  word.end = static_cast<std::uint32_t>(i);
  word.numeric = (kinds & 1) == 0;
  pos = i;
  return true;
}

}  // namespace detail

template <class Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  std::size_t pos = 0;
  Word w;
  while (detail::next_word(text, pos, w)) fn(static_cast<const Word&>(w));
}

}  // namespace sluice::plugins::text_stats

#include "sluice/text_stats/syllables.hpp"

namespace sluice::plugins::text_stats {
namespace {

bool is_vowel(unsigned char c) {
  switch (c | 0x20) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y': return true;
    default: return c >= 0xC0;  // any byte of an accented letter
  }
}

bool is_alpha(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80; }

}  // namespace

int count_syllables(std::string_view w) {
  int groups = 0;
  bool in_vowels = false;
  std::size_t letters = 0;
  unsigned char prev = 0, prev2 = 0;  // the two letters before, ASCII lower case
  for (const char ch : w) {
    auto c = static_cast<unsigned char>(ch);
    if (!is_alpha(c)) {
      in_vowels = false;
      continue;
    }
    ++letters;
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: part of the previous letter
    if (c < 0x80) c |= 0x20;
    const bool v = is_vowel(c);
    if (v && !in_vowels) ++groups;
    // Vowel pairs read as two syllables: "media", "authoritarian", "video"
    // -- but "ia" after c, t, s or g is one ("special", "initial", "Asia"),
    // and "eo" after g too ("pigeon").
    if (v && in_vowels && prev2 != 0) {
      if (prev == 'i' && c == 'a' && prev2 != 'c' && prev2 != 't' && prev2 != 's' && prev2 != 'g') ++groups;
      if (prev == 'e' && c == 'o' && prev2 != 'g') ++groups;
    }
    in_vowels = v;
    prev2 = prev;
    prev = c;
  }
  if (letters == 0) return 1;
  const std::size_t n = w.size();
  const auto at = [&](std::size_t back) -> unsigned char {
    if (n <= back) return 0;
    const auto c = static_cast<unsigned char>(w[n - 1 - back]);
    return c < 0x80 ? (c | 0x20) : c;  // ASCII lower case
  };
  if (n >= 3 && at(2) == 'i' && at(1) == 's' && at(0) == 'm') ++groups;  // "symbolism": the m is syllabic
  // Silent endings: "make", "makes", "liked" -- but not "the", "see", "wanted", "table".
  if (groups > 1) {
    if (at(0) == 'e' && !is_vowel(at(1)) && !(at(1) == 'l' && !is_vowel(at(2))))
      --groups;
    else if (at(0) == 's' && at(1) == 'e' && !is_vowel(at(2)) && at(2) != 's' && at(2) != 'c' &&
             at(2) != 'g' && at(2) != 'z' && at(2) != 'x' && at(2) != 'h')
      --groups;
    else if (at(0) == 'd' && at(1) == 'e' && !is_vowel(at(2)) && at(2) != 't' && at(2) != 'd')
      --groups;
  }
  return groups < 1 ? 1 : groups;
}

}  // namespace sluice::plugins::text_stats

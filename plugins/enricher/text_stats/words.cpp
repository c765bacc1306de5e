#include "sluice/text_stats/words.hpp"

#include "sluice/sdk/utf8.hpp"

namespace sluice::plugins::text_stats {

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;  // ª µ º; the rest is symbols
  if (cp == 0xD7 || cp == 0xF7) return false;                    // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;                // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;                // CJK punctuation
  if (cp >= 0xFE10 && cp <= 0xFE6F) return false;                // vertical/small forms
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;                // full-width punctuation
  if (cp >= 0x1F000) return false;                               // emoji and pictographs
  return !sdk::utf8::is_space(cp);
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs upper/lower, the upper one even except in the
    // two runs that start odd.
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 1;
    return cp % 2 == 0 && cp != 0x138;
  }
  if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;  // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;         // Cyrillic
  if (cp >= 0x460 && cp <= 0x4FF) return cp % 2 == 0;
  return false;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !is_upper(cp);
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  if (cp >= 0x460 && cp <= 0x4FF) return cp % 2 == 1;
  return false;
}

void split_words(std::string_view text, std::vector<Word>& out) {
  for_each_word(text, [&](const Word& w) { out.push_back(w); });
}

}  // namespace sluice::plugins::text_stats

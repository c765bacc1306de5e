#include "sluice/text_stats/case_fold.hpp"

#include "sluice/sdk/utf8.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::text_stats {

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (!is_upper(cp)) return cp;
  if (cp <= 0xDE) return cp + 0x20;   // Latin-1
  if (cp == 0x130) return U'i';       // İ
  if (cp == 0x178) return 0xFF;       // Ÿ
  if (cp <= 0x17F) return cp + 1;     // Latin Extended-A
  if (cp <= 0x3AB) return cp + 0x20;  // Greek
  if (cp <= 0x40F) return cp + 0x50;  // Ѐ..Џ
  if (cp <= 0x42F) return cp + 0x20;  // А..Я
  return cp + 1;                      // Cyrillic pairs (Ґ -> ґ ...)
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void append_folded(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // A run of ASCII: copied at once, then lower-cased in place.
    std::size_t j = i;
    while (j < text.size() && static_cast<unsigned char>(text[j]) < 0x80) ++j;
    if (j > i) {
      const std::size_t at = out.size();
      out.append(text.data() + i, j - i);
      for (std::size_t k = at; k < out.size(); ++k) {
        if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 32);
      }
      i = j;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = sdk::utf8::decode(text, i, cp);
    if (n == 0) {
      out.push_back(text[i]);
      ++i;
      continue;
    }
    append_utf8(out, cp == 0x2019 ? U'\'' : to_lower(cp));
    i += n;
  }
}

}  // namespace sluice::plugins::text_stats

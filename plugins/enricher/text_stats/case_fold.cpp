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
    sdk::utf8::append_code_point(out, cp == 0x2019 ? U'\'' : to_lower(cp));
    i += n;
  }
}

}  // namespace sluice::plugins::text_stats

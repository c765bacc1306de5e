#include "simhash.hpp"

#include <array>
#include <string>

#include "sluice/text_stats/case_fold.hpp"
#include "sluice/text_stats/string_table.hpp"
#include "sluice/text_stats/words.hpp"

namespace sluice::plugins::dedup {
namespace {

// Order-sensitive combination of word hashes into a shingle hash, then a
// final mix (splitmix64) so the bits are independent enough to vote.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// kSpread[b] has byte k set to bit k of b.
constexpr auto kSpread = [] {
  std::array<std::uint64_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    for (int k = 0; k < 8; ++k) {
      if ((b >> k) & 1) t[b] |= std::uint64_t{1} << (8 * k);
    }
  }
  return t;
}();

}  // namespace

Fingerprint simhash(const std::vector<std::string_view>& texts, std::uint32_t shingle) {
  std::vector<std::uint64_t> words;
  std::string folded;
  for (const std::string_view text : texts) {
    text_stats::for_each_word(text, [&](const text_stats::Word& w) {
      words.push_back(text_stats::StringTable::hash(text_stats::fold_view(w.in(text), folded)));
    });
  }
  Fingerprint fp;
  fp.words = static_cast<std::uint32_t>(words.size());
  if (words.empty()) return fp;

  // Counting set bits per position, 8 positions per 64-bit word: byte k of
  // lanes[j] counts bit 8j+k (kSpread turns a byte's bits into byte lanes).
  // Lanes hold at most 255, so they are flushed into `ones` that often.
  std::array<std::uint32_t, 64> ones{};
  std::array<std::uint64_t, 8> lanes{};
  const auto flush = [&] {
    for (int j = 0; j < 8; ++j) {
      for (int k = 0; k < 8; ++k) ones[8 * j + k] += (lanes[j] >> (8 * k)) & 0xFF;
      lanes[j] = 0;
    }
  };
  const std::size_t n = words.size() < shingle ? 1 : words.size() - shingle + 1;
  const std::size_t width = words.size() < shingle ? words.size() : shingle;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < width; ++k) h = mix(h ^ words[i + k]);
    for (int j = 0; j < 8; ++j) lanes[j] += kSpread[(h >> (8 * j)) & 0xFF];
    if (i % 255 == 254) flush();
  }
  flush();
  // A bit is set when more than half of the shingle hashes have it.
  for (int b = 0; b < 64; ++b) {
    if (2 * std::uint64_t{ones[b]} > n) fp.simhash |= std::uint64_t{1} << b;
  }
  return fp;
}

}  // namespace sluice::plugins::dedup

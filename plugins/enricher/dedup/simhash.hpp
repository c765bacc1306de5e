// 64-bit SimHash (Charikar) over word shingles: texts that share most of
// their shingles get hashes a few bits apart.
#pragma once

#include <bit>
#include <cstdint>
#include <string_view>
#include <vector>

namespace sluice::plugins::dedup {

struct Fingerprint {
  std::uint64_t simhash = 0;
  std::uint32_t words = 0;
};

// Hashes every run of `shingle` consecutive words (lower-cased, so case and
// punctuation changes do not count) of `texts`, taken as one word sequence,
// and sets each bit of the result to the majority vote of that bit over the
// shingle hashes. Fewer words than `shingle` make one shingle of them all;
// no words give simhash 0.
Fingerprint simhash(const std::vector<std::string_view>& texts, std::uint32_t shingle);

inline int distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace sluice::plugins::dedup

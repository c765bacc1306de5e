// Stable article ids: derived from the document key and the article content,
// so the same article read twice gets the same id (idempotent sinks rely on
// it) while a changed article gets a new one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "sluice/sdk/article.hpp"

namespace sluice::sdk {

inline std::string hex64(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xF];
  return out;
}

// 32 hex characters: XXH3-64 of the key, then XXH3-64 of title + body.
// Hashing the parts separately keeps the key prefix useful for grouping.
inline std::string make_article_id(std::string_view key, const Article& a) {
  XXH3_state_t st;
  XXH3_64bits_reset(&st);
  XXH3_64bits_update(&st, a.title.data(), a.title.size());
  for (const auto& p : a.body) {
    XXH3_64bits_update(&st, "\n", 1);
    XXH3_64bits_update(&st, p.data(), p.size());
  }
  return hex64(XXH3_64bits(key.data(), key.size())) + hex64(XXH3_64bits_digest(&st));
}

}  // namespace sluice::sdk

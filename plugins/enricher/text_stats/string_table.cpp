#include "sluice/text_stats/string_table.hpp"

#include <cstring>

namespace sluice::plugins::text_stats {

// Keys are words and short phrases: eight bytes at a time through a
// multiply-xorshift, then a final mix (splitmix64). A few instructions for
// a word, where a general-purpose hash spends dozens on setup.
std::uint64_t StringTable::hash(std::string_view key) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = key.data();
  std::size_t n = key.size();
  std::uint64_t h = n * kMul;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 32;
  }
  if (n != 0) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, n);
    h = (h ^ v) * kMul;
    h ^= h >> 32;
  }
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

std::size_t StringTable::probe(std::string_view key, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (!s.used) return i;
    if (s.hash == h && std::string_view(keys_).substr(s.offset, s.length) == key) return i;
  }
}

void StringTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.used) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

bool StringTable::insert(std::string_view key, std::uint32_t value) {
  // Kept at most half full so that probe sequences stay short.
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const std::uint64_t h = hash(key);
  Slot& s = slots_[probe(key, h)];
  if (s.used) return false;
  s = Slot{h, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), value, true};
  keys_.append(key);
  ++count_;
  return true;
}

std::optional<std::uint32_t> StringTable::find(std::string_view key, std::uint64_t key_hash) const {
  if (count_ == 0) return std::nullopt;
  const Slot& s = slots_[probe(key, key_hash)];
  if (!s.used) return std::nullopt;
  return s.value;
}

}  // namespace sluice::plugins::text_stats

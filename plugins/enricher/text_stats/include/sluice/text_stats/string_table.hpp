// A flat, open-addressing hash map from strings to small integers, built
// once (stopwords, gazetteers) and then only read: lookups hash the
// string_view once and probe a contiguous array, with no allocation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::text_stats {

class StringTable {
 public:
  // Adds `key` -> `value`. A key that is already present keeps its first
  // value and insert() returns false.
  bool insert(std::string_view key, std::uint32_t value = 0);

  std::optional<std::uint32_t> find(std::string_view key) const { return find(key, hash(key)); }
  bool contains(std::string_view key) const { return find(key).has_value(); }
  // The same, for a caller that already has hash(key) (and needs it again).
  std::optional<std::uint32_t> find(std::string_view key, std::uint64_t key_hash) const;
  bool contains(std::string_view key, std::uint64_t key_hash) const {
    return find(key, key_hash).has_value();
  }
  std::size_t size() const { return count_; }

  // The hash the table uses, exposed so callers that key their own maps by
  // words hash them the same way.
  static std::uint64_t hash(std::string_view key);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // into keys_
    std::uint32_t length = 0;
    std::uint32_t value = 0;
    bool used = false;
  };
  std::size_t probe(std::string_view key, std::uint64_t h) const;  // slot of key or first free one
  void grow();

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t count_ = 0;
};

}  // namespace sluice::plugins::text_stats

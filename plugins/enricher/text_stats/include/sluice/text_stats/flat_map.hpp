// An open-addressing hash map from 64-bit hashes (of words, phrases) to
// values: a small array of slots pointing into a dense vector of values. No
// allocation per entry, unlike std::unordered_map, and no clearing of large
// values up front, which matters when every article builds one.
#pragma once

#include <cstdint>
#include <vector>

namespace sluice::plugins::text_stats {

template <class V>
class FlatMap {
 public:
  explicit FlatMap(std::size_t expected = 64) {
    std::size_t size = 16;
    while (size < expected * 2) size <<= 1;
    slots_.resize(size);
    keys_.reserve(expected);
    values_.reserve(expected);
  }

  // The value for `key`, default-constructed when it was absent. References
  // stay valid until the next insertion.
  V& operator[](std::uint64_t key) {
    if ((values_.size() + 1) * 2 > slots_.size()) grow();
    Slot& s = slots_[index(key)];
    if (s.value == 0) {
      keys_.push_back(key);
      values_.emplace_back();
      s = Slot{key, static_cast<std::uint32_t>(values_.size())};
    }
    return values_[s.value - 1];
  }

  const V* find(std::uint64_t key) const {
    const Slot& s = slots_[index(key)];
    return s.value == 0 ? nullptr : &values_[s.value - 1];
  }

  // fn(key, value) for every entry, in insertion order.
  template <class Fn>
  void for_each(Fn&& fn) const {
    for (std::size_t i = 0; i < values_.size(); ++i) fn(keys_[i], values_[i]);
  }

  std::size_t size() const { return values_.size(); }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;  // index into values_ + 1; 0 is an empty slot
  };

  // The slot holding `key`, or the free slot where it would go. Keys are
  // hashes already, so their bits index directly.
  std::size_t index(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(key ^ (key >> 32)) & mask;
    while (slots_[i].value != 0 && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }

  void grow() {
    slots_.assign(slots_.size() * 2, Slot{});
    for (std::size_t v = 0; v < keys_.size(); ++v)
      slots_[index(keys_[v])] = Slot{keys_[v], static_cast<std::uint32_t>(v + 1)};
  }

  std::vector<Slot> slots_;
  std::vector<std::uint64_t> keys_;
  std::vector<V> values_;
};

}  // namespace sluice::plugins::text_stats

// The items of one feed already delivered, remembered between runs so each
// is delivered once: a bounded list of item identities (hashed), oldest
// first, stored as one StateStore value per feed.
#pragma once

#include <cstddef>
#include <deque>
#include <set>
#include <string>
#include <string_view>

#include "feed_item.hpp"

namespace sluice::plugins::feed_poll {

// What identifies an item across polls: its GUID, else its link, else its
// title and date. Hashed (hex XXH3-64) so any GUID fits one line.
std::string item_identity(const feed::FeedItem& item);

class SeenItems {
 public:
  explicit SeenItems(std::size_t capacity) : capacity_(capacity) {}
  // From a stored value; an unreadable value counts as empty.
  static SeenItems decode(std::string_view value, std::size_t capacity);
  std::string encode() const;

  bool contains(const std::string& identity) const { return index_.count(identity) != 0; }
  // Remembers `identity` as the newest; the oldest beyond capacity are
  // forgotten (an item that old has left any feed of sensible length).
  void add(const std::string& identity);
  std::size_t size() const { return order_.size(); }

 private:
  std::size_t capacity_;
  std::deque<std::string> order_;
  std::set<std::string, std::less<>> index_;
};

}  // namespace sluice::plugins::feed_poll

#include "seen_items.hpp"

#include "sluice/sdk/article_id.hpp"

namespace sluice::plugins::feed_poll {

std::string item_identity(const feed::FeedItem& item) {
  const std::string key = !item.guid.empty()   ? "guid:" + item.guid
                          : !item.link.empty() ? "link:" + item.link
                                               : "title:" + item.title + "\n" + item.published_raw;
  return sdk::hex64(XXH3_64bits(key.data(), key.size()));
}

SeenItems SeenItems::decode(std::string_view value, std::size_t capacity) {
  SeenItems seen(capacity);
  while (!value.empty()) {
    const auto nl = value.find('\n');
    const std::string_view line = value.substr(0, nl);
    if (!line.empty()) seen.add(std::string(line));
    if (nl == std::string_view::npos) break;
    value.remove_prefix(nl + 1);
  }
  return seen;
}

std::string SeenItems::encode() const {
  std::string out;
  for (const auto& id : order_) {
    if (!out.empty()) out.push_back('\n');
    out += id;
  }
  return out;
}

void SeenItems::add(const std::string& identity) {
  if (contains(identity)) {
    for (auto it = order_.begin(); it != order_.end(); ++it) {
      if (*it == identity) {
        order_.erase(it);
        break;
      }
    }
  } else {
    index_.insert(identity);
  }
  order_.push_back(identity);
  while (order_.size() > capacity_) {
    index_.erase(order_.front());
    order_.pop_front();
  }
}

}  // namespace sluice::plugins::feed_poll

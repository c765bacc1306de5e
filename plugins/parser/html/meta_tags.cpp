#include "meta_tags.hpp"

#include "text_util.hpp"

namespace sluice::plugins::html {

MetaTags::MetaTags(const Dom& dom) {
  for (int i = 0; i < dom.size(); ++i) {
    if (!dom.is_element(i, GUMBO_TAG_META)) continue;
    const std::string content = clean_text(decode_entities(dom.attr(i, "content")));
    if (content.empty()) continue;
    for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
      const std::string_view key = dom.attr(i, attr);
      if (!key.empty()) content_.emplace(ascii_lower(clean_text(key)), content);
    }
  }
}

std::string MetaTags::first(std::initializer_list<std::string_view> keys) const {
  for (const std::string_view key : keys) {
    if (auto it = content_.find(key); it != content_.end()) return it->second;
  }
  return {};
}

}  // namespace sluice::plugins::html

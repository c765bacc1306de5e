// The page's <meta> tags, looked up by name.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "dom.hpp"

namespace sluice::plugins::html {

// <meta> content by lower-cased name, property, itemprop or http-equiv;
// the first occurrence of a key wins. Contents are decoded once more
// (publishers escape them twice) and white space is collapsed.
class MetaTags {
 public:
  explicit MetaTags(const Dom& dom);
  // The first non-empty content among `keys`.
  std::string first(std::initializer_list<std::string_view> keys) const;
  std::string get(std::string_view key) const { return first({key}); }

 private:
  std::map<std::string, std::string, std::less<>> content_;
};

}  // namespace sluice::plugins::html

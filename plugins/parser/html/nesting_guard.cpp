#include "nesting_guard.hpp"

#include <string>
#include <unordered_set>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Elements that never add a level: void elements, and those a sibling of
// the same kind closes (so they do not pile up).
bool is_flat(std::string_view name) {
  static const std::unordered_set<std::string_view> kFlat = {
      "area",   "base",     "br",       "col", "embed",  "hr",    "img",   "input", "link", "meta",
      "param",  "source",   "track",    "wbr", "keygen", "image", "p",     "li",    "dt",   "dd",
      "option", "optgroup", "tr",       "td",  "th",     "tbody", "thead", "tfoot", "rb",   "rt",
      "rp",     "rtc",      "colgroup", "a",   "html",   "head",  "body"};
  return kFlat.count(name) != 0;
}

bool is_raw_text(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes" || name == "noscript";
}

}  // namespace

std::size_t excessive_nesting_at(std::string_view html, int limit) {
  int depth = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::size_t tag_start = i;
    if (html.substr(i).starts_with("<!--")) {
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t k = i + (closing ? 2 : 1);
    std::string name;
    while (k < html.size() && name.size() < 16 &&
           (is_alpha(html[k]) || (!name.empty() && html[k] >= '0' && html[k] <= '9')))
      name.push_back(static_cast<char>(html[k++] | 0x20));
    i = k;
    if (name.empty()) continue;  // "<" in text, "<!DOCTYPE", "<?xml"
    if (closing) {
      if (!is_flat(name) && depth > 0) --depth;
      continue;
    }
    if (is_raw_text(name)) {
      // Skip to the matching end tag: "<div>" inside a script is no tag.
      const std::string end_tag = "</" + name;
      std::size_t end = i;
      while ((end = html.find("</", end)) != std::string_view::npos &&
             !iequals(html.substr(end, end_tag.size()), end_tag))
        end += 2;
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end;
      continue;
    }
    if (!is_flat(name) && ++depth > limit) return tag_start;
  }
  return std::string_view::npos;
}

}  // namespace sluice::plugins::html

#include "title.hpp"

#include <algorithm>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

// Separators between a headline and the site or section name.
constexpr std::string_view kSeparators[] = {
    " | ",        " - ",           " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
    " \xC2\xBB ", " \xC2\xAB ",    " \xE2\x80\xBA ", " \xE2\x80\xB9 ", " \xC2\xB7 ",
    " // ",       " \xE2\x80\xA2 "};

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Splits at the separator that occurs in `title` (the first kind found).
std::vector<std::string_view> split_parts(std::string_view title) {
  for (const std::string_view sep : kSeparators) {
    if (title.find(sep) == std::string_view::npos) continue;
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t at = title.find(sep); at != std::string_view::npos; at = title.find(sep, start)) {
      parts.push_back(title.substr(start, at - start));
      start = at + sep.size();
    }
    parts.push_back(title.substr(start));
    return parts;
  }
  return {title};
}

// Parts are views into one title: the span from the first to the last
// keeps the separators between them as written.
std::string join(const std::vector<std::string_view>& parts) {
  if (parts.empty()) return {};
  const char* begin = parts.front().data();
  const char* end = parts.back().data() + parts.back().size();
  return std::string(begin, static_cast<std::size_t>(end - begin));
}

bool contains_loosely(std::string_view haystack, std::string_view needle) {
  const std::string n = loose_key(needle);
  return !n.empty() && loose_key(haystack).find(n) != std::string::npos;
}

}  // namespace

std::string strip_site_name(std::string_view title, std::string_view site_name) {
  std::vector<std::string_view> parts = split_parts(title);
  if (parts.size() < 2) return std::string(title);
  const std::string site = loose_key(site_name);
  if (!site.empty()) {
    const auto is_site = [&](std::string_view p) {
      const std::string k = loose_key(p);
      return k == site || (k.size() >= 4 && site.find(k) != std::string::npos);
    };
    std::vector<std::string_view> rest;
    std::copy_if(parts.begin(), parts.end(), std::back_inserter(rest),
                 [&](std::string_view p) { return !is_site(p); });
    if (rest.size() != parts.size() && !rest.empty() && word_count(join(rest)) >= 2) {
      // Only the site name at an end is dropped; one in the middle is part of the headline.
      if (is_site(parts.back())) parts.pop_back();
      if (!parts.empty() && is_site(parts.front())) parts.erase(parts.begin());
      return join(parts);
    }
  }
  // No known site name: the last part is the site when it is the shorter side.
  std::vector<std::string_view> head(parts.begin(), parts.end() - 1);
  const std::string kept = join(head);
  if (word_count(kept) >= 3 && parts.back().size() < kept.size()) return kept;
  // "Site | Headline": the first part is short and the rest is long.
  std::vector<std::string_view> tail(parts.begin() + 1, parts.end());
  const std::string rest = join(tail);
  if (word_count(rest) >= 3 && parts.front().size() * 2 < rest.size()) return rest;
  return std::string(title);
}

std::string choose_title(const TitleSources& s) {
  // An <h1> that is the site's name (a logo) is no headline: it equals the
  // site name, or it is the part of <title> that strip_site_name() drops.
  const std::string stripped_document = loose_key(strip_site_name(s.document, s.site_name));
  const auto is_site = [&](const std::string& h1) {
    const std::string key = loose_key(h1);
    if (key.empty() || key == loose_key(s.site_name)) return true;
    return contains_loosely(s.document, h1) && stripped_document.find(key) == std::string::npos;
  };
  const auto is_headline = [&](const std::string& h1) {
    return !is_site(h1) && (word_count(h1) >= 2 || char_count(h1) >= 10);
  };
  for (const std::string& h1 : s.h1s) {
    if (!is_headline(h1)) continue;
    for (const std::string_view declared : {s.json_ld, s.og_title, s.document}) {
      if (contains_loosely(declared, h1)) return h1;
    }
  }
  // A single headline-like <h1> is the headline even when the declared
  // titles say something else (the site's name, a section, an SEO title).
  if (s.h1s.size() == 1 && is_headline(s.h1s.front())) return s.h1s.front();
  if (!s.json_ld.empty()) return strip_site_name(s.json_ld, s.site_name);
  if (!s.og_title.empty()) return strip_site_name(s.og_title, s.site_name);
  if (!s.document.empty()) return strip_site_name(s.document, s.site_name);
  for (const std::string& h1 : s.h1s) {
    if (!h1.empty()) return h1;
  }
  return {};
}

}  // namespace sluice::plugins::html

#include "authors.hpp"

#include <algorithm>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

constexpr std::string_view kPrefixes[] = {"by ",         "by: ",       "von ",      "von: ",    "vom ",
                                          "par ",        "por ",       "from ",     "autor: ",  "autor ",
                                          "author: ",    "authors: ",  "text: ",    "texte: ",  "redaktion: ",
                                          "written by ", "posted by ", "auteur : ", "auteur: ", "redakcja: "};
// Words that join two names.
constexpr std::string_view kJoiners[] = {" and ", " und ", " et ", " y ", " i ", " & ", " e "};

std::string_view trim(std::string_view s) {
  const std::string_view blank = " \t|-\xE2\x80\x93\xE2\x80\x94:/";
  while (!s.empty() && blank.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && blank.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

std::string_view strip_prefix(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (const std::string_view p : kPrefixes) {
      if (s.size() > p.size() && iequals(s.substr(0, p.size()), p)) {
        s = trim(s.substr(p.size()));
        again = true;
      }
    }
  }
  return s;
}

bool plausible_name(std::string_view s) {
  if (s.size() < 2 || s.size() > 80) return false;
  if (icontains(s, "http") || icontains(s, "www.") || s.find('@') != std::string_view::npos) return false;
  if (std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return std::count(s.begin(), s.end(), ' ') < 6;
}

}  // namespace

std::vector<std::string> split_authors(std::string_view byline) {
  std::string text = clean_text(byline);
  // "Jane Doe | Staff Writer": the role after a bar is not a name.
  if (const std::size_t bar = text.find(" | "); bar != std::string::npos) text.resize(bar);
  std::string_view rest = strip_prefix(trim(text));
  std::vector<std::string_view> pieces;
  while (!rest.empty()) {
    std::size_t cut = rest.size(), skip = 0;
    const auto earliest = [&](std::string_view sep) {
      if (const std::size_t at = rest.find(sep); at < cut) {
        cut = at;
        skip = sep.size();
      }
    };
    earliest(",");
    earliest(";");
    for (const std::string_view joiner : kJoiners) earliest(joiner);
    pieces.push_back(rest.substr(0, cut));
    rest = cut < rest.size() ? rest.substr(cut + skip) : std::string_view{};
  }
  std::vector<std::string> out;
  for (std::string_view p : pieces) {
    p = strip_prefix(trim(p));
    if (plausible_name(p)) add_authors(out, {std::string(p)});
  }
  return out;
}

void add_authors(std::vector<std::string>& out, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    if (name.empty()) continue;
    if (std::none_of(out.begin(), out.end(), [&](const std::string& n) { return iequals(n, name); }))
      out.push_back(name);
  }
}

}  // namespace sluice::plugins::html

#include "html_text.hpp"

#include <algorithm>
#include <array>

#include "entities.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::feed {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool name_char(char c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '-';
}

// Elements whose end or start ends a paragraph.
bool is_block(std::string_view tag) {
  static constexpr std::array<std::string_view, 36> kBlocks = {
      "address",  "article",    "aside",   "blockquote", "dd",   "details", "div", "dl", "dt",
      "fieldset", "figcaption", "figure",  "footer",     "form", "h1",      "h2",  "h3", "h4",
      "h5",       "h6",         "header",  "hr",         "li",   "main",    "nav", "ol", "p",
      "pre",      "section",    "summary", "table",      "td",   "th",      "tr",  "ul", "caption"};
  return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

// Elements whose content is not text a reader sees.
bool is_hidden(std::string_view tag) {
  static constexpr std::array<std::string_view, 9> kHidden = {
      "script", "style", "noscript", "template", "iframe", "object", "head", "title", "svg"};
  return std::find(kHidden.begin(), kHidden.end(), tag) != kHidden.end();
}

// Skips past the end of a tag that starts at s[i] == '<', honouring quoted
// attribute values (which may contain '>').
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (std::size_t j = i + 1; j < s.size(); ++j) {
    const char c = s[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return j + 1;
    }
  }
  return s.size();
}

// Text with paragraph breaks as blank lines, for sdk::text::split_paragraphs.
std::string flatten(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '&') {
      if (const std::size_t n = decode_reference(s, i, out); n != 0) {
        i += n;
        continue;
      }
      out.push_back('&');
      ++i;
      continue;
    }
    if (c != '<' || i + 1 >= s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    if (s.substr(i, 9) == "<![CDATA[") {
      const std::size_t end = s.find("]]>", i + 9);
      const std::size_t stop = end == std::string_view::npos ? s.size() : end;
      out.append(s.substr(i + 9, stop - i - 9));
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    const bool closing = s[i + 1] == '/';
    const std::size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= s.size() ||
        !(name_char(s[name_start]) || s[name_start] == '!' || s[name_start] == '?')) {
      out.push_back('<');  // "a < b" is text
      ++i;
      continue;
    }
    std::size_t name_end = name_start;
    std::string name;
    while (name_end < s.size() && name_char(s[name_end])) name.push_back(lower(s[name_end++]));
    // Namespaced XHTML ("h:p") reads like plain HTML.
    if (const std::size_t colon = name.rfind(':'); colon != std::string::npos) name.erase(0, colon + 1);
    i = tag_end(s, i);
    if (!closing && is_hidden(name)) {
      const std::string close = "</" + name;
      std::size_t j = i;
      while (j < s.size()) {
        j = s.find("</", j);
        if (j == std::string_view::npos) break;
        std::size_t k = 0;
        while (k < close.size() && j + k < s.size() && lower(s[j + k]) == close[k]) ++k;
        if (k == close.size()) break;
        j += 2;
      }
      i = j == std::string_view::npos ? s.size() : tag_end(s, j);
      continue;
    }
    if (name == "br")
      out.push_back('\n');
    else if (is_block(name))
      out += "\n\n";
    else if (!out.empty() && name == "img")
      out.push_back(' ');
  }
  return out;
}

}  // namespace

std::vector<std::string> html_paragraphs(std::string_view html) {
  return sdk::text::split_paragraphs(flatten(html));
}

std::string html_line(std::string_view html) { return sdk::text::collapse_whitespace(flatten(html)); }

}  // namespace sluice::plugins::feed

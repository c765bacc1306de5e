#include "json_ld.hpp"

#include <simdjson.h>

#include <map>
#include <string_view>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Nesting levels of @graph / mainEntity / arrays worth looking into.
constexpr int kMaxDepth = 6;

bool is_article_type(std::string_view type) {
  return type.ends_with("Article") || type == "BlogPosting" || type == "LiveBlogPosting" ||
         type == "SocialMediaPosting" || type == "Report" || type == "DiscussionForumPosting";
}

bool is_page_type(std::string_view type) { return type.ends_with("Page"); }

// Whether the object's @type (a string or a list of strings) passes `test`.
template <class Test>
bool has_type(element object, Test test) {
  element type;
  if (object["@type"].get(type) != simdjson::SUCCESS) return false;
  if (type.is_string()) return test(type.get_string().value_unsafe());
  if (type.is_array()) {
    for (element t : simdjson::dom::array(type)) {
      if (t.is_string() && test(t.get_string().value_unsafe())) return true;
    }
  }
  return false;
}

std::string string_field(element object, std::string_view key) {
  std::string_view s;
  if (object[key].get_string().get(s) == simdjson::SUCCESS) return clean_text(decode_entities(s));
  return {};
}

// A name from a string or an object with "name"; lists give their first.
std::string name_of(element e) {
  if (e.is_string()) return clean_text(decode_entities(e.get_string().value_unsafe()));
  if (e.is_object()) return string_field(e, "name");
  if (e.is_array()) {
    for (element item : simdjson::dom::array(e)) {
      if (std::string n = name_of(item); !n.empty()) return n;
    }
  }
  return {};
}

// Names of the graph's people and organisations by "@id": Yoast and
// others write the author as a reference {"@id": ".../#/schema/person/1"}.
using Names = std::map<std::string, std::string, std::less<>>;

void collect_names(element e, int depth, Names& names) {
  if (depth > kMaxDepth) return;
  if (e.is_array()) {
    for (element item : simdjson::dom::array(e)) collect_names(item, depth + 1, names);
    return;
  }
  if (!e.is_object()) return;
  std::string_view id;
  if (e["@id"].get_string().get(id) == simdjson::SUCCESS) {
    if (std::string name = string_field(e, "name"); !name.empty())
      names.emplace(std::string(id), std::move(name));
  }
  element graph;
  if (e["@graph"].get(graph) == simdjson::SUCCESS) collect_names(graph, depth + 1, names);
}

void read_authors(element object, JsonLdArticle& article, const Names& names) {
  std::vector<std::string>& out = article.authors;
  element author;
  if (object["author"].get(author) != simdjson::SUCCESS) return;
  std::vector<element> items;
  if (author.is_array()) {
    for (element a : simdjson::dom::array(author)) items.push_back(a);
  } else {
    items.push_back(author);
  }
  std::vector<std::string> people, organisations;
  for (element a : items) {
    std::string name = name_of(a);
    std::string_view id;
    if (name.empty() && a.is_object() && a["@id"].get_string().get(id) == simdjson::SUCCESS) {
      if (const auto it = names.find(id); it != names.end()) name = it->second;
    }
    if (name.empty()) continue;
    const bool organisation = a.is_object() && has_type(a, [](std::string_view t) {
                                return t == "Organization" || t == "NewsMediaOrganization";
                              });
    (organisation ? organisations : people).push_back(std::move(name));
  }
  out = people.empty() ? std::move(organisations) : std::move(people);
}

void read_image(element object, JsonLdArticle& out) {
  element image;
  if (object["image"].get(image) != simdjson::SUCCESS) return;
  if (image.is_array()) {
    element first;
    if (image.at(0).get(first) != simdjson::SUCCESS) return;
    image = first;
  }
  if (!image.is_object()) return;
  out.image_caption = string_field(image, "caption");
  out.image_credit = string_field(image, "creditText");
  if (out.image_credit.empty()) {
    element holder;
    if (image["copyrightHolder"].get(holder) == simdjson::SUCCESS) out.image_credit = name_of(holder);
  }
}

void read_article(element object, JsonLdArticle& out, const Names& names) {
  out.found = true;
  out.headline = string_field(object, "headline");
  if (out.headline.empty()) out.headline = string_field(object, "name");
  out.date_published = string_field(object, "datePublished");
  if (out.date_published.empty()) out.date_published = string_field(object, "dateCreated");
  out.date_modified = string_field(object, "dateModified");
  std::string_view body;
  if (object["articleBody"].get_string().get(body) == simdjson::SUCCESS) out.article_body = std::string(body);
  if (out.article_body.empty() && object["text"].get_string().get(body) == simdjson::SUCCESS)
    out.article_body = std::string(body);
  out.language = string_field(object, "inLanguage");
  read_authors(object, out, names);
  read_image(object, out);
}

// Depth-first search for the first article object; remembers the first
// page object on the way.
bool find_article(element e, int depth, const Names& names, JsonLdArticle& out, JsonLdArticle& page) {
  if (depth > kMaxDepth) return false;
  if (e.is_array()) {
    for (element item : simdjson::dom::array(e)) {
      if (find_article(item, depth + 1, names, out, page)) return true;
    }
    return false;
  }
  if (!e.is_object()) return false;
  if (has_type(e, is_article_type)) {
    read_article(e, out, names);
    return true;
  }
  if (!page.found && has_type(e, is_page_type)) read_article(e, page, names);
  for (const std::string_view key : {"@graph", "mainEntity", "mainEntityOfPage"}) {
    element inner;
    if (e[key].get(inner) == simdjson::SUCCESS && find_article(inner, depth + 1, names, out, page))
      return true;
  }
  return false;
}

// Script text without HTML comment or CDATA wrappers. Raw control
// characters, which many sites leave inside strings, are escaped there
// ("\n" keeps the paragraph break it was) and become spaces elsewhere.
std::string json_text(std::string_view raw) {
  std::string s;
  s.reserve(raw.size());
  bool in_string = false, escaped = false;
  for (const char c : raw) {
    if (static_cast<unsigned char>(c) < 0x20) {
      if (in_string)
        s += c == '\n' ? "\\n" : c == '\t' ? "\\t" : " ";
      else
        s.push_back(' ');
      escaped = false;
      continue;
    }
    s.push_back(c);
    if (in_string && !escaped && c == '"')
      in_string = false;
    else if (!in_string && c == '"')
      in_string = true;
    escaped = in_string && !escaped && c == '\\';
  }
  for (const std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (const std::size_t at = s.find(open); at != std::string::npos && s.find_first_not_of(' ') == at)
      s.erase(0, at + open.size());
  }
  for (const std::string_view close : {"-->", "//]]>", "]]>"}) {
    const std::size_t end = s.find_last_not_of(' ');
    if (end != std::string::npos && std::string_view(s).substr(0, end + 1).ends_with(close))
      s.erase(end + 1 - close.size());
  }
  return s;
}

bool is_json_ld_script(const Dom& dom, int i) {
  return dom.is_element(i, GUMBO_TAG_SCRIPT) && icontains(dom.attr(i, "type"), "ld+json");
}

}  // namespace

JsonLdArticle read_json_ld(const Dom& dom) {
  std::vector<std::string> scripts;
  for (int i = 0; i < dom.size(); ++i) {
    if (!is_json_ld_script(dom, i)) continue;
    std::string raw;
    for (int t = i + 1; t < dom[i].end; ++t) raw += dom[t].text;
    scripts.push_back(json_text(raw));
  }
  // Two passes: a reference may point into a later script.
  simdjson::dom::parser parser;
  Names names;
  for (const std::string& text : scripts) {
    element root;
    if (parser.parse(text).get(root) == simdjson::SUCCESS) collect_names(root, 0, names);
  }
  JsonLdArticle article, page;
  for (const std::string& text : scripts) {
    element root;
    if (parser.parse(text).get(root) == simdjson::SUCCESS && find_article(root, 0, names, article, page))
      break;
  }
  if (!article.found) return page;
  // A page object may carry what the article object left out.
  if (article.date_published.empty()) article.date_published = page.date_published;
  if (article.date_modified.empty()) article.date_modified = page.date_modified;
  if (article.language.empty()) article.language = page.language;
  return article;
}

}  // namespace sluice::plugins::html

#include "page_authors.hpp"

#include "authors.hpp"
#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

constexpr std::string_view kAuthorKeys[] = {"author",
                                            "article:author",
                                            "byl",
                                            "dc.creator",
                                            "dc:creator",
                                            "dcterms.creator",
                                            "dcterms:creator",
                                            "sailthru.author",
                                            "parsely-author",
                                            "cxenseparse:author",
                                            "shareaholic:article_author_name"};

// A class list naming a byline: a word (split at '-', '_', ' ') that is
// one of these.
bool is_byline_class(std::string_view cls) {
  const std::string c = ascii_lower(cls);
  std::size_t start = 0;
  while (start < c.size()) {
    std::size_t end = c.find_first_of(" -_\t\n", start);
    if (end == std::string::npos) end = c.size();
    const std::string_view word = std::string_view(c).substr(start, end - start);
    for (const std::string_view w :
         {"author", "authors", "autor", "auteur", "byline", "byl", "writer", "verfasser"}) {
      if (word == w) return true;
    }
    start = end + 1;
  }
  return false;
}

// Bylines are small; bigger elements are author boxes or whole articles.
constexpr int kMaxBylineNodes = 40;

bool links_to_author_page(std::string_view href) {
  return icontains(href, "/author/") || icontains(href, "/autor/") || icontains(href, "/authors/") ||
         icontains(href, "/autoren/") || icontains(href, "/auteur/");
}

std::vector<std::string> markup_authors(const Dom& dom, const std::vector<char>& furniture) {
  std::vector<std::string> out;
  for (int i = 0; i < dom.size(); ++i) {
    if (dom[i].kind != NodeKind::Element || dom[i].tag == GUMBO_TAG_META) continue;
    if (is_never_text(dom[i].tag)) {
      i = dom[i].end - 1;
      continue;
    }
    const bool itemprop = iequals(dom.attr(i, "itemprop"), "author");
    const bool marked = itemprop || iequals(dom.attr(i, "rel"), "author") ||
                        (dom.is_element(i, GUMBO_TAG_A) && links_to_author_page(dom.attr(i, "href")));
    if (!marked && !is_byline_class(dom.attr(i, "class"))) continue;
    if (!itemprop && furniture[static_cast<std::size_t>(i)]) continue;
    if (dom[i].end - i > kMaxBylineNodes) continue;  // an author box with a biography, a whole article
    // itemprop=author often wraps a Person whose itemprop=name is the name.
    int name_node = i;
    for (int k = i + 1; itemprop && k < dom[i].end; ++k) {
      if (iequals(dom.attr(k, "itemprop"), "name")) {
        name_node = k;
        break;
      }
    }
    const std::string text = dom.is_element(name_node, GUMBO_TAG_META)
                                 ? clean_text(dom.attr(name_node, "content"))
                                 : inner_text(dom, name_node);
    if (text.size() > 150) continue;
    add_authors(out, split_authors(text));
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace

std::vector<std::string> find_authors(const Dom& dom, const std::vector<char>& furniture,
                                      const MetaTags& meta, const JsonLdArticle& json_ld) {
  std::vector<std::string> out;
  for (const auto& a : json_ld.authors) add_authors(out, split_authors(a));
  if (!out.empty()) return out;
  for (const std::string_view key : kAuthorKeys) {
    add_authors(out, split_authors(meta.get(key)));
    if (!out.empty()) return out;
  }
  return markup_authors(dom, furniture);
}

}  // namespace sluice::plugins::html

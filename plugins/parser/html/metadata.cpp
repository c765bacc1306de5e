#include "metadata.hpp"

#include "caption.hpp"
#include "meta_tags.hpp"
#include "page_authors.hpp"
#include "page_dates.hpp"
#include "text_util.hpp"
#include "title.hpp"

namespace sluice::plugins::html {
namespace {

std::string document_title(const Dom& dom) {
  for (int i = 0; i < dom.size(); ++i) {
    if (dom.is_element(i, GUMBO_TAG_TITLE)) {
      std::string text;
      for (int t = i + 1; t < dom[i].end; ++t) text += dom[t].text;
      return clean_text(decode_entities(text));
    }
    if (dom.is_element(i, GUMBO_TAG_SVG)) i = dom[i].end - 1;  // <title> of an icon
  }
  return {};
}

std::vector<std::string> headings(const Dom& dom, const std::vector<char>& furniture) {
  std::vector<std::string> out;
  for (int i = 0; i < dom.size(); ++i) {
    if (!dom.is_element(i, GUMBO_TAG_H1) || furniture[static_cast<std::size_t>(i)]) continue;
    if (std::string text = inner_text(dom, i); !text.empty()) out.push_back(std::move(text));
  }
  return out;
}

std::string read_language(const Dom& dom, const MetaTags& meta, const JsonLdArticle& ld) {
  for (const std::string_view tag : {dom.attr(0, "lang"), dom.attr(0, "xml:lang")}) {
    if (std::string code = language_code(tag); !code.empty()) return code;
  }
  for (const std::string& tag :
       {meta.first({"content-language", "language", "dc.language"}), meta.get("og:locale"), ld.language}) {
    if (std::string code = language_code(tag); !code.empty()) return code;
  }
  return {};
}

}  // namespace

std::string language_code(std::string_view tag) {
  std::string code;
  for (const char c : tag) {
    if (c == '-' || c == '_') break;
    if ((c | 0x20) < 'a' || (c | 0x20) > 'z') return {};
    code.push_back(static_cast<char>(c | 0x20));
  }
  return code.size() == 2 || code.size() == 3 ? code : std::string();
}

PageMetadata read_metadata(const Dom& dom, const std::vector<Hint>& hints, const JsonLdArticle& ld) {
  const MetaTags meta(dom);
  const std::vector<char> furniture = mark_furniture(dom, hints);
  PageMetadata out;
  const std::string og_title = meta.first({"og:title", "twitter:title"});
  const std::string doc_title = document_title(dom);
  const std::string site = meta.first({"og:site_name", "application-name", "al:ios:app_name"});
  out.title = choose_title({og_title, ld.headline, doc_title, site, headings(dom, furniture)});
  PublishedDate date = find_published(dom, furniture, meta, ld);
  out.published = std::move(date.iso);
  out.published_raw = std::move(date.raw);
  out.authors = find_authors(dom, furniture, meta, ld);
  Caption caption = lead_caption(dom, furniture);
  if (caption.caption.empty() && caption.credit.empty()) caption = {ld.image_caption, ld.image_credit};
  out.caption = std::move(caption.caption);
  out.credit = std::move(caption.credit);
  out.language = read_language(dom, meta, ld);
  return out;
}

}  // namespace sluice::plugins::html

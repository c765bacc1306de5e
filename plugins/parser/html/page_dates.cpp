#include "page_dates.hpp"

#include "dates.hpp"
#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

constexpr std::string_view kPublishedKeys[] = {"article:published_time",
                                               "og:article:published_time",
                                               "article.published",
                                               "datepublished",
                                               "publishdate",
                                               "publish-date",
                                               "publish_date",
                                               "pubdate",
                                               "publication_date",
                                               "sailthru.date",
                                               "parsely-pub-date",
                                               "dc.date.issued",
                                               "dcterms.issued",
                                               "dcterms:issued",
                                               "dcterms.date",
                                               "dcterms:date",
                                               "dc.date",
                                               "dc:date",
                                               "dcterms.created",
                                               "dcterms:created",
                                               "dc.date.created",
                                               "dc:created",
                                               "date",
                                               "og:published_time",
                                               "published_time",
                                               "article:published",
                                               "cxenseparse:recs:publishtime"};

constexpr std::string_view kModifiedKeys[] = {"article:modified_time", "og:updated_time",  "datemodified",
                                              "dcterms.modified",      "dcterms:modified", "last-modified"};

// RDFa/microdata properties that mark a publication date in the body.
bool is_date_property(std::string_view value) {
  const std::string v = ascii_lower(value);
  return v.find("datepublished") != std::string::npos || v.find("dc:date") != std::string::npos ||
         v.find("dc:created") != std::string::npos || v.find("dcterms:created") != std::string::npos ||
         v.find("published_time") != std::string::npos;
}

// Words that introduce a publication date in a line of text.
bool says_published(std::string_view text) {
  const std::string lower = ascii_lower(text);
  for (const std::string_view w :
       {"published", "posted",
        "ver\xC3\xB6"
        "ffentlicht",
        "erschienen", "publi\xC3\xA9", "publicado", "opublikowano", "aktualisiert", "updated", "stand:"}) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// A date line is a small element: reading the text of big containers
// that happen to carry a date-like class would cost time for nothing.
constexpr int kMaxDateNodes = 40;

// A date written in an attribute (datetime, content) or else as text.
std::string element_date(const Dom& dom, int i) {
  for (const char* attr : {"datetime", "content"}) {
    if (std::string v = clean_text(dom.attr(i, attr)); !v.empty()) return v;
  }
  if (dom[i].end - i > kMaxDateNodes) return {};
  std::string text = inner_text(dom, i);
  return text.size() <= 120 ? text : std::string();
}

// Whether the element has a non-blank text node of its own.
bool has_own_text(const Dom& dom, int i) {
  for (int k = i + 1; k < dom[i].end; k = dom[k].end) {
    if (dom[k].kind == NodeKind::Text && !clean_text(dom[k].text).empty()) return true;
  }
  return false;
}

bool has_date_class(std::string_view cls) {
  const std::string c = ascii_lower(cls);
  for (const std::string_view w : {"date", "publish", "time", "dateline"}) {
    if (c.find(w) != std::string::npos) return true;
  }
  return false;
}

// A date string and whether the page declared it as a date (metadata,
// markup) rather than us finding it in text: only declared strings are
// kept as published_raw when they cannot be read.
struct Candidate {
  std::string text;
  bool declared = true;
};

// Candidate dates in the markup, most trustworthy first.
std::vector<Candidate> markup_dates(const Dom& dom, const std::vector<char>& furniture) {
  std::vector<Candidate> marked, time_published, time_any, classed, lines;
  for (int i = 0; i < dom.size(); ++i) {
    if (dom[i].kind != NodeKind::Element || dom[i].tag == GUMBO_TAG_META) continue;
    if (is_never_text(dom[i].tag)) {
      i = dom[i].end - 1;
      continue;
    }
    if (is_date_property(dom.attr(i, "itemprop")) || is_date_property(dom.attr(i, "property"))) {
      marked.push_back({element_date(dom, i)});
    }
    if (furniture[static_cast<std::size_t>(i)]) continue;
    const std::string_view cls = dom.attr(i, "class");
    if (dom[i].tag == GUMBO_TAG_TIME) {
      const bool published = dom.has_attr(i, "pubdate") || icontains(cls, "publish");
      (published ? time_published : time_any).push_back({element_date(dom, i)});
    } else if (has_date_class(cls)) {
      classed.push_back({element_date(dom, i), false});
    } else if ((dom[i].tag == GUMBO_TAG_P || dom[i].tag == GUMBO_TAG_SPAN || dom[i].tag == GUMBO_TAG_DIV) &&
               dom[i].end - i <= kMaxDateNodes && has_own_text(dom, i)) {
      std::string text = inner_text(dom, i);
      if (text.size() <= 100 && says_published(text)) lines.push_back({std::move(text), false});
    }
  }
  std::vector<Candidate> out;
  for (auto* list : {&marked, &time_published, &time_any, &classed, &lines})
    out.insert(out.end(), list->begin(), list->end());
  return out;
}

// "https://example.com/2023/07/29/slug" or ".../2023-07-29/slug".
std::string url_date(std::string_view url) {
  for (std::size_t i = 0; i + 11 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    const std::string_view part = url.substr(i + 1, 10);
    const auto digits = [&](std::size_t from, std::size_t n) {
      for (std::size_t k = from; k < from + n; ++k) {
        if (part[k] < '0' || part[k] > '9') return false;
      }
      return true;
    };
    const char sep = part[4];
    if ((sep == '/' || sep == '-') && part[7] == sep && digits(0, 4) && digits(5, 2) && digits(8, 2)) {
      std::string iso(part);
      iso[4] = iso[7] = '-';
      return iso;
    }
  }
  return {};
}

std::string canonical_url(const Dom& dom, const MetaTags& meta) {
  for (int i = 0; i < dom.size(); ++i) {
    if (dom.is_element(i, GUMBO_TAG_LINK) && iequals(dom.attr(i, "rel"), "canonical"))
      return std::string(dom.attr(i, "href"));
  }
  return meta.get("og:url");
}

}  // namespace

PublishedDate find_published(const Dom& dom, const std::vector<char>& furniture, const MetaTags& meta,
                             const JsonLdArticle& json_ld) {
  std::vector<Candidate> candidates;
  for (const std::string_view key : kPublishedKeys) candidates.push_back({meta.get(key)});
  candidates.push_back({json_ld.date_published});
  for (Candidate& c : markup_dates(dom, furniture)) candidates.push_back(std::move(c));
  candidates.push_back({url_date(canonical_url(dom, meta)), false});
  for (const std::string_view key : kModifiedKeys) candidates.push_back({meta.get(key)});
  candidates.push_back({json_ld.date_modified});

  PublishedDate out;
  for (const Candidate& c : candidates) {
    if (c.text.empty()) continue;
    if (auto iso = normalize_page_date(c.text)) {
      out.iso = std::move(*iso);
      out.raw = c.text;
      return out;
    }
    // Kept so the operator sees what the page said, even when unreadable.
    if (out.raw.empty() && c.declared) out.raw = c.text;
  }
  return out;
}

}  // namespace sluice::plugins::html

#include "item_readers.hpp"

#include <algorithm>

#include "html_text.hpp"
#include "links.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::feed {
namespace {

using sdk::text::collapse_whitespace;
using V = Vocabulary;

bool is(const xmlNode* n, V vocabulary_wanted, std::string_view name) {
  return vocabulary(n) == vocabulary_wanted && local_name(n) == name;
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (value.empty() || std::find(list.begin(), list.end(), value) != list.end()) return;
  list.push_back(std::move(value));
}

// Body text of an RSS element: escaped or CDATA HTML (the usual), or HTML
// pasted in unescaped, which XML sees as child elements.
std::vector<std::string> rss_html(const xmlNode* n) {
  return html_paragraphs(has_element_children(n) ? inner_xml(n) : text_of(n));
}

// Atom text constructs say what they hold in `type`.
std::vector<std::string> atom_text(const xmlNode* n) {
  const std::string type = attribute(n, "type");
  if (type == "xhtml") return html_paragraphs(inner_xml(n));
  if (type == "html" || type == "text/html") return html_paragraphs(text_of(n));
  if (has_element_children(n)) return html_paragraphs(inner_xml(n));  // unmarked markup
  return sdk::text::split_paragraphs(text_of(n));
}

std::string atom_line(const xmlNode* n) {
  std::string out;
  for (const auto& p : atom_text(n)) {
    if (!out.empty()) out.push_back(' ');
    out += p;
  }
  return out;
}

// "jane@example.com (Jane Roe)" is how RSS 2.0 wants authors written; the
// name is what a reader wants.
std::string rss_author(std::string_view raw) {
  std::string s = collapse_whitespace(raw);
  const std::size_t open = s.find('(');
  if (open != std::string::npos && s.back() == ')' && s.substr(0, open).find('@') != std::string::npos) {
    return collapse_whitespace(std::string_view(s).substr(open + 1, s.size() - open - 2));
  }
  return s;
}

std::string resolved(const XmlDocument& doc, const xmlNode* at, const std::string& link) {
  return resolve_link(collapse_whitespace(link), doc.base(at));
}

// An Atom link that points at the article: rel "alternate" or none, and
// HTML when the feed offers several.
bool is_alternate(const xmlNode* link) {
  const std::string rel = attribute(link, "rel");
  return rel.empty() || rel == "alternate";
}

}  // namespace

FeedInfo read_rss_channel(const xmlNode* channel) {
  FeedInfo info;
  if (channel == nullptr) return info;
  for (const xmlNode* c = first_element(channel); c != nullptr; c = next_element(c)) {
    if (is(c, V::Core, "title") && info.title.empty())
      info.title = html_line(text_of(c));
    else if (is(c, V::Core, "link") && info.link.empty())
      info.link = collapse_whitespace(text_of(c));
    else if (is(c, V::Atom, "link") && info.link.empty() && is_alternate(c))
      info.link = attribute(c, "href");
    else if (is(c, V::Atom, "link") && attribute(c, "rel") == "self")
      info.self_link = attribute(c, "href");
    else if ((is(c, V::Core, "language") || is(c, V::DublinCore, "language")) && info.language.empty())
      info.language = collapse_whitespace(text_of(c));
  }
  return info;
}

FeedItem read_rss_item(const XmlDocument& doc, const xmlNode* item) {
  FeedItem it;
  it.line = line_of(item);
  it.guid = attribute(item, "about");  // RDF items name themselves
  std::string dc_title, atom_link, dc_date, atom_published, atom_updated;
  bool guid_is_permalink = true;
  for (const xmlNode* c = first_element(item); c != nullptr; c = next_element(c)) {
    const V v = vocabulary(c);
    const std::string_view name = local_name(c);
    if (v == V::Core && name == "title")
      it.title = html_line(text_of(c));
    else if (v == V::DublinCore && name == "title")
      dc_title = html_line(text_of(c));
    else if (v == V::Core && name == "link")
      it.link = resolved(doc, c, text_of(c));
    else if (v == V::Atom && name == "link" && is_alternate(c) && atom_link.empty())
      atom_link = resolved(doc, c, attribute(c, "href"));
    else if (v == V::Core && name == "guid") {
      it.guid = collapse_whitespace(text_of(c));
      guid_is_permalink = attribute(c, "isPermaLink") != "false";
    } else if (v == V::Core && name == "description")
      it.summary = rss_html(c);
    else if (v == V::Content && name == "encoded")
      it.content = rss_html(c);
    else if (v == V::ITunes && name == "summary" && it.summary.empty())
      it.summary = rss_html(c);
    else if (v == V::Core && name == "pubDate")
      it.published_raw = collapse_whitespace(text_of(c));
    else if (v == V::DublinCore && (name == "date" || name == "created" || name == "issued") &&
             dc_date.empty())
      dc_date = collapse_whitespace(text_of(c));
    else if (v == V::Atom && name == "published")
      atom_published = collapse_whitespace(text_of(c));
    else if (v == V::Atom && name == "updated")
      atom_updated = collapse_whitespace(text_of(c));
    else if (v == V::Core && name == "author")
      add_unique(it.authors, rss_author(text_of(c)));
    else if (v == V::DublinCore && (name == "creator" || name == "contributor"))
      add_unique(it.authors, html_line(text_of(c)));
    else if (v == V::ITunes && name == "author" && it.authors.empty())
      add_unique(it.authors, html_line(text_of(c)));
    else if ((v == V::Core && name == "category") || (v == V::DublinCore && name == "subject"))
      add_unique(it.categories, collapse_whitespace(text_of(c)));
  }
  if (it.title.empty()) it.title = dc_title;
  if (it.link.empty()) it.link = atom_link;
  // RSS 2.0: a guid is the item's permalink unless it says otherwise.
  if (it.link.empty() && guid_is_permalink && is_web_url(it.guid)) it.link = it.guid;
  for (const std::string* date : {&dc_date, &atom_published, &atom_updated}) {
    if (it.published_raw.empty()) it.published_raw = *date;
  }
  it.language = language_of(item);
  return it;
}

FeedInfo read_atom_feed(const xmlNode* feed) {
  FeedInfo info;
  info.language = language_of(feed);
  for (const xmlNode* c = first_element(feed); c != nullptr; c = next_element(c)) {
    if (vocabulary(c) != V::Atom && vocabulary(c) != V::Core) continue;
    const std::string_view name = local_name(c);
    if (name == "title" && info.title.empty())
      info.title = atom_line(c);
    else if (name == "link" && is_alternate(c) && info.link.empty())
      info.link = attribute(c, "href");
    else if (name == "link" && attribute(c, "rel") == "self")
      info.self_link = attribute(c, "href");
    else if (name == "author") {
      for (const xmlNode* a = first_element(c); a != nullptr; a = next_element(a)) {
        if (local_name(a) == "name") add_unique(info.authors, collapse_whitespace(text_of(a)));
      }
    }
  }
  return info;
}

FeedItem read_atom_entry(const XmlDocument& doc, const xmlNode* entry, const FeedInfo& feed) {
  FeedItem it;
  it.line = line_of(entry);
  std::string updated;
  bool link_is_html = false;
  for (const xmlNode* c = first_element(entry); c != nullptr; c = next_element(c)) {
    const V v = vocabulary(c);
    const std::string_view name = local_name(c);
    if (v == V::DublinCore && name == "creator") add_unique(it.authors, html_line(text_of(c)));
    if (v != V::Atom && v != V::Core) continue;
    if (name == "title")
      it.title = atom_line(c);
    else if (name == "link" && is_alternate(c)) {
      // The first alternate, unless a later one is the HTML page.
      const bool html = attribute(c, "type").empty() || attribute(c, "type") == "text/html";
      if (it.link.empty() || (html && !link_is_html)) {
        it.link = resolved(doc, c, attribute(c, "href"));
        link_is_html = html;
      }
    } else if (name == "id")
      it.guid = collapse_whitespace(text_of(c));
    else if (name == "published" || name == "issued")
      it.published_raw = collapse_whitespace(text_of(c));
    else if (name == "updated" || name == "modified")
      updated = collapse_whitespace(text_of(c));
    else if (name == "author") {
      for (const xmlNode* a = first_element(c); a != nullptr; a = next_element(a)) {
        if (local_name(a) == "name") add_unique(it.authors, collapse_whitespace(text_of(a)));
      }
    } else if (name == "summary")
      it.summary = atom_text(c);
    else if (name == "content" && attribute(c, "src").empty())
      it.content = atom_text(c);
    else if (name == "category") {
      std::string label = attribute(c, "label");
      add_unique(it.categories, collapse_whitespace(label.empty() ? attribute(c, "term") : label));
    }
  }
  if (it.published_raw.empty()) it.published_raw = updated;
  // Atom: entries without an author inherit the feed's.
  if (it.authors.empty()) it.authors = feed.authors;
  it.language = language_of(entry);
  return it;
}

}  // namespace sluice::plugins::feed

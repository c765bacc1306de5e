#include "class_hints.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

// Class lists at least this long are taxonomy listings (see classify_elements).
constexpr std::size_t kTermListClasses = 8;

// Kinds of words found in class names and ids.
enum class Word : std::uint8_t {
  Unknown,  // a value ("politics", "john-smith") or a word we have no opinion on
  Filler,   // "wrapper", "box", "left": says nothing about the content
  Positive,
  Weak,
  Metadata,
  Layout,
  Boilerplate,
  Comments,
  Credit,  // a caption or credit: Metadata that is cut even inside a paragraph
  Header,  // Layout, but possibly the article's own header
};

using WordTable = std::unordered_map<std::string_view, Word>;

// Whole words. Several languages: the pages are German, French, Polish ...
const WordTable& words() {
  static const WordTable table = [] {
    WordTable t;
    for (std::string_view w :
         {"article", "artikel", "content",  "contents", "contenu",  "contenido", "inhalt", "entry",
          "post",    "beitrag", "story",    "body",     "main",     "text",      "txt",    "blog",
          "hentry",  "prose",   "richtext", "detail",   "fulltext", "copy",      "tresc"})
      t.emplace(w, Word::Positive);
    for (std::string_view w :
         {"area",    "section",   "wrapper",   "wrap",    "container", "cont",    "box",   "block",
          "inner",   "outer",     "holder",    "module",  "panel",     "region",  "zone",  "bar",
          "list",    "items",     "item",      "row",     "col",       "column",  "grid",  "group",
          "part",    "component", "element",   "unit",    "card",      "layer",   "view",  "placeholder",
          "slot",    "label",     "icon",      "icons",   "button",    "buttons", "btn",   "count",
          "counter", "form",      "title",     "heading", "link",      "left",    "right", "top",
          "bottom",  "primary",   "secondary", "default", "desktop",   "mobile",  "small", "large",
          "full",    "widget",    "widgets",   "plugin",  "tools",     "tool",    "site",  "page",
          "global",  "fixed",     "sticky",    "simple",  "dark",      "light",   "v2",    "new",
          "old"})
      t.emplace(w, Word::Filler);
    for (std::string_view w :
         {"more",      "teaser",  "teasers",   "extra",      "links",     "community", "external",
          "shop",      "utility", "utilities", "partner",    "partners",  "affiliate", "aside",
          "info",      "infobox", "highlight", "highlights", "trending",  "popular",   "mostread",
          "carousel",  "slider",  "slide",     "slides",     "slideshow", "swiper",    "owl",
          "offcanvas", "ticker",  "marquee",   "teaserbox",  "gallery"})
      t.emplace(w, Word::Weak);
    for (std::string_view w :
         {"byline", "bylines", "author", "authors", "autor", "auteur", "meta", "metadata", "dateline", "date",
          "time", "timestamp", "published", "pubdate", "updated", "kicker", "breadcrumb", "breadcrumbs"})
      t.emplace(w, Word::Metadata);
    for (std::string_view w : {"caption", "captions", "credit", "credits", "copyright", "bildunterschrift",
                               "bildnachweis", "bildquelle", "photocredit", "legende"})
      t.emplace(w, Word::Credit);
    for (std::string_view w : {"disqus", "discussion", "respond", "reply", "replies", "comments", "comment"})
      t.emplace(w, Word::Comments);
    t.emplace("header", Word::Header);
    for (std::string_view w :
         {"footer", "sidebar",  "nav",       "navi",      "navigation", "navbar",  "menu",
          "menus",  "submenu",  "megamenu",  "masthead",  "topbar",     "toolbar", "sitemap",
          "skip",   "skiplink", "skiplinks", "backtotop", "totop",      "gotop"})
      t.emplace(w, Word::Layout);
    for (std::string_view w :
         {"ad",         "ads",         "adv",       "adslot",     "adunit",  "gpt",           "dfp",
          "anzeige",    "anzeigen",    "werbung",   "banner",     "related", "promo",         "promos",
          "promoted",   "promotion",   "sponsored", "cookie",     "cookies", "consent",       "gdpr",
          "newsletter", "newsletters", "signup",    "login",      "logon",   "register",      "popup",
          "modal",      "overlay",     "outbrain",  "taboola",    "tags",    "tag",           "tagcloud",
          "keywords",   "rating",      "ratings",   "vote",       "voting",  "poll",          "rss",
          "pagination", "pager",       "paging",    "follow",     "recirc",  "recirculation", "upsell",
          "donate",     "donation",    "abo",       "categories", "subnav",  "socials",       "sharing",
          "shares"})
      t.emplace(w, Word::Boilerplate);
    return t;
  }();
  return table;
}

// Word beginnings: "comment" covers comments, commentlist, commenting ...
struct Prefix {
  std::string_view text;
  Word kind;
};
constexpr Prefix kPrefixes[] = {
    {"comment", Word::Comments},    {"kommentar", Word::Comments},     {"komentarz", Word::Comments},
    {"comentario", Word::Comments}, {"share", Word::Boilerplate},      {"social", Word::Boilerplate},
    {"advert", Word::Boilerplate},  {"sponsor", Word::Boilerplate},    {"recommend", Word::Boilerplate},
    {"subscri", Word::Boilerplate}, {"newsletter", Word::Boilerplate}, {"cookie", Word::Boilerplate},
    {"related", Word::Boilerplate}, {"breadcrumb", Word::Metadata},    {"navigation", Word::Layout},
};

// First words that make a class name a state ("has-sidebar", "is-open"):
// the rest describes the page's state, not this element.
bool is_state_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kState = {
      "has",      "no",       "with", "without", "is",   "js",    "show",   "enable",   "enabled", "disable",
      "disabled", "supports", "can",  "should",  "lang", "theme", "layout", "template", "not"};
  return kState.count(w) != 0;
}

// First words of key-value class names WordPress and others write:
// "tag-politics", "category-news", "author-jsmith", "comments-open".
bool is_key_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kKeys = {
      "tag",      "tags",   "category", "categories", "author",  "autor",  "auteur",
      "type",     "status", "format",   "comments",   "comment", "postid", "term",
      "taxonomy", "topic",  "channel",  "ressort",    "rubrik",  "section"};
  return kKeys.count(w) != 0;
}

// Class names (squashed to lower-case letters and digits) that hide an
// element from the screen. Responsive variants such as "hidden-xs" or
// "hidden-print" are visible somewhere, so only exact names count.
bool is_hidden_name(std::string_view squashed) {
  static const std::unordered_set<std::string_view> kHidden = {
      "hidden",           "ishidden",         "uhidden",   "visuallyhidden", "sronly", "screenreadertext",
      "screenreaderonly", "elementinvisible", "invisible", "offscreen",      "hide",   "displaynone",
      "printonly",        "visuallyhide",     "ahidden",   "a11yhidden"};
  return kHidden.count(squashed) != 0;
}

// Squashed names that say "this is the article body" outright.
bool is_body_marker_name(std::string_view squashed) {
  static constexpr std::string_view kMarkers[] = {
      "articlebody", "articletext",  "articlecontent", "entrycontent",    "postcontent",    "postbody",
      "storybody",   "storycontent", "storytext",      "contentbody",     "bodytext",       "newstext",
      "entrytext",   "posttext",     "artikeltext",    "articlebodytext", "richtextarticle"};
  return std::any_of(std::begin(kMarkers), std::end(kMarkers),
                     [&](std::string_view m) { return squashed.find(m) != std::string_view::npos; });
}

Word word_kind(std::string_view w) {
  const WordTable& table = words();
  if (auto it = table.find(w); it != table.end()) return it->second;
  for (const Prefix& p : kPrefixes) {
    if (w.starts_with(p.text)) return p.kind;
  }
  return Word::Unknown;
}

// Splits a class name into lower-case words at separators, digits-only
// words dropped, and at camelCase humps ("relatedArticles").
std::vector<std::string> split_words(std::string_view name) {
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    const bool digits_only =
        std::all_of(current.begin(), current.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!current.empty() && !digits_only) out.push_back(current);
    current.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    if (!upper && !lower && !digit) {
      flush();
      continue;
    }
    if (upper && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z') flush();
    current.push_back(upper ? static_cast<char>(c + 32) : c);
  }
  flush();
  return out;
}

Cut cut_of(Word w) {
  switch (w) {
    case Word::Weak: return Cut::Weak;
    case Word::Metadata: return Cut::Metadata;
    case Word::Layout: return Cut::Layout;
    case Word::Boilerplate: return Cut::Boilerplate;
    case Word::Comments: return Cut::Comments;
    case Word::Credit: return Cut::Metadata;
    case Word::Header: return Cut::Layout;
    default: return Cut::None;
  }
}

void merge(Hint& into, const Hint& h) {
  into.positive = into.positive || h.positive;
  into.body_marker = into.body_marker || h.body_marker;
  into.credit = into.credit || h.credit;
  into.header = into.header || h.header;
  into.cut = std::max(into.cut, h.cut);
}

Cut tag_cut(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FORM: return Cut::Layout;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: return Cut::Metadata;
    case GUMBO_TAG_NOSCRIPT: return Cut::Hidden;
    default: return Cut::None;
  }
}

Hint role_hint(std::string_view role) {
  Hint h;
  const std::string r = ascii_lower(role);
  if (r == "main" || r == "article") h.positive = true;
  if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" || r == "search" ||
      r == "menu" || r == "menubar" || r == "toolbar")
    h.cut = Cut::Layout;
  if (r == "dialog" || r == "alertdialog") h.cut = Cut::Dialog;
  return h;
}

Hint itemprop_hint(std::string_view itemprop) {
  Hint h;
  const std::string p = ascii_lower(itemprop);
  if (p.find("articlebody") != std::string::npos) {
    h.positive = true;
    h.body_marker = true;
  }
  if (p == "author" || p == "datepublished" || p == "datemodified" || p == "publisher" || p == "creator")
    h.cut = Cut::Metadata;
  if (p == "comment") h.cut = Cut::Comments;
  return h;
}

// display:none / visibility:hidden in an inline style, spaces ignored.
bool style_hides(std::string_view style) {
  std::string s;
  for (const char c : style) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool is_hidden(const Dom& dom, int i) {
  if (dom.has_attr(i, "hidden")) return true;
  if (iequals(dom.attr(i, "aria-hidden"), "true")) return true;
  return style_hides(dom.attr(i, "style"));
}

}  // namespace

Hint classify_name(std::string_view name) {
  Hint h;
  // BEM "block__element--modifier": the modifier is a variant ("--ads": a
  // section that shows ads, "--large"), the block and element say what it is.
  if (const std::size_t modifier = name.find("--"); modifier != std::string_view::npos && modifier > 0)
    name = name.substr(0, modifier);
  std::string squashed;
  for (const char c : name) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) squashed.push_back(c);
    if (c >= 'A' && c <= 'Z') squashed.push_back(static_cast<char>(c + 32));
  }
  if (squashed.empty()) return h;
  if (is_hidden_name(squashed)) {
    h.cut = Cut::Hidden;
    return h;
  }
  if (is_body_marker_name(squashed)) {
    h.positive = true;
    h.body_marker = true;
    return h;
  }
  const std::vector<std::string> ws = split_words(name);
  if (ws.empty() || is_state_word(ws.front())) return h;
  std::vector<Word> kinds;
  for (const auto& w : ws) kinds.push_back(word_kind(w));
  // "tag-politics": a key and its value, not a description of the element.
  if (ws.size() > 1 && is_key_word(ws.front()) &&
      std::any_of(kinds.begin() + 1, kinds.end(), [](Word k) { return k == Word::Unknown; }))
    return h;
  for (const Word k : kinds) {
    if (k == Word::Positive) h.positive = true;
    if (k == Word::Credit) h.credit = true;
    if (k == Word::Header) h.header = true;
    h.cut = std::max(h.cut, cut_of(k));
  }
  return h;
}

std::vector<Hint> classify_elements(const Dom& dom) {
  std::vector<Hint> hints(static_cast<std::size_t>(dom.size()));
  for (int i = 0; i < dom.size(); ++i) {
    const Node& n = dom[i];
    if (n.kind != NodeKind::Element) continue;
    Hint& h = hints[static_cast<std::size_t>(i)];
    if (is_hidden(dom, i)) {
      h.cut = Cut::Hidden;
      continue;
    }
    h.cut = tag_cut(n.tag);
    h.header = n.tag == GUMBO_TAG_HEADER;
    // Gumbo 0.10 predates <dialog>: it arrives as an unknown element.
    if (n.tag == GUMBO_TAG_UNKNOWN && iequals(dom.tag_name(i), "dialog")) h.cut = Cut::Dialog;
    if (n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN) h.positive = true;
    std::vector<std::string_view> classes;
    for (std::string_view rest = dom.attr(i, "class"); !rest.empty();) {
      const std::size_t space = rest.find_first_of(" \t\n\r\f");
      if (space != 0) classes.push_back(rest.substr(0, space));
      rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    }
    // A long class list is a CMS listing the post's taxonomy terms
    // ("category-politics", "tag-comment-section", "autor-jane-doe"): its
    // compound names describe the content, not the element.
    const bool term_list = classes.size() >= kTermListClasses;
    for (const std::string_view name : classes) {
      const Hint c = classify_name(name);
      const bool term = term_list && name.find_first_of("-_") != std::string_view::npos;
      merge(h, term ? Hint{.positive = c.positive, .body_marker = c.body_marker} : c);
    }
    merge(h, classify_name(dom.attr(i, "id")));
    merge(h, role_hint(dom.attr(i, "role")));
    merge(h, itemprop_hint(dom.attr(i, "itemprop")));
    if (iequals(dom.attr(i, "aria-modal"), "true")) h.cut = std::max(h.cut, Cut::Dialog);
  }
  return hints;
}

std::vector<char> mark_furniture(const Dom& dom, const std::vector<Hint>& hints) {
  std::vector<char> furniture(static_cast<std::size_t>(dom.size()), 0);
  for (int i = 0; i < dom.size(); ++i) {
    const int parent = dom[i].parent;
    if (parent >= 0 && furniture[static_cast<std::size_t>(parent)]) {
      furniture[static_cast<std::size_t>(i)] = 1;
      continue;
    }
    if (dom[i].tag == GUMBO_TAG_HTML || dom[i].tag == GUMBO_TAG_BODY) continue;
    const Hint& hint = hints[static_cast<std::size_t>(i)];
    const Cut cut = hint.cut;
    furniture[static_cast<std::size_t>(i)] = (cut == Cut::Layout && !hint.header) || cut >= Cut::Boilerplate;
  }
  return furniture;
}

}  // namespace sluice::plugins::html

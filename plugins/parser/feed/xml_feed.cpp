#include "xml_feed.hpp"

#include <algorithm>
#include <limits>

#include "item_readers.hpp"
#include "links.hpp"
#include "sluice/sdk/stage.hpp"
#include "xml_document.hpp"
#include "xml_repair.hpp"

namespace sluice::plugins::feed {
namespace {

constexpr std::size_t kNoLine = std::numeric_limits<std::size_t>::max();

struct Entry {
  const xmlNode* node;
  std::size_t first_line;
  std::size_t end_line;  // first line of the element that follows
  // Shares a line with another element (a feed written on one line):
  // errors cannot be pinned to it.
  bool shares_line = false;
};

// Item elements (RSS/RDF "item", Atom "entry") below `parent`, in document
// order, with the line span each covers so that errors can be pinned to
// items. The search goes into every element, items included: when an item
// is left unclosed, libxml2's recovery nests the items after it inside it,
// and they are still good items.
void collect_items(const xmlNode* parent, std::string_view name, std::vector<Entry>& out) {
  for (const xmlNode* c = first_element(parent); c != nullptr; c = next_element(c)) {
    const Vocabulary v = vocabulary(c);
    // An empty <item/> (feedburner nests them inside real items) carries nothing.
    if (local_name(c) == name && (v == Vocabulary::Core || v == Vocabulary::Atom) &&
        first_element(c) != nullptr) {
      const xmlNode* next = next_element(c);
      out.push_back({c, line_of(c), next != nullptr ? line_of(next) : kNoLine});
    }
    collect_items(c, name, out);
  }
}

// An item ends where the next element after it, or the next item (nested
// by recovery), begins.
std::vector<Entry> items_of(const xmlNode* parent, std::string_view name) {
  std::vector<Entry> out;
  if (parent == nullptr) return out;
  collect_items(parent, name, out);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    out[i].end_line = std::min(out[i].end_line, out[i + 1].first_line);
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].shares_line =
        out[i].end_line == out[i].first_line || (i > 0 && out[i - 1].first_line == out[i].first_line);
  }
  return out;
}

// Where an error belongs. For an unclosed element libxml2 reports the line
// where the mismatch showed ("Opening and ending tag mismatch: item line 5
// and channel" comes at </channel>); the element's own line, which the
// message names, says which item is broken.
std::size_t blame_line(const XmlError& err) {
  const std::size_t at = err.message.find(" line ");
  if (at == std::string::npos) return err.line;
  std::size_t line = 0;
  std::size_t i = at + 6;
  while (i < err.message.size() && err.message[i] >= '0' && err.message[i] <= '9')
    line = line * 10 + static_cast<std::size_t>(err.message[i++] - '0');
  return line != 0 && line <= err.line ? line : err.line;
}

bool within(const Entry& e, std::size_t line) {
  return !e.shares_line && line >= e.first_line && line < e.end_line;
}

std::string describe(const FeedItem& it) {
  std::string s = "item " + std::to_string(it.index);
  if (it.line != 0) s += " (line " + std::to_string(it.line) + ")";
  if (!it.title.empty()) s += " '" + it.title + "'";
  return s;
}

}  // namespace

ParsedFeed read_xml_feed(std::string_view xml, const std::string& document_uri) {
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw sdk::StageError("feed is larger than 2 GiB, the XML parser's limit");
  const Repaired repaired = repair_xml(xml);
  XmlDocument doc(repaired.text ? std::string_view(*repaired.text) : xml, document_uri);
  const xmlNode* root = doc.root();
  if (root == nullptr) {
    throw sdk::StageError("not XML" + (doc.errors().empty()
                                           ? std::string()
                                           : ": line " + std::to_string(doc.errors().front().line) + ": " +
                                                 doc.errors().front().message));
  }

  ParsedFeed feed;
  std::vector<Entry> entries;
  const std::string_view root_name = local_name(root);
  if (root_name == "rss") {
    feed.info.format = "rss";
    const xmlNode* channel = first_element(root);
    while (channel != nullptr && local_name(channel) != "channel") channel = next_element(channel);
    feed.info = read_rss_channel(channel);
    feed.info.format = "rss";
    // RSS 0.9x put items beside the channel, not in it.
    entries = items_of(root, "item");
  } else if (root_name == "RDF") {
    const xmlNode* channel = first_element(root);
    while (channel != nullptr && local_name(channel) != "channel") channel = next_element(channel);
    feed.info = read_rss_channel(channel);
    feed.info.format = "rdf";
    entries = items_of(root, "item");
  } else if (root_name == "feed") {
    feed.info = read_atom_feed(root);
    feed.info.format = "atom";
    entries = items_of(root, "entry");
  } else {
    throw sdk::StageError("not a feed: the root element is <" + std::string(root_name) +
                          ">, not <rss>, <rdf:RDF> or <feed>");
  }
  // Relative links resolve against xml:base where present, else the feed's
  // own web address: its site link, or that link read relative to the
  // feed's self link, or the self link; else the document's URI.
  const std::string root_base = doc.base(root);
  const std::string self = resolve_link(feed.info.self_link, root_base);
  const std::string site = is_web_url(resolve_link(feed.info.link, root_base))
                               ? resolve_link(feed.info.link, root_base)
                               : resolve_link(feed.info.link, self);
  if (is_web_url(site)) {
    feed.info.link = site;
    doc.set_base(site);
  } else if (is_web_url(self)) {
    doc.set_base(self);
  }

  std::vector<bool> error_used(doc.errors().size(), false);
  std::size_t index = 0;
  for (const Entry& e : entries) {
    FeedItem item =
        root_name == "feed" ? read_atom_entry(doc, e.node, feed.info) : read_rss_item(doc, e.node);
    item.index = ++index;
    std::string broken;
    for (std::size_t k = 0; k < doc.errors().size(); ++k) {
      const XmlError& err = doc.errors()[k];
      if (!within(e, blame_line(err))) continue;
      error_used[k] = true;
      if (broken.empty()) broken = "line " + std::to_string(err.line) + ": " + err.message;
    }
    if (!broken.empty()) {
      feed.errors.push_back(describe(item) + " is broken and was skipped: " + broken);
      continue;
    }
    for (const Repair& r : repaired.repairs) {
      if (within(e, r.line))
        item.warnings.push_back("repaired " + r.what + " on line " + std::to_string(r.line));
    }
    feed.items.push_back(std::move(item));
  }
  for (std::size_t k = 0; k < doc.errors().size(); ++k) {
    if (error_used[k]) continue;
    const XmlError& err = doc.errors()[k];
    feed.errors.push_back("feed XML error outside any item, line " + std::to_string(err.line) + ": " +
                          err.message);
  }
  return feed;
}

}  // namespace sluice::plugins::feed

// RSS 0.9x/2.0 and RDF (RSS 1.0) items, Atom 1.0 entries, and their
// channels, from the libxml2 tree into FeedItem / FeedInfo.
#pragma once

#include "feed_item.hpp"
#include "xml_document.hpp"

namespace sluice::plugins::feed {

FeedInfo read_rss_channel(const xmlNode* channel);
FeedItem read_rss_item(const XmlDocument& doc, const xmlNode* item);

FeedInfo read_atom_feed(const xmlNode* feed);
FeedItem read_atom_entry(const XmlDocument& doc, const xmlNode* entry, const FeedInfo& feed);

}  // namespace sluice::plugins::feed

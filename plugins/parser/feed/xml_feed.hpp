// RSS, RDF and Atom documents into a ParsedFeed.
#pragma once

#include <string>
#include <string_view>

#include "feed_item.hpp"

namespace sluice::plugins::feed {

// Reads a UTF-8 XML feed. Repairs the usual defects first (xml_repair.hpp)
// and notes them on the items they touched. An item that overlaps an XML
// error the repairs could not fix is left out and reported in `errors`
// with its position, title and the parser's message; the other items are
// read as usual. Throws sdk::StageError when the document is not XML at all
// or its root is not rss, rdf:RDF or feed.
ParsedFeed read_xml_feed(std::string_view xml, const std::string& document_uri);

}  // namespace sluice::plugins::feed

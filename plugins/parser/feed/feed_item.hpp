// What every feed format is read into before it becomes articles: RSS,
// RDF, Atom and JSON Feed items all fit this shape.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sluice::plugins::feed {

struct FeedItem {
  std::size_t index = 0;  // 1-based position in the feed
  std::size_t line = 0;   // where it starts in the document (0: unknown)
  std::string title;
  std::string link;  // absolute when a base made it so
  std::string guid;  // RSS guid, Atom id, RDF about, JSON Feed id
  std::string published_raw;
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::vector<std::string> content;  // paragraphs of the full text, if the feed has it
  std::vector<std::string> summary;  // paragraphs of the summary/description
  std::string language;              // as written ("en-US")
  std::vector<std::string> warnings;
};

struct FeedInfo {
  std::string format;  // "rss", "rdf", "atom", "json"
  std::string title;
  std::string link;       // the site (RSS channel link, Atom rel=alternate)
  std::string self_link;  // the feed's own address (atom:link rel=self)
  std::string language;
  std::vector<std::string> authors;  // Atom: inherited by entries without their own
};

struct ParsedFeed {
  FeedInfo info;
  std::vector<FeedItem> items;
  // One message per item that could not be read (it is not in `items`),
  // and per problem outside any item.
  std::vector<std::string> errors;
  // Feed-wide notes (an encoding repaired or assumed), for every article.
  std::vector<std::string> warnings;
};

}  // namespace sluice::plugins::feed

// One feed item as a document of its own: a JSON Feed 1.1 with that single
// item, which the `feed` parser turns into exactly the article it would
// have made from the item inside the whole feed (same id, title, body,
// date, authors, tags), except that fields.feed.format reads "json".
#pragma once

#include <string>

#include "feed_item.hpp"

namespace sluice::plugins::feed_poll {

std::string item_json_feed(const feed::FeedInfo& info, const std::string& feed_url,
                           const feed::FeedItem& item);

}  // namespace sluice::plugins::feed_poll

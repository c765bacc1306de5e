// JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) into a ParsedFeed.
#pragma once

#include <string>
#include <string_view>

#include "feed_item.hpp"

namespace sluice::plugins::feed {

// True when the text starts (after white space) with '{': JSON, not XML.
bool looks_like_json(std::string_view text);

// Reads a UTF-8 JSON Feed. An item that is not an object is reported in
// `errors`; the rest are read. Throws sdk::StageError when the text is not
// JSON or has no `items` array.
ParsedFeed read_json_feed(std::string_view json);

}  // namespace sluice::plugins::feed

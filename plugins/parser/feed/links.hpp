// Resolving links the way RFC 3986 says, with libxml2's implementation.
#pragma once

#include <string>
#include <string_view>

namespace sluice::plugins::feed {

// `link` resolved against `base` (either may be empty). A link that does
// not parse as a URI reference is returned as written.
std::string resolve_link(std::string_view link, std::string_view base);

// True for an absolute http(s) URL: the kind of link that can serve as a
// base for the rest of the feed.
bool is_web_url(std::string_view link);

}  // namespace sluice::plugins::feed

// file:// URIs for absolute paths.
#pragma once

#include <string>
#include <string_view>

namespace sluice::plugins::files {

// "file://" + the absolute POSIX path, with every byte that may not appear
// literally in a URI path (space, '%', '#', '?', non-ASCII ...) percent-encoded
// as RFC 8089/3986 require, so the URI stays one unambiguous token in logs,
// JSON and databases.
std::string file_uri(std::string_view absolute_path);

}  // namespace sluice::plugins::files

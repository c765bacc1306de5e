// MIME type guessed from a file name's extension.
#pragma once

#include <string>
#include <string_view>

namespace sluice::plugins::files {

// The MIME type for the extension of `file_name` (case-insensitive), or an
// empty string when the extension is not one the built-in parsers handle:
// an empty type says "unknown" honestly, where a guess would mislead parser
// matching.
std::string guess_content_type(std::string_view file_name);

}  // namespace sluice::plugins::files

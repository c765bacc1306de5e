// gzip-compressed feeds: servers and archives often hand them over as .gz
// bytes, without a Content-Encoding anyone would undo first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sluice::plugins::feed {

// True when `bytes` start with the gzip magic 1f 8b.
bool is_gzip(std::string_view bytes);

// Inflates gzip data (concatenated members included). Throws
// sdk::StageError when the data is corrupt, truncated, or would inflate to
// more than `max_bytes` (a compressed bomb is refused, not unpacked).
std::string gunzip(std::string_view bytes, std::uint64_t max_bytes);

}  // namespace sluice::plugins::feed

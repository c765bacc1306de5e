// A headline-like title taken from a paragraph, for documents without one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sluice::plugins::seed_text {

// The first sentence of `paragraph` (normalised text), without a final
// full stop, as news headlines are written. A sentence ends at '.', '!', '?'
// or '…' (optionally followed by closing quotes or brackets) before a space,
// unless the '.' ends a common abbreviation ("Mr.", "Dr.", "U.S.") or an
// initial ("J."). A sentence longer than `max_bytes` is cut at the last
// space before the limit and gets "…".
std::string first_sentence(std::string_view paragraph, std::size_t max_bytes = 200);

}  // namespace sluice::plugins::seed_text

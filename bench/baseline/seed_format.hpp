// The baseline's own seed-format parser: the rules of the `seed_text`
// plugin (README there), written again by hand as one pass over the bytes.
// The benchmark script diffs the two programs' output, so this is also an
// independent check of the plugin.
#pragma once

#include <string_view>

#include "sluice/sdk/article.hpp"

namespace sluice::bench::baseline {

// Fills the content fields of `article` from a seed document: published,
// published_raw, caption, credit, body and fields.warnings. (Identity,
// provenance and lineage are the caller's.) Returns false for a document
// with no words at all, which the plugin rejects too.
bool parse_seed(std::string_view bytes, sdk::Article& article);

}  // namespace sluice::bench::baseline

// Paragraph-level cleanup of the blocks taken from the article container:
// what survived container selection can still be a "Share" line, a
// repeated headline, a pull quote printed twice or a link list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "blocks.hpp"
#include "tuning.hpp"

namespace sluice::plugins::html {

// Returns the paragraphs to keep, in order. Drops:
//  - blocks whose link share exceeds tuning.max_block_link_density;
//  - blocks of punctuation only ("|", "•"), and blocks that are only a
//    boilerplate phrase ("Advertisement", "Share this article", "Anzeige",
//    "Read more", "Related coverage", "4 min read" ...);
//  - photo credit and copyright lines ("Foto: dpa", "© Reuters");
//  - the headline repeated in the body (`title`);
//  - repeats of a block already kept (list items and table rows excepted:
//    two identical ingredients are both real);
//  - headings with nothing under them;
//  - at the start and the end of the text only: datelines, bylines, calls
//    to subscribe, and blocks shorter than tuning.min_paragraph_chars.
std::vector<std::string> filter_blocks(const std::vector<const Block*>& blocks, std::string_view title,
                                       const Tuning& tuning);

// True for a short line that is a well-known boilerplate phrase. Exposed for tests.
bool is_boilerplate_phrase(std::string_view text);

}  // namespace sluice::plugins::html

// One generated article in the seed format:
//
//    date 2023-07-29 <photo caption> - <photo credit>
//
//   <paragraph>
//
//   <paragraph> ...
//
// about 4 KB of news copy: a small cast of people named in full and then by
// honorific and surname, quotes in curly quotes with said-attributions
// (before, after and by pronoun), places, organisations, dates and numbers.
// Some articles are hard-wrapped at 72 columns, so parsers join lines.
#pragma once

#include <cstdint>
#include <string>

namespace sluice::bench {

// Article `index` of the corpus `corpus_seed`, appended to `out`. Depends on
// nothing else, so every corpus of the same seed is a prefix of a larger one
// and the same on every machine and compiler.
void append_seed_article(std::string& out, std::uint64_t corpus_seed, std::uint64_t index);

}  // namespace sluice::bench

// Generated news-like articles for benchmarks: English sentences of common
// and topical words, with names, places and dates, to a requested size.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sluice/sdk/article.hpp"

namespace sluice::bench {

// A different article for each `seed`, about `bytes` long in paragraphs of
// 3 to 5 sentences, published 2023-07-29.
sdk::Article generated_article(std::uint64_t seed, std::size_t bytes);

}  // namespace sluice::bench

// Counting words, sentences and syllables of a body of paragraphs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::readability {

struct Counts {
  std::uint32_t words = 0;
  std::uint32_t sentences = 0;
  std::uint32_t syllables = 0;
};

// Words and syllables as text_stats sees them; sentences as
// text_stats::split_sentences() splits each paragraph.
Counts count(const std::vector<std::string>& paragraphs);

// Flesch reading ease, 206.835 - 1.015 (words / sentences) - 84.6
// (syllables / words), and reading time at `words_per_minute`. Zero words
// give zeros everywhere rather than a division by zero.
sdk::Readability figures(const Counts& c, double words_per_minute);

}  // namespace sluice::plugins::readability

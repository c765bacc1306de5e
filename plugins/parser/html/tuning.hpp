// The knobs of the main-text extraction, derived from the parser's options.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sluice::plugins::html {

// What to prefer when a block of text could be article or boilerplate.
enum class Favor { Precision, Balanced, Recall };

std::optional<Favor> parse_favor(std::string_view text);

struct Tuning {
  Favor favor = Favor::Balanced;
  // Blocks shorter than this (in characters) are kept only inside the
  // article text: not at its edges, where bylines, dates and "share" lines sit.
  std::size_t min_paragraph_chars = 0;
  // A block with a larger share of its text in links is dropped.
  double max_block_link_density = 0.5;
  // A sub-container of the article (div, list, table ...) with fewer than
  // ten commas and a larger share of links than this is dropped.
  double max_container_link_density = 0.25;
  // Siblings of the best container join it when their score reaches this
  // share of its score.
  double sibling_share = 0.2;
  bool use_json_ld = true;

  static Tuning make(Favor favor, std::size_t min_paragraph_chars, bool use_json_ld);
};

}  // namespace sluice::plugins::html

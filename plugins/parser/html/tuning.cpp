#include "tuning.hpp"

namespace sluice::plugins::html {

std::optional<Favor> parse_favor(std::string_view text) {
  if (text == "precision") return Favor::Precision;
  if (text == "balanced") return Favor::Balanced;
  if (text == "recall") return Favor::Recall;
  return std::nullopt;
}

Tuning Tuning::make(Favor favor, std::size_t min_paragraph_chars, bool use_json_ld) {
  Tuning t;
  t.favor = favor;
  t.min_paragraph_chars = min_paragraph_chars;
  t.use_json_ld = use_json_ld;
  switch (favor) {
    case Favor::Precision:
      t.max_block_link_density = 0.33;
      t.max_container_link_density = 0.15;
      t.sibling_share = 0.3;
      break;
    case Favor::Balanced: break;
    case Favor::Recall:
      t.max_block_link_density = 0.66;
      t.max_container_link_density = 0.45;
      t.sibling_share = 0.12;
      break;
  }
  return t;
}

}  // namespace sluice::plugins::html

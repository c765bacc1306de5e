// Photo credits ("STR/KCNA /KNS/AFP", "Reuters; Getty Images") name the
// agencies behind a picture. A credit is no sentence: capitals say nothing
// there, and codes such as STR (staff) or KNS are not names. So only the
// parts the gazetteer knows become mentions, with paragraph -3.
#pragma once

#include <string_view>
#include <vector>

#include "gazetteer.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::entities {

inline constexpr int kCreditParagraph = -3;

// Adds a mention per known part of `credit` to the entity of the same
// canonical name in `entities`, or to a new entity appended at the end.
void add_credit_mentions(const Gazetteer& gazetteer, std::string_view credit,
                         std::vector<sdk::Entity>& entities);

}  // namespace sluice::plugins::entities

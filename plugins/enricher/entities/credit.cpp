#include "credit.hpp"

#include <algorithm>

namespace sluice::plugins::entities {
namespace {

constexpr std::string_view kSeparators = "/;,";
constexpr std::string_view kBlank = " \t";

}  // namespace

void add_credit_mentions(const Gazetteer& gazetteer, std::string_view credit,
                         std::vector<sdk::Entity>& entities) {
  std::size_t begin = 0;
  while (begin < credit.size()) {
    std::size_t end = credit.find_first_of(kSeparators, begin);
    if (end == std::string_view::npos) end = credit.size();
    std::size_t first = credit.find_first_not_of(kBlank, begin);
    std::size_t last = credit.find_last_not_of(kBlank, end == 0 ? 0 : end - 1);
    if (first != std::string_view::npos && first < end && last != std::string_view::npos && last >= first) {
      const std::string_view part = credit.substr(first, last + 1 - first);
      if (const GazetteerEntry* known = gazetteer.find(part)) {
        auto it = std::find_if(entities.begin(), entities.end(),
                               [&](const sdk::Entity& e) { return e.name == known->canonical; });
        if (it == entities.end()) {
          entities.push_back({known->canonical, known->type, {}});
          it = entities.end() - 1;
        }
        it->mentions.push_back({kCreditParagraph, static_cast<std::uint32_t>(first),
                                static_cast<std::uint32_t>(last + 1), std::string(part)});
      }
    }
    begin = end + 1;
  }
}

}  // namespace sluice::plugins::entities

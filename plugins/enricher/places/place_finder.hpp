// Finding gazetteer names in text and counting them per place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.hpp"

namespace sluice::plugins::places {

struct PlaceCount {
  const GazetteerRow* place = nullptr;  // the first row seen for the place
  std::uint32_t count = 0;
  std::uint32_t first = 0;  // order of the first mention, for stable output
};

// Counts the places named in `texts`. At each capitalized word the longest
// name that starts there and is written exactly so (words joined by single
// spaces, "Democratic People's Republic of Korea") wins; the words it covers
// are not read again, so "North Korea" is not also "Korea". A hyphenated
// word that is no name itself counts the names among its parts ("US-led",
// "Russia-Ukraine"). A possessive is not part of a name ("Pyongyang’s").
// Places are keyed by code and type: "US" and "United States" are one
// place. Cities are skipped unless `cities`.
std::vector<PlaceCount> count_places(const Gazetteer& gazetteer, const std::vector<std::string_view>& texts,
                                     bool cities);

}  // namespace sluice::plugins::places

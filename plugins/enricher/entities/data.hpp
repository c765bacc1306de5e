// The entity gazetteers embedded at build time (CMakeLists.txt): the hand
// lists in data/ and the iso-codes extract. Each returns the text.
#pragma once

#include <string_view>

namespace sluice::plugins::entities::data {

std::string_view iso_places();  // "phrase<TAB>TYPE<TAB>canonical", from iso-codes
std::string_view country_names();
std::string_view locations();
std::string_view organisations();
std::string_view demonyms();
std::string_view misc();
std::string_view first_names();

}  // namespace sluice::plugins::entities::data

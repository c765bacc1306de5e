// Word lists the corpus generator draws from: people, places, organisations
// and the phrases news copy is built of. Broad enough that every enricher
// (entities, quotes, places, keywords, dates ...) finds real work in each
// article, and with non-ASCII names so UTF-8 paths are exercised too.
#pragma once

#include <span>
#include <string_view>

namespace sluice::bench::vocabulary {

struct Person {
  std::string_view first;
  std::string_view last;
  bool female;
};

// A city and the country it is in, as news copy names them.
struct Place {
  std::string_view city;
  std::string_view country;
};

std::span<const Person> people();
std::span<const Place> places();
std::span<const std::string_view> honorifics(bool female);  // "Mr", "Ms", "Dr" ...
std::span<const std::string_view> roles();                  // "foreign minister"
std::span<const std::string_view> organisations();          // "the World Bank"
std::span<const std::string_view> speech_verbs();           // "said", "warned"
std::span<const std::string_view> topics();                 // "the grain deal"
std::span<const std::string_view> actions();                // "agreed to extend"
std::span<const std::string_view> objects();                // "emergency funding"
std::span<const std::string_view> quote_openers();          // "We will not"
std::span<const std::string_view> quote_endings();          // "until the talks resume"
std::span<const std::string_view> scare_phrases();          // "red line", "friendly talk"
std::span<const std::string_view> times();                  // "on Tuesday", "last month"
std::span<const std::string_view> months();
std::span<const std::string_view> caption_scenes();  // "shaking hands at"
std::span<const std::string_view> venues();          // "the presidential palace"
std::span<const std::string_view> credits();         // "STR/KCNA /KNS/AFP"

}  // namespace sluice::bench::vocabulary

#include "generated_text.hpp"

#include <array>
#include <random>
#include <string>
#include <string_view>

namespace sluice::bench {
namespace {

constexpr std::array<std::string_view, 40> kCommon = {
    "the", "of",   "and", "to",   "in",    "a",   "is",  "that", "for",  "it",  "as",    "was",  "with", "be",
    "by",  "on",   "not", "he",   "this",  "are", "or",  "his",  "from", "at",  "which", "but",  "have", "an",
    "had", "they", "you", "were", "their", "one", "all", "we",   "can",  "her", "has",   "there"};
constexpr std::array<std::string_view, 40> kTopical = {
    "government", "minister",  "election",  "economy",   "market",     "prices",   "energy",    "weapons",
    "talks",      "council",   "budget",    "officials", "report",     "security", "border",    "trade",
    "sanctions",  "visit",     "agreement", "president", "parliament", "court",    "police",    "army",
    "missiles",   "inflation", "workers",   "schools",   "hospital",   "climate",  "storm",     "harbour",
    "bridge",     "company",   "shares",    "investors", "villagers",  "refugees", "ceasefire", "summit"};
constexpr std::array<std::string_view, 16> kNames = {"Anna Kowalski",
                                                     "Mr Okafor",
                                                     "President Lindqvist",
                                                     "Dr Moreau",
                                                     "the United Nations",
                                                     "the European Union",
                                                     "Sergei Ivanov",
                                                     "Maria Rossi",
                                                     "the Red Cross",
                                                     "Ms Tanaka",
                                                     "Prime Minister Haddad",
                                                     "the World Bank",
                                                     "General Petrov",
                                                     "Mrs Schmidt",
                                                     "NATO",
                                                     "the IMF"};
constexpr std::array<std::string_view, 16> kPlaces = {
    "France",  "Germany", "Ukraine",     "Kyiv",       "Brazil", "Japan",
    "Nigeria", "Canada",  "North Korea", "Moscow",     "London", "the United States",
    "India",   "Turkey",  "Cairo",       "Mexico City"};
constexpr std::array<std::string_view, 8> kDates = {"on Monday", "last week", "this year", "on 12 March 2022",
                                                    "yesterday", "in 2019",   "July 3",    "last month"};
constexpr std::array<std::string_view, 4> kVerbs = {"said", "reported", "announced", "warned"};

// Appends the parts in order. (Built up with append rather than operator+:
// GCC 12 warns falsely about the temporaries operator+ makes.)
template <class... Parts>
void append(std::string& out, const Parts&... parts) {
  (out.append(parts), ...);
}

}  // namespace

sdk::Article generated_article(std::uint64_t seed, std::size_t bytes) {
  std::mt19937_64 rng(seed);
  const auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
  sdk::Article a;
  append(a.id, "generated-", std::to_string(seed));
  a.published = a.published_raw = "2023-07-29";
  append(a.title, pick(kNames), " ", pick(kVerbs), " new ", pick(kTopical), " in ", pick(kPlaces));
  std::size_t total = 0;
  while (total < bytes) {
    std::string paragraph;
    const int sentences = 3 + static_cast<int>(rng() % 3);
    for (int s = 0; s < sentences; ++s) {
      std::string sentence(pick(kNames));
      sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
      append(sentence, " ", pick(kVerbs));
      const int words = 8 + static_cast<int>(rng() % 14);
      for (int w = 0; w < words; ++w) {
        const auto r = rng() % 20;
        sentence += ' ';
        sentence += r < 11 ? pick(kCommon) : r < 17 ? pick(kTopical) : r < 19 ? pick(kPlaces) : pick(kDates);
      }
      sentence += ". ";
      paragraph += sentence;
    }
    paragraph.pop_back();
    total += paragraph.size() + 1;
    a.body.push_back(std::move(paragraph));
  }
  return a;
}

}  // namespace sluice::bench

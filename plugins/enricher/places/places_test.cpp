// The `places` enricher: gazetteer matching rules and the seed article.
#include <gtest/gtest.h>

#include "gazetteer.hpp"
#include "places_enricher.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/text_stats/testing.hpp"

namespace sluice::plugins::places {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::places {
namespace {

using text_stats::testing::article_of;
using text_stats::testing::init_of;

// "CODE type count name" for each place, in output order.
std::vector<std::string> places(const sdk::Article& a) {
  std::vector<std::string> out;
  const sdk::Value* list = a.fields.find("places");
  if (list == nullptr) return out;
  for (const auto& p : list->as_list()) {
    out.push_back(p.find("code")->as_string() + " " + p.find("type")->as_string() + " " +
                  std::to_string(p.find("count")->as_int()) + " " + p.find("name")->as_string());
  }
  return out;
}

std::vector<std::string> run(std::vector<std::string> body, sdk::Map options = {}) {
  PlacesEnricher e(init_of(descriptor(), std::move(options)));
  sdk::Article a = article_of(std::move(body));
  e.enrich(a);
  return places(a);
}

using Strings = std::vector<std::string>;

TEST(Places, SeedArticle) {
  PlacesEnricher e(init_of(descriptor()));
  sdk::Article a = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  e.enrich(a);
  // "North Korean" and "Russian" are adjectives, not names of the places.
  EXPECT_EQ(places(a),
            (Strings{"RU country 9 Russia", "KP country 7 North Korea", "UA country 7 Ukraine",
                     "KP city 6 Pyongyang", "US country 6 United States", "RU city 3 Moscow",
                     "IR country 2 Iran", "UA city 1 Bakhmut", "CN country 1 China", "CN city 1 Beijing"}));
}

TEST(Places, NamesAliasesAndCodesAreOnePlace) {
  EXPECT_EQ(run({"The United States and the US, or the USA, and the United States of America."}),
            (Strings{"US country 4 United States"}));
  EXPECT_EQ(run({"Russia, the Russian Federation."}), (Strings{"RU country 2 Russia"}));
}

TEST(Places, LongestNameWinsAndIsNotReadAgain) {
  EXPECT_EQ(run({"South Korea and North Korea met in the Democratic People\xE2\x80\x99s Republic of Korea."}),
            (Strings{"KP country 2 North Korea", "KR country 1 South Korea"}));
}

TEST(Places, CaseMattersSoCommonWordsAreNotPlaces) {
  EXPECT_TRUE(run({"We ate turkey from china, and us too; chad is a name."}).empty());
  EXPECT_EQ(run({"Turkey and China. Chad too."}),
            (Strings{"TR country 1 T\xC3\xBCrkiye", "CN country 1 China", "TD country 1 Chad"}));
}

TEST(Places, PossessivesHyphensAndPunctuation) {
  EXPECT_EQ(run({"Ukraine\xE2\x80\x99s army, US-led sanctions and the Russia-Ukraine war."}),
            (Strings{"UA country 2 Ukraine", "US country 1 United States", "RU country 1 Russia"}));
  EXPECT_EQ(run({"North, Korea"}), (Strings{}));  // a comma splits a name
  EXPECT_EQ(run({"Guinea-Bissau"}), (Strings{"GW country 1 Guinea-Bissau"}));
}

TEST(Places, CitiesCarryTheirCountryAndCanBeTurnedOff) {
  EXPECT_EQ(run({"From Kyiv to Kiev and on to New York City, then Washington."}),
            (Strings{"UA city 2 Kyiv", "US city 1 New York", "US city 1 Washington"}));
  EXPECT_TRUE(run({"From Kyiv to Kiev."}, {{"cities", false}}).empty());
}

TEST(Places, TitleAndCaptionCount) {
  PlacesEnricher e(init_of(descriptor()));
  sdk::Article a = article_of({"Nothing here."});
  a.title = "Storm over France";
  a.caption = "Flooding in Paris";
  e.enrich(a);
  EXPECT_EQ(places(a), (Strings{"FR country 1 France", "FR city 1 Paris"}));
}

TEST(Places, GazetteerIsBuiltFromIsoCodes) {
  const Gazetteer g;
  EXPECT_GT(g.size(), 500u);  // 249 ISO countries with their other names, the aliases, the cities
  ASSERT_NE(g.find("Åland Islands"), nullptr);
  EXPECT_STREQ(g.find("Åland Islands")->code, "AX");
  EXPECT_EQ(g.find("Korea, Republic of"), nullptr);  // comma forms are not prose
  EXPECT_EQ(g.longest_starting_with("United"), 8u);  // United Kingdom of Great Britain and Northern Ireland
}

TEST(Places, Descriptor) {
  EXPECT_STREQ(descriptor()->name, "places");
  EXPECT_TRUE(descriptor()->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
}

}  // namespace
}  // namespace sluice::plugins::places

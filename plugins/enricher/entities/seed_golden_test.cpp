// Golden test: the entities of the seed article, with canonical names,
// types and every mention (paragraph:text), in order of first mention.
// KCNA and AFP appear only in the photo credit (paragraph -3), so they come
// last; STR and KNS there are no names (README.md, "The seed article").
#include <gtest/gtest.h>

#include "seed_article.hpp"
#include "test_support.hpp"

namespace sluice::plugins::entities {
namespace {

TEST(SeedGolden, EntitiesWithCanonicalNamesAndMentions) {
  const auto a = nlp::testing::seed_article(nlp::testing::seed_path());
  ASSERT_EQ(a.body.size(), 20u);
  const std::string expected =
      "PERSON Kim Jong-un [-2:Kim Jong-un, 1:Kim Jong-un, 5:Kim, 9:Kim, 17:Kim, 19:Kim]\n"
      "PERSON Sergei Shoigu [-2:Sergei Shoigu, 1:Sergei Shoigu, 2:Shoigu, 3:Shoigu, 7:Shoigu, 19:Shoigu]\n"
      "ORG Party Central Committee [-2:Party Central Committee]\n"
      "LOCATION Pyongyang [-2:Pyongyang, 1:Pyongyang, 7:Pyongyang, 9:Pyongyang, 11:Pyongyang, 19:Pyongyang]\n"
      "LOCATION Russia [0:Russia, 3:Russia, 4:Russia, 7:Russia, 9:Russia, 15:Russia, 16:Russia, 18:Russia, "
      "19:Russia]\n"
      "LOCATION North Korea [0:North Korea, 4:North Korea, 5:North, 7:North Korea, 8:North Korea, 9:North, "
      "15:North Korea, 16:North Korea, 18:North Korea]\n"
      "PERSON Anthony Blinken [0:Anthony Blinken, 3:Blinken]\n"
      "LOCATION United States [0:US, 5:US, 6:United States, 16:US, 17:US]\n"
      "LOCATION Moscow [1:Moscow, 9:Moscow, 19:Moscow]\n"
      "LOCATION Soviet Union [1:Soviet Union]\n"
      "MISC Korean War [2:Korean war]\n"
      "MISC North Korean [2:North Korean, 5:North Korean, 6:North Korean, 10:North Korean, 12:North Korean]\n"
      "LOCATION Ukraine [3:Ukraine, 4:Ukraine, 9:Ukraine, 10:Ukraine, 11:Ukraine, 13:Ukraine, 14:Ukraine]\n"
      "LOCATION Iran [4:Iran, 15:Iran]\n"
      "MISC Russian [5:Russian, 6:Russian, 8:Russian, 11:Russian, 13:Russians]\n"
      "PERSON Vladimir Putin [6:Vladimir Putin]\n"
      "ORG United Nations Security Council [7:UN Security Council, 18:United Nations Security Council]\n"
      "PERSON Ankit Panda [8:Ankit Panda]\n"
      "ORG Carnegie Endowment for International Peace [8:Carnegie Endowment for International Peace]\n"
      "MISC Ukrainian [10:Ukrainian, 12:Ukrainian, 14:Ukrainian]\n"
      "ORG Financial Times [10:Financial Times]\n"
      "MISC Soviet-era Grad [12:Soviet-era Grad]\n"
      "LOCATION Bakhmut [12:Bakhmut]\n"
      "PERSON Yuriy Sak [14:Yuriy Sak]\n"
      "LOCATION China [18:China]\n"
      "ORG US State Department [19:US state department]\n"
      "LOCATION Beijing [19:Beijing]\n"
      "LOCATION Korean Peninsula [19:Korean Peninsula]\n"
      "ORG KCNA [-3:KCNA]\n"
      "ORG AFP [-3:AFP]\n";
  const auto entities = testing::recognizer().recognize(a);
  EXPECT_EQ(testing::dump(entities), expected);

  // Every mention's offsets point at its text.
  for (const auto& e : entities) {
    for (const auto& m : e.mentions) {
      const std::string& text = m.paragraph == -3   ? a.credit
                                : m.paragraph == -2 ? a.caption
                                                    : a.body.at(static_cast<std::size_t>(m.paragraph));
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.text) << e.name;
    }
  }
}

}  // namespace
}  // namespace sluice::plugins::entities

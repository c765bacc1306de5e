// Hand-written fixtures, one per rule of the recognizer.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sluice::plugins::entities {
namespace {

using sdk::EntityType;
using testing::dump;
using testing::find;
using testing::run;

// The entity named `name` with `type`, or a failure that shows everything.
const sdk::Entity& expect_entity(const std::vector<sdk::Entity>& es, std::string_view name, EntityType type) {
  const sdk::Entity* e = find(es, name);
  if (e == nullptr) {
    ADD_FAILURE() << "no entity '" << name << "' in:\n" << dump(es);
    static const sdk::Entity none;
    return none;
  }
  EXPECT_EQ(e->type, type) << name << "\n" << dump(es);
  return *e;
}

std::vector<std::string> mention_texts(const sdk::Entity& e) {
  std::vector<std::string> out;
  for (const auto& m : e.mentions) out.push_back(m.text);
  return out;
}

using V = std::vector<std::string>;

TEST(EntityRules, HonorificsAndSurnamesJoinTheFullName) {
  const auto es = run({"Sergei Shoigu arrived on Tuesday.",
                       "Mr Shoigu toured a factory. Shoigu’s hosts smiled.", "Later Dr. Shoigu spoke."});
  const auto& e = expect_entity(es, "Sergei Shoigu", EntityType::Person);
  EXPECT_EQ(mention_texts(e), (V{"Sergei Shoigu", "Shoigu", "Shoigu", "Shoigu"}));
  EXPECT_EQ(es.size(), 1u) << dump(es);
}

TEST(EntityRules, AShortNameBeforeTheFullNameStillJoinsIt) {
  const auto es = run({"Mr Blinken said little.", "Anthony Blinken, the US secretary of state, left."});
  expect_entity(es, "Anthony Blinken", EntityType::Person);
  EXPECT_EQ(find(es, "Blinken"), nullptr) << dump(es);
}

TEST(EntityRules, SurnameFirstNames) {
  const auto es =
      run({"Kim Jong-un met the delegation.", "Photos showed Kim walking the minister through a hall."});
  const auto& e = expect_entity(es, "Kim Jong-un", EntityType::Person);
  EXPECT_EQ(mention_texts(e), (V{"Kim Jong-un", "Kim"}));
}

TEST(EntityRules, RolesAreContextNotName) {
  const auto es =
      run({"Russian Defence Minister Sergei Shoigu met President Vladimir Putin and Prime Minister "
           "Fumio Kishida.",
           "Russia’s defence minister is in North Korea."});
  expect_entity(es, "Sergei Shoigu", EntityType::Person);
  expect_entity(es, "Vladimir Putin", EntityType::Person);
  expect_entity(es, "Fumio Kishida", EntityType::Person);
  expect_entity(es, "Russian", EntityType::Misc);
  expect_entity(es, "Russia", EntityType::Location);
  for (const auto& e : es) EXPECT_EQ(e.name.find("Minister"), std::string::npos) << dump(es);
}

TEST(EntityRules, PlaceAliasesShareOneCanonicalName) {
  const auto es = run({"The US and the United States of America are one place; so are the U.S. and America.",
                       "Britain and the UK too."});
  const auto& us = expect_entity(es, "United States", EntityType::Location);
  EXPECT_EQ(mention_texts(us), (V{"US", "United States of America", "U.S.", "America"}));
  EXPECT_EQ(mention_texts(expect_entity(es, "United Kingdom", EntityType::Location)), (V{"Britain", "UK"}));
}

TEST(EntityRules, AcronymsAndExpansions) {
  const auto es = run({"The UN said the United Nations would meet.",
                       "Russia, a UN Security Council member, "
                       "ignored United Nations Security Council resolutions.",
                       "The International Atomic Energy Agency sent inspectors; the IAEA report is due."});
  EXPECT_EQ(mention_texts(expect_entity(es, "United Nations", EntityType::Organization)),
            (V{"UN", "United Nations"}));
  EXPECT_EQ(mention_texts(expect_entity(es, "United Nations Security Council", EntityType::Organization)),
            (V{"UN Security Council", "United Nations Security Council"}));
  EXPECT_EQ(mention_texts(expect_entity(es, "International Atomic Energy Agency", EntityType::Organization)),
            (V{"International Atomic Energy Agency", "IAEA"}));
}

TEST(EntityRules, AcronymsMatchOnlyInCapitals) {
  const auto es = run({"Who knows? The WHO does."});
  const auto& who = expect_entity(es, "World Health Organization", EntityType::Organization);
  EXPECT_EQ(mention_texts(who), (V{"WHO"}));
}

TEST(EntityRules, OrganisationHeadsAndConnectors) {
  const auto es =
      run({"Ankit Panda of the Carnegie Endowment for International Peace told the Financial Times "
           "that the Party Central Committee and the Bank of England had met."});
  expect_entity(es, "Carnegie Endowment for International Peace", EntityType::Organization);
  expect_entity(es, "Financial Times", EntityType::Organization);
  expect_entity(es, "Party Central Committee", EntityType::Organization);
  expect_entity(es, "Bank of England", EntityType::Organization);
  expect_entity(es, "Ankit Panda", EntityType::Person);
}

TEST(EntityRules, PossessivesWithEitherApostropheAreCutOff) {
  const auto es = run({"Pyongyang’s arsenal and Pyongyang's parade."});
  const auto& e = expect_entity(es, "Pyongyang", EntityType::Location);
  ASSERT_EQ(e.mentions.size(), 2u);
  EXPECT_EQ(e.mentions[0].begin, 0u);
  EXPECT_EQ(e.mentions[0].end, 9u);
  EXPECT_EQ(e.mentions[1].text, "Pyongyang");
}

TEST(EntityRules, HyphenatedWords) {
  const auto es =
      run({"Troops fired Soviet-era Grad rockets at US-led forces on the Russia-Ukraine border."});
  expect_entity(es, "Soviet-era Grad", EntityType::Misc);
  const auto& us = expect_entity(es, "United States", EntityType::Location);
  EXPECT_EQ(mention_texts(us), (V{"US"}));
  expect_entity(es, "Russia", EntityType::Location);
  expect_entity(es, "Ukraine", EntityType::Location);
}

TEST(EntityRules, NationalitiesEventsAndLaws) {
  const auto es =
      run({"North Korean and Ukrainian soldiers recalled the Korean war and the Cold War under the "
           "Digital Services Act."});
  expect_entity(es, "North Korean", EntityType::Misc);
  expect_entity(es, "Ukrainian", EntityType::Misc);
  EXPECT_EQ(mention_texts(expect_entity(es, "Korean War", EntityType::Misc)), (V{"Korean war"}));
  expect_entity(es, "Cold War", EntityType::Misc);
  expect_entity(es, "Digital Services Act", EntityType::Misc);
}

TEST(EntityRules, SentenceInitialCommonWordsAreNotNames) {
  const auto es = run({"Analysts suggest the deal is close. However, Officials disagree. Moscow agreed."});
  ASSERT_EQ(es.size(), 1u) << dump(es);
  EXPECT_EQ(es[0].name, "Moscow");
}

TEST(EntityRules, TheNorthIsTheArticlesNorthKorea) {
  auto es = run({"North Korea fired a missile.",
                 "Russia is friendly with the North, and the North’s missiles "
                 "worry Seoul."});
  EXPECT_EQ(mention_texts(expect_entity(es, "North Korea", EntityType::Location)),
            (V{"North Korea", "North", "North"}));
  es = run({"Voters in the North went to the polls."});
  EXPECT_TRUE(es.empty()) << dump(es);
}

TEST(EntityRules, ContextTypesUnknownNames) {
  const auto es = run({"Fighting continued near the city of Vuhledar and in Zolota Balka.",
                       "“It is over,” said Tamer Ramadan, the federation’s envoy.",
                       "Residents of Jerusalem and Haifa marched."});
  expect_entity(es, "Vuhledar", EntityType::Location);
  expect_entity(es, "Zolota Balka", EntityType::Location);
  expect_entity(es, "Tamer Ramadan", EntityType::Person);
  expect_entity(es, "Haifa", EntityType::Location);
}

TEST(EntityRules, ProductsAndDesignations) {
  const auto es = run({"Germany sent a Patriot battery and F-16 jets."});
  expect_entity(es, "Patriot", EntityType::Misc);
  expect_entity(es, "F-16", EntityType::Misc);
}

TEST(EntityRules, TitleCaseHeadlineKeepsOnlyKnownNames) {
  const auto es =
      run({"Sergei Shoigu visited Pyongyang."}, {}, "Defence Chief Visits Pyongyang As Shoigu Seeks Arms");
  expect_entity(es, "Pyongyang", EntityType::Location);
  const auto& s = expect_entity(es, "Sergei Shoigu", EntityType::Person);
  EXPECT_EQ(s.mentions.front().paragraph, -1);
  EXPECT_EQ(find(es, "Seeks Arms"), nullptr) << dump(es);
  EXPECT_EQ(find(es, "Defence Chief Visits"), nullptr) << dump(es);
}

TEST(EntityRules, TextInCapitalsKeepsOnlyKnownNames) {
  const auto es = run({"SOCCER - JAPAN GET LUCKY WIN AGAINST SYRIA IN ASIAN CUP", "Japan beat Syria 2-1."});
  EXPECT_EQ(mention_texts(expect_entity(es, "Japan", EntityType::Location)), (V{"JAPAN", "Japan"}));
  expect_entity(es, "Syria", EntityType::Location);
  EXPECT_EQ(find(es, "SOCCER"), nullptr) << dump(es);
  EXPECT_EQ(find(es, "LUCKY WIN"), nullptr) << dump(es);
}

TEST(EntityRules, KnownAgenciesInThePhotoCreditAreMentionsOfParagraphMinus3) {
  sdk::Article a;
  a.body = {"Reuters reported the visit first."};
  a.credit = "STR / Reuters;Xinhua, Staff photographer";
  const auto es = testing::recognizer().recognize(a);
  const auto& reuters = expect_entity(es, "Reuters", EntityType::Organization);
  ASSERT_EQ(reuters.mentions.size(), 2u) << dump(es);  // the body's and the credit's
  EXPECT_EQ(reuters.mentions[1].paragraph, -3);
  EXPECT_EQ(a.credit.substr(reuters.mentions[1].begin, reuters.mentions[1].end - reuters.mentions[1].begin),
            "Reuters");
  const auto& xinhua = expect_entity(es, "Xinhua", EntityType::Organization);
  EXPECT_EQ(xinhua.mentions.at(0).paragraph, -3);
  EXPECT_EQ(find(es, "STR"), nullptr) << dump(es);
  EXPECT_EQ(find(es, "Staff photographer"), nullptr) << dump(es);

  // Off: the credit is not looked at.
  RecognizerOptions no_credit;
  no_credit.credit = false;
  EXPECT_EQ(find(testing::recognizer().recognize(a, no_credit), "Xinhua"), nullptr);
}

TEST(EntityRules, MentionsCarryParagraphAndUtf8ByteOffsets) {
  sdk::Article a;
  a.caption = "Kim Jong-un in Pyongyang";
  a.body = {"“Señor Núñez” left Zürich for Moscow."};
  const auto es = testing::recognizer().recognize(a);
  const auto& moscow = expect_entity(es, "Moscow", EntityType::Location);
  ASSERT_EQ(moscow.mentions.size(), 1u);
  const auto& m = moscow.mentions[0];
  EXPECT_EQ(m.paragraph, 0);
  EXPECT_EQ(a.body[0].substr(m.begin, m.end - m.begin), "Moscow");
  const auto& kim = expect_entity(es, "Kim Jong-un", EntityType::Person);
  EXPECT_EQ(kim.mentions[0].paragraph, -2);
  EXPECT_EQ(kim.mentions[0].begin, 0u);
}

TEST(EntityRules, EmptyAndOddInput) {
  EXPECT_TRUE(run({}).empty());
  EXPECT_TRUE(run({"", "   ", "“”", "—"}).empty());
  EXPECT_NO_THROW(run({std::string("\xFF\xFE Kim \xC3", 9)}));
}

}  // namespace
}  // namespace sluice::plugins::entities

// Hand-written fixtures, one per attribution rule, each checked with and
// without entities on the article.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sluice::plugins::quotes {
namespace {

using testing::dump;
using testing::run;

class QuoteRules : public ::testing::TestWithParam<bool> {
 protected:
  std::string quotes(const std::vector<std::string>& paragraphs) { return dump(run(paragraphs, GetParam())); }
};

INSTANTIATE_TEST_SUITE_P(EntitiesOrFallback, QuoteRules, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "WithEntities" : "CapitalsOnly"; });

TEST_P(QuoteRules, SaidAfterTheQuote) {
  EXPECT_EQ(quotes({"“The talks are over,” said Maria Lopez, a senior negotiator."}),
            "0 [Maria Lopez] The talks are over\n");
}

TEST_P(QuoteRules, NameThenVerbAfterTheQuote) {
  EXPECT_EQ(quotes({"Dmitry Volkov arrived late.", "“We are ready,” Volkov said on Monday."}),
            "1 [Dmitry Volkov] We are ready\n");
}

TEST_P(QuoteRules, SaidColonBeforeTheQuote) {
  EXPECT_EQ(quotes({"In reference to Mr Shoigu’s visit, Mr Blinken said: “I strongly doubt he’s there on "
                    "holiday.”",
                    "Anthony Blinken is the US secretary of state."}),
            "0 [Anthony Blinken] I strongly doubt he’s there on holiday.\n");
}

TEST_P(QuoteRules, ToldSomeoneBeforeTheQuote) {
  EXPECT_EQ(quotes({"Amina Yusuf told reporters in Nairobi: “No.”"}), "0 [Amina Yusuf] No.\n");
}

TEST_P(QuoteRules, AddedAndAddingKeepTheSpeaker) {
  EXPECT_EQ(quotes({"Chen Wei said: “Prices will rise,” adding, “and wages will not keep up.”"}),
            "0 [Chen Wei] Prices will rise\n0 [Chen Wei] and wages will not keep up.\n");
}

TEST_P(QuoteRules, PronounsResolveToTheLastNamedSpeaker) {
  EXPECT_EQ(
      quotes({"“We capture their tanks,” said Yuriy Sak, an adviser.",
              "“Russia has been shopping around for munitions,” he added."}),
      "0 [Yuriy Sak] We capture their tanks\n1 [Yuriy Sak] Russia has been shopping around for munitions\n");
}

TEST_P(QuoteRules, PronounWithoutAnEarlierQuoteTakesTheLastPersonNamed) {
  EXPECT_EQ(quotes({"Olena Kovalenko visited the front.", "“It is cold and the nights are long,” she said."}),
            "1 [Olena Kovalenko] It is cold and the nights are long\n");
}

TEST_P(QuoteRules, UnattributedParagraphContinuesThePreviousSpeaker) {
  EXPECT_EQ(quotes({"“We will rebuild,” said John Carter.",
                    "“We see that in every town, and we see it in every family that has come back.”"}),
            "0 [John Carter] We will rebuild\n"
            "1 [John Carter] We see that in every town, and we see it in every family that has come back.\n");
}

TEST_P(QuoteRules, OpenQuoteContinuesAcrossParagraphs) {
  EXPECT_EQ(quotes({"Rahul Mehta said: “The monsoon came late this year and the harvest suffered.",
                    "“Next year we will plant earlier and hope for better rain.”"}),
            "0 [Rahul Mehta] The monsoon came late this year and the harvest suffered.\n"
            "1 [Rahul Mehta] Next year we will plant earlier and hope for better rain.\n");
}

TEST_P(QuoteRules, AccordingTo) {
  EXPECT_EQ(quotes({"“The deal is dead,” according to Sophie Martin."}),
            "0 [Sophie Martin] The deal is dead\n");
}

TEST_P(QuoteRules, ScareQuotesAreNotStatements) {
  EXPECT_EQ(quotes({"He praised the army as the “most powerful” in the world, and a “friendly” country "
                    "sent rockets."}),
            "0 SCARE most powerful\n0 SCARE friendly\n");
}

TEST_P(QuoteRules, ShortQuoteWithAnAdjacentVerbIsAStatement) {
  EXPECT_EQ(quotes({"“Never,” said Maria Lopez."}), "0 [Maria Lopez] Never\n");
}

TEST_P(QuoteRules, UnnamedSpeakersKeepTheirPhrase) {
  EXPECT_EQ(quotes({"“The offer stands,” a Kremlin spokesman said."}),
            "0 [Kremlin spokesman] The offer stands\n");
}

TEST_P(QuoteRules, StraightQuotes) {
  EXPECT_EQ(quotes({"\"We are not done yet,\" said Tufan Erginbilgic, the chief executive."}),
            "0 [Tufan Erginbilgic] We are not done yet\n");
}

TEST(QuoteRulesWithEntities, OrganisationsDescribingThings) {
  // A naming verb ("described ... as") attributes even a short quotation
  // to its subject: here an unnamed organisation, kept as written.
  EXPECT_EQ(dump(run({"North Korean state media described the meeting as a “friendly talk”."})),
            "0 [North Korean state media] friendly talk\n");
  EXPECT_EQ(dump(run({"The Kremlin called the sanctions “economic war”."})), "0 [Kremlin] economic war\n");
}

TEST(QuoteRulesWithEntities, NamedSpeakerIsTheCanonicalEntity) {
  EXPECT_EQ(dump(run({"Sergei Shoigu toured the site.", "“Our ties are strong,” Mr Shoigu said."})),
            "1 [Sergei Shoigu] Our ties are strong\n");
}

TEST(QuoteOptionsTest, ScareQuotesCanBeDropped) {
  QuoteOptions o;
  o.keep_scare = false;
  EXPECT_EQ(dump(run({"a “friendly” country", "“Yes, we will,” said John Carter."}, true, o)),
            "1 [John Carter] Yes, we will\n");
  o = QuoteOptions{};
  o.scare_max_words = 0;
  EXPECT_EQ(dump(run({"a “friendly” country"}, true, o)), "0 [] friendly\n");
}

TEST(QuoteRulesEdgeCases, EmptyAndOdd) {
  EXPECT_TRUE(run({}).empty());
  EXPECT_TRUE(run({"", "“", "”", "\"\""}).empty());
  EXPECT_NO_THROW(run({std::string("“\xFF\xFE”", 8)}));
}

}  // namespace
}  // namespace sluice::plugins::quotes

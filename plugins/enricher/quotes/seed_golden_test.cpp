// Golden test: every quotation of the seed article with its speaker, after
// the entities enricher (as config/seeds.toml runs them) and without it.
#include <gtest/gtest.h>

#include "seed_article.hpp"
#include "test_support.hpp"

namespace sluice::plugins::quotes {
namespace {

constexpr const char* kExpected =
    "2 SCARE most powerful\n"
    "3 [Anthony Blinken] I strongly doubt he’s there on holiday\n"
    "3 [Anthony Blinken] we’re seeing Russia desperately looking for support, for weapons, wherever it can "
    "find them to continue to prosecute its aggression against Ukraine.\n"
    "4 [Anthony Blinken] We see that in North Korea, we see that as well with Iran, which has provided many "
    "drones to Russia that it’s using to destroy civilian infrastructure and kill civilians in Ukraine.\n"
    "5 [North Korean state media] friendly talk\n"
    "8 [Ankit Panda] The symbolism of the Russian defence minister touring a room packed with "
    "nuclear-capable "
    "missiles built in North Korea is stark and grim\n"
    "10 SCARE friendly\n"
    "14 [Yuriy Sak] We capture their tanks, we capture their equipment and it is very possible that this is "
    "also the result of the Ukrainian army successfully conducting a military operation\n"
    "15 [Yuriy Sak] Russia has been shopping around for different types of munitions in all kinds of "
    "tyrannies, including North Korea and Iran\n";

TEST(SeedGolden, QuotesAfterEntities) {
  auto a = nlp::testing::seed_article(nlp::testing::seed_path());
  a.entities = testing::recognizer().recognize(a);
  EXPECT_EQ(testing::dump(find_article_quotes(a, testing::lexicon(), {})), kExpected);
}

TEST(SeedGolden, QuotesWithoutEntities) {
  const auto a = nlp::testing::seed_article(nlp::testing::seed_path());
  EXPECT_EQ(testing::dump(find_article_quotes(a, testing::lexicon(), {})), kExpected);
}

}  // namespace
}  // namespace sluice::plugins::quotes

// The `dates` enricher: published dates in many forms, dates in the text,
// relative dates, and the seed article.
#include <gtest/gtest.h>

#include "dates_enricher.hpp"
#include "published_date.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/text_stats/testing.hpp"

namespace sluice::plugins::dates {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::dates {
namespace {

using text_stats::testing::article_of;
using text_stats::testing::init_of;

// "text => iso" for each date found, "~" marking relative ones.
std::vector<std::string> found(const sdk::Article& a) {
  std::vector<std::string> out;
  const sdk::Value* dates = a.fields.find("dates");
  if (dates == nullptr) return out;
  for (const auto& d : dates->as_list()) {
    out.push_back((d.find("relative")->as_bool() ? "~" : "") + d.find("text")->as_string() + " => " +
                  d.find("iso")->as_string());
  }
  return out;
}

sdk::Article run(std::vector<std::string> body, std::string published = "2023-07-29", sdk::Map options = {}) {
  DatesEnricher e(init_of(descriptor(), std::move(options)));
  sdk::Article a = article_of(std::move(body), std::move(published));
  e.enrich(a);
  return a;
}

using Strings = std::vector<std::string>;

TEST(PublishedDate, ReadsTheCommonForms) {
  const std::pair<const char*, const char*> cases[] = {
      {"29 July 2023", "2023-07-29"},
      {"July 29, 2023", "2023-07-29"},
      {"Saturday, 29th of July 2023", "2023-07-29"},
      {"Jul. 29, 2023 10:00 AM", "2023-07-29"},
      {"2023-07-29", "2023-07-29"},
      {"2023-07-29T10:00:00Z", "2023-07-29T10:00:00Z"},
      {"2023-07-29T12:00:00+02:00", "2023-07-29T10:00:00Z"},
      {"Sat, 29 Jul 2023 10:00:00 GMT", "2023-07-29T10:00:00Z"},
      {"Sat, 29 Jul 2023 06:00:00 -0400", "2023-07-29T10:00:00Z"},
      {"29/07/2023", "2023-07-29"},
      {"July 2023", "2023-07"},
  };
  for (const auto& [raw, iso] : cases)
    EXPECT_EQ(normalize_published(raw, true).value_or("<none>"), iso) << raw;
}

TEST(PublishedDate, RefusesWhatIsNotADate) {
  for (const char* raw : {"", "soon", "29 July", "2023-02-30", "31 February 2023", "13/13/2023"}) {
    EXPECT_FALSE(normalize_published(raw, true)) << raw;
  }
}

TEST(PublishedDate, SlashedDatesFollowDayFirstUnlessAPartIsOver12) {
  EXPECT_EQ(*normalize_published("03/04/2023", true), "2023-04-03");
  EXPECT_EQ(*normalize_published("03/04/2023", false), "2023-03-04");
  EXPECT_EQ(*normalize_published("07/29/2023", true), "2023-07-29");
}

TEST(Dates, PublishedIsNormalisedFromTheRawString) {
  DatesEnricher e(init_of(descriptor()));
  sdk::Article a;
  a.published_raw = "July 29, 2023";
  e.enrich(a);
  EXPECT_EQ(a.published, "2023-07-29");
  EXPECT_EQ(a.published_raw, "July 29, 2023");  // the raw string stays as found

  sdk::Article b;
  b.published_raw = "sometime";
  e.enrich(b);
  EXPECT_EQ(b.published, "");
  ASSERT_NE(b.fields.find("warnings"), nullptr);
  EXPECT_EQ(b.fields.find("warnings")->as_list().front().as_string(),
            "dates: published date 'sometime' not understood; left as it was");
}

TEST(Dates, AbsoluteDatesInTheText) {
  EXPECT_EQ(found(run({"Talks began on 12 March 2022 and ended on March 14, 2022.",
                       "The deal, signed in 2019 and revised on 2021-06-30, expires in May 2025.",
                       "Polls close on 03/11/2024."})),
            (Strings{"12 March 2022 => 2022-03-12", "March 14, 2022 => 2022-03-14", "2019 => 2019",
                     "2021-06-30 => 2021-06-30", "May 2025 => 2025-05", "03/11/2024 => 2024-11-03"}));
}

TEST(Dates, YearlessDatesTakeTheNearestYear) {
  EXPECT_EQ(found(run({"It opened on 2 August and closed on 20th of December."}, "2023-07-29")),
            (Strings{"2 August => 2023-08-02", "20th of December => 2023-12-20"}));
  EXPECT_EQ(found(run({"Sales peaked on December 28."}, "2023-01-05")),
            (Strings{"December 28 => 2022-12-28"}));
  EXPECT_EQ(found(run({"It opened on 2 August."}, "")), (Strings{"2 August => --08-02"}));
}

TEST(Dates, WordsThatOnlyLookLikeDates) {
  EXPECT_TRUE(found(run({"You may march 3 miles with 2000 others. It will take 30 days."})).empty());
  EXPECT_TRUE(found(run({"31 February 2023 is not a day."})).empty());
}

TEST(Dates, WeekdayBeforeADateIsPartOfIt) {
  EXPECT_EQ(found(run({"On Saturday 29 July 2023 he left."})),
            (Strings{"Saturday 29 July 2023 => 2023-07-29"}));
}

TEST(Dates, RelativeDatesResolveAgainstThePublishedDate) {
  // Published Saturday 29 July 2023 (ISO week 30).
  EXPECT_EQ(
      found(run({"Yesterday and today, not tomorrow. The day before yesterday it rained; last night too.",
                 "This week, last week and next week. This month, last month. This year, last year, "
                 "next year.",
                 "Two weeks ago, 3 days ago, a year ago, six months ago."})),
      (Strings{"~Yesterday => 2023-07-28", "~today => 2023-07-29", "~tomorrow => 2023-07-30",
               "~day before yesterday => 2023-07-27", "~last night => 2023-07-28", "~This week => 2023-W30",
               "~last week => 2023-W29", "~next week => 2023-W31", "~This month => 2023-07",
               "~last month => 2023-06", "~This year => 2023", "~last year => 2022", "~next year => 2024",
               "~Two weeks ago => 2023-W28", "~3 days ago => 2023-07-26", "~a year ago => 2022",
               "~six months ago => 2023-01"}));
}

TEST(Dates, WeekdaysAreTheLatestSuchDayUnlessNextOrLast) {
  EXPECT_EQ(found(run({"He arrived on Monday, met her Thursday, leaves next Tuesday; last Saturday was quiet "
                       "and this morning too."})),
            (Strings{"~on Monday => 2023-07-24", "~Thursday => 2023-07-27", "~next Tuesday => 2023-08-01",
                     "~last Saturday => 2023-07-22", "~this morning => 2023-07-29"}));
}

TEST(Dates, RelativeDatesNeedAPublishedDateAndTheOption) {
  EXPECT_TRUE(found(run({"Yesterday it rained."}, "")).empty());
  EXPECT_TRUE(found(run({"Yesterday it rained."}, "2023-07-29", {{"relative", false}})).empty());
}

TEST(Dates, TitleAndCaptionAreParagraphsMinusOneAndMinusTwo) {
  DatesEnricher e(init_of(descriptor()));
  sdk::Article a = article_of({"Nothing here."}, "2023-07-29");
  a.title = "Storm hits on Friday";
  a.caption = "Damage seen on 28 July 2023";
  e.enrich(a);
  const auto& list = a.fields.find("dates")->as_list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].find("paragraph")->as_int(), -1);
  EXPECT_EQ(list[0].find("iso")->as_string(), "2023-07-28");
  EXPECT_EQ(list[1].find("paragraph")->as_int(), -2);
}

TEST(Dates, SeedArticle) {
  DatesEnricher e(init_of(descriptor()));
  sdk::Article a = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  e.enrich(a);
  EXPECT_EQ(a.published, "2023-07-29");
  EXPECT_EQ(found(a), (Strings{"~this week => 2023-W30", "~last year => 2022"}));
  const auto& list = a.fields.find("dates")->as_list();
  EXPECT_EQ(list[0].find("paragraph")->as_int(), 1);
  EXPECT_EQ(list[1].find("paragraph")->as_int(), 16);
}

TEST(Dates, Descriptor) {
  EXPECT_STREQ(descriptor()->name, "dates");
  EXPECT_TRUE(descriptor()->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
}

}  // namespace
}  // namespace sluice::plugins::dates

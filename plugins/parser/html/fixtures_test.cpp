// Hand-written ugly pages (testdata/): what must and must not be extracted.
#include <gtest/gtest.h>

#include "html_test_support.hpp"

namespace sluice::plugins::html {
namespace {

using namespace testing;

// --- a news page with every kind of furniture -------------------------------

class NewsArticle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { article_ = new sdk::Article(parse(fixture("news_article.html"))); }
  static void TearDownTestSuite() { delete article_; }
  static sdk::Article* article_;
};
sdk::Article* NewsArticle::article_ = nullptr;

TEST_F(NewsArticle, BodyIsExactlyTheArticleText) {
  EXPECT_EQ(
      joined(article_->body),
      "Residents of Porthavel voted on Saturday to keep the town's century-old ferry running, rejecting a "
      "council plan to replace it with a bus link around the estuary.\n"
      "The vote, which drew more than two thirds of the electorate, ends a year of argument over the cost of "
      "the service, which the council says loses money every winter.\n"
      "\"The ferry is not a luxury, it is how half of us get to work,\" said Maria Lopez, who runs a bakery "
      "on "
      "the quay and collected signatures for the referendum.\n"
      "What happens next\n"
      "The council will now have to find savings elsewhere in its budget, and its leader said a working "
      "group "
      "would report by the autumn, with fares likely to rise by a small amount.\n"
      "Opponents of the ferry argued that the money would be better spent on the town's schools, but "
      "conceded "
      "that the result was clear and said they would not challenge it.\n");
}

TEST_F(NewsArticle, NoFurnitureInTheBody) {
  for (const char* boilerplate :
       {"cookies",        "Accept all",   "Sport",     "Local politics", "By Jane Doe",
        "29 July 2023",   "dawn",         "Share on",  "Advertisement",  "Related stories",
        "Estuary bridge", "newsletter",   "Subscribe", "Tags:",          "comments",
        "Harbourwatcher", "fares double", "Most read", "Seal spotted",   "All rights reserved"}) {
    EXPECT_FALSE(has_text(*article_, boilerplate)) << boilerplate;
  }
}

TEST_F(NewsArticle, Metadata) {
  EXPECT_EQ(article_->title, "Harbour town votes to keep its ferry");
  EXPECT_EQ(article_->published, "2023-07-29T08:15:00Z");  // UTC, as every parser writes it
  EXPECT_EQ(article_->published_raw, "2023-07-29T10:15:00+02:00");
  EXPECT_EQ(article_->authors, (std::vector<std::string>{"Jane Doe", "Tom Roe"}));
  EXPECT_EQ(article_->caption, "The ferry leaves the harbour at dawn.");
  EXPECT_EQ(article_->credit, "Ann Smith/Courier");
  EXPECT_EQ(article_->language, "en");
  EXPECT_EQ(article_->content_type, "text/html");
  EXPECT_EQ(article_->source_uri, "file:///data/news_article.html");
  EXPECT_TRUE(warnings(*article_).empty());
}

// --- 1990s layout: nested tables, <br><br> paragraphs, <font> ----------------

TEST(NestedTables, ContentCellWithoutTheMenuColumnAndFooterRow) {
  const sdk::Article a = parse(fixture("nested_tables.html"));
  EXPECT_EQ(
      joined(a.body),
      "Sommerfest 2004 ein voller Erfolg\n"
      "Bei strahlendem Wetter feierten am Samstag mehr als zweihundert Mitglieder und Gaeste das "
      "traditionelle Sommerfest auf der Festwiese hinter dem Vereinsheim.\n"
      "Der Vorstand bedankte sich bei allen Helfern, die Kuchen gebacken, Tische aufgebaut und bis in die "
      "Nacht hinein Wuerstchen gegrillt haben.\n"
      "Den Preis fuer die schoenste Parzelle erhielt in diesem Jahr Familie Brandt aus dem Weg 7, deren "
      "Rosenbeete schon im Fruehjahr viele Besucher angezogen hatten.\n"
      "Die Jury lobte besonders die alten Sorten.\n"
      "Platz | Parzelle | Punkte\n"
      "1 | Weg 7 | 48\n"
      "2 | Weg 2 | 45\n");
  EXPECT_EQ(a.title, "Vereinsnachrichten - Kleingartenverein Sonnenschein e.V.");
}

// --- a blog post whose comment thread is longer than the post ----------------

TEST(Comments, ThreadLongerThanThePostStaysOut) {
  const sdk::Article a = parse(fixture("comments.html"));
  ASSERT_EQ(a.body.size(), 2u) << joined(a.body);
  EXPECT_TRUE(a.body[0].starts_with("Vor einem Jahr habe ich meinen Sauerteig"));
  EXPECT_TRUE(a.body[1].ends_with("wurden sie besser."));
  for (const char* comment :
       {"Herbert", "Roggenmehl", "Kuehlschrank gehen", "dreissig Jahren", "Kommentar", "Gedanken"})
    EXPECT_FALSE(has_text(a, comment)) << comment;
  EXPECT_EQ(a.title, "Warum ich wieder Brot backe");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Kruemel"}));
  EXPECT_EQ(a.published, "2021-03-14T08:00:00Z");
  EXPECT_EQ(a.language, "de");
}

// --- a consent dialog with as much text as the article ------------------------

TEST(CookieBanner, ConsentDialogStaysOut) {
  const sdk::Article a = parse(fixture("cookie_banner.html"));
  ASSERT_EQ(a.body.size(), 4u) << joined(a.body);
  EXPECT_TRUE(a.body[0].starts_with("Après deux ans de travaux"));
  EXPECT_TRUE(a.body[3].ends_with("jusqu'à dix-neuf heures."));
  for (const char* consent : {"cookies", "consentement", "partenaires", "Accepter", "Mentions"})
    EXPECT_FALSE(has_text(a, consent)) << consent;
  EXPECT_EQ(a.title, "Le marché couvert rouvre ses portes");
  EXPECT_EQ(a.language, "fr");
}

// --- a script-rendered page: only JSON-LD has the article ---------------------

TEST(JsonLdOnly, BodyAndMetadataFromJsonLd) {
  const sdk::Article a = parse(fixture("json_ld_only.html"));
  EXPECT_EQ(
      a.body,
      (std::vector<std::string>{
          "Orchard growers across the valley expect the largest apple harvest in two decades after a "
          "warm spring and a wet summer.",
          "Picking started this week on the lower slopes, and cooperatives say they will need three "
          "hundred more seasonal workers than last year.",
          "Prices at the farm gate have already fallen slightly, which growers blame on the strong crop "
          "in neighbouring regions."}));
  EXPECT_EQ(a.title, "Orchard growers expect record apple harvest");
  EXPECT_EQ(a.published, "2022-09-05T06:30:00Z");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Priya Natarajan"}));  // resolved from an "@id" reference
  EXPECT_EQ(a.caption, "Apples ready for picking near Hollow Creek");
  EXPECT_EQ(a.credit, "Valley Times");
  EXPECT_EQ(a.fields.find("html_body_source")->as_string(), "json-ld");
  EXPECT_FALSE(has_text(a, "Loading"));
  EXPECT_FALSE(has_text(a, "JavaScript"));
}

TEST(JsonLdOnly, IgnoredWhenSwitchedOff) {
  const sdk::Article a = parse(fixture("json_ld_only.html"), {{"use_json_ld", false}});
  EXPECT_FALSE(has_text(a, "Orchard growers"));
  EXPECT_EQ(a.title, "Orchard growers expect record apple harvest");  // metadata still reads JSON-LD
}

// --- no <html>, <head> or <body>, no closing </p> -----------------------------

TEST(NoBody, ImpliedElementsAreEnough) {
  const sdk::Article a = parse(fixture("no_body.html"));
  EXPECT_EQ(a.title, "Minutes of the April meeting");
  ASSERT_EQ(a.body.size(), 3u) << joined(a.body);
  EXPECT_TRUE(a.body[0].starts_with("The meeting opened at seven"));
  EXPECT_EQ(a.body[2],
            "The proposal was carried unanimously after a short discussion about storage space in the shed.");
}

// --- unclosed and misnested tags, stray end tags, a page cut off mid-tag ------

TEST(BrokenTags, ParsedTheWayBrowsersDo) {
  const sdk::Article a = parse(fixture("broken_tags.html"));
  EXPECT_EQ(a.title, "Broken markup survives");
  ASSERT_GE(a.body.size(), 4u) << joined(a.body);
  EXPECT_EQ(
      a.body[0],
      "This paragraph is never closed, and it still has to come out as one paragraph of text with its bold "
      "and italic words intact.");
  EXPECT_EQ(a.body[1], "Here a link sits in the middle of a sentence");
  EXPECT_EQ(a.body[2], "that goes on after the paragraph ended.");
  EXPECT_EQ(
      a.body[3],
      "Stray end tags above must not swallow the rest of the article, which continues here with a third "
      "paragraph.");
  EXPECT_FALSE(has_text(a, "About"));
  // The unclosed <a> reopens around the last paragraph, as in a browser:
  // that paragraph is a link, and link lines are not article text.
  EXPECT_FALSE(has_text(a, "cut off"));
}

// --- windows-1252 declared after the first 1024 bytes -------------------------

TEST(Windows1252, ConvertedWithTheCharsetDeclaredLate) {
  const sdk::Article a = parse(fixture("windows1252.html"));
  EXPECT_EQ(a.title, "Grüße aus München");
  ASSERT_EQ(a.body.size(), 2u) << joined(a.body);
  EXPECT_TRUE(
      a.body[0].starts_with("\xE2\x80\x9E"
                            "Das Wetter war großartig\xE2\x80\x9C, schrieb"));
  EXPECT_TRUE(a.body[1].ends_with("für 25€ auf den billigen Plätzen ganz oben."));
  EXPECT_TRUE(warnings(a).empty());
}

TEST(Windows1252, TransportCharsetWinsAndBadBytesAreRepaired) {
  // A server that claims UTF-8 for a windows-1252 page: the transport's
  // word wins over the <meta>, and every byte that is not UTF-8 becomes
  // U+FFFD with a warning, never a failure.
  sdk::RawDocument doc = fixture("windows1252.html");
  doc.content_type = "text/html; charset=utf-8";
  const sdk::Article a = parse(doc);
  EXPECT_EQ(a.title,
            "Gr\xEF\xBF\xBD\xEF\xBF\xBD"
            "e aus M\xEF\xBF\xBDnchen");
  ASSERT_EQ(warnings(a).size(), 1u);
  EXPECT_NE(warnings(a)[0].find("replaced with U+FFFD"), std::string::npos) << warnings(a)[0];
}

// --- structure inside the article -------------------------------------------

TEST(ListsAndHeadings, KeptAsParagraphs) {
  const sdk::Article a = parse(fixture("lists_headings.html"));
  EXPECT_EQ(
      a.body,
      (std::vector<std::string>{
          "Cacti grow slowly, but every few years their roots fill the pot and they need a bigger home. "
          "Done carefully, repotting takes ten minutes and nobody gets hurt.",
          "What you need",
          "A pot one size larger, with a drainage hole",
          "Cactus soil",
          "Thick gloves, or folded newspaper",
          "Step by step",
          "Water the cactus two days before, so that the root ball holds together.",
          "Wrap the newspaper around the cactus and lift it out of the old pot.",
          "Set it in the new pot at the same depth and fill the gaps with soil.",
          "Soil mixes compared:",
          "Mix | Drainage | Price",
          "Cactus soil | good | low",
          "Pumice blend | excellent | high",
          "Do not water for a week after repotting: broken roots need time to heal.",
          "The label on the pot said:",
          "Keep dry in winter",
          "Full sun",
          "soil = 2 parts compost",
          "+ 1 part grit",
      }));
  EXPECT_EQ(a.title, "How to repot a cactus without tears");
}

}  // namespace
}  // namespace sluice::plugins::html

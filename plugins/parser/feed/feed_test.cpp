// The `feed` parser on RSS 2.0 and on broken input: what each article
// holds, what is repaired, what is reported.
#include "feed_test_support.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::feed {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::feed {
namespace {

using namespace testing;

class Rss2 : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = parse(fixture("rss2.xml"));
    ASSERT_EQ(out_.articles.size(), 4u);
  }
  const sdk::Article& item(std::size_t i) const { return out_.articles.at(i); }
  Collect out_;
};

TEST_F(Rss2, FullItem) {
  const sdk::Article& a = item(0);
  EXPECT_TRUE(out_.errors.empty());
  EXPECT_EQ(a.title, "Storm closes three ports");
  EXPECT_EQ(a.source_uri, "https://news.example.com/2023/07/storm");  // relative to the channel link
  EXPECT_EQ(field(a, "document_uri"), "file:///feeds/rss2.xml");
  EXPECT_EQ(field(a, "guid"), "harbour-1001");
  EXPECT_EQ(a.published, "2023-07-29T08:15:00Z");
  EXPECT_EQ(a.published_raw, "Sat, 29 Jul 2023 10:15:00 +0200");
  EXPECT_EQ(a.authors, (Strings{"Jane Roe", "John Doe"}));
  EXPECT_EQ(list_field(a, "categories"), (Strings{"Weather", "Ports"}));
  // content:encoded is the body; the description is kept as the summary.
  EXPECT_EQ(a.body, (Strings{"Gales closed three ports on Saturday, the coastguard said.",
                             "Ferries & freight will resume on Monday \u2014 weather permitting."}));
  EXPECT_EQ(field(a, "summary"), "Gales closed three ports on Saturday.");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.content_type, "application/rss+xml");
  const sdk::Value* feed = a.fields.find("feed");
  ASSERT_NE(feed, nullptr);
  EXPECT_EQ(feed->find("title")->as_string(), "Harbour News");
  EXPECT_EQ(feed->find("link")->as_string(), "https://news.example.com/");
  EXPECT_EQ(feed->find("format")->as_string(), "rss");
  EXPECT_EQ(a.fields.find("warnings"), nullptr);
}

TEST_F(Rss2, EscapedHtmlDescriptionAndRss2Author) {
  const sdk::Article& a = item(1);
  EXPECT_EQ(a.title, "Ferry timetable & fares");
  EXPECT_EQ(a.body, (Strings{"New timetable.", "Fares rise by 5%."}));
  EXPECT_EQ(a.authors, Strings{"News Desk"});
  EXPECT_EQ(field(a, "summary"), "");  // the description is the body here
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(list_field(a, "warnings"), Strings{"unrecognised date 'not a date'; published left empty"});
}

TEST_F(Rss2, XmlBaseOnTheItemWins) {
  EXPECT_EQ(item(2).source_uri, "https://archive.example.com/2022/story.html");
  EXPECT_TRUE(item(2).body.empty());
}

TEST_F(Rss2, PermalinkGuidStandsInForTheLink) {
  EXPECT_EQ(item(3).source_uri, "https://news.example.com/untitled");
  EXPECT_EQ(item(3).title, "");
}

TEST_F(Rss2, IdsAreKeyedByGuidAndStable) {
  sdk::Article copy = item(0);
  EXPECT_EQ(item(0).id, sdk::make_article_id("rss2.xml#harbour-1001", copy));
  // No guid: the link keys it.
  copy = item(1);
  EXPECT_EQ(item(1).id, sdk::make_article_id("rss2.xml#https://news.example.com/ferries", copy));
  EXPECT_EQ(parse(fixture("rss2.xml")).articles.at(0).id, item(0).id);
}

TEST(FeedBroken, BrokenItemIsReportedTheOthersKept) {
  const Collect out = parse(fixture("broken_item.xml"));
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[0].title, "Good before");
  EXPECT_EQ(out.articles[1].title, "Good after");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].rfind("item 2 (line 11) 'Mangled' is broken and was skipped: line 14: ", 0), 0u)
      << out.errors[0];
}

TEST(FeedBroken, UnclosedItemDoesNotSwallowTheItemsAfterIt) {
  // libxml2's recovery nests items 3 and 4 inside the unclosed item 2.
  const Collect out = parse(fixture("unclosed_item.xml"));
  Strings titles;
  for (const auto& a : out.articles) titles.push_back(a.title);
  EXPECT_EQ(titles, (Strings{"one", "three", "four"}));
  ASSERT_FALSE(out.errors.empty());
  EXPECT_EQ(
      out.errors[0],
      "item 2 (line 5) 'two unclosed' is broken and was skipped: line 6: Opening and ending tag mismatch: "
      "description line 5 and item");
}

TEST(FeedBroken, CommonDefectsAreRepairedAndNoted) {
  const Collect out = parse(fixture("repairs.xml"));
  ASSERT_EQ(out.articles.size(), 3u);
  EXPECT_TRUE(out.errors.empty());
  const sdk::Article& a = out.articles[0];
  EXPECT_EQ(a.title, "AT&T \u00e9t\u00e9 \uFFFD ok");
  EXPECT_EQ(a.source_uri, "https://r.example.com/?a=1&b=2");
  EXPECT_EQ(list_field(a, "warnings"),
            (Strings{"repaired unescaped '&' on line 4", "repaired unescaped '&' on line 5"}));
  EXPECT_EQ(out.articles[1].title, "Clean & fine \u201cx\u201d");
  EXPECT_EQ(out.articles[1].fields.find("warnings"), nullptr);
  EXPECT_EQ(out.articles[2].title, "CDATA & stays");
}

TEST(FeedBroken, OneLineFeedStillReadsEveryItem) {
  const Collect out = parse(fixture("one_line.xml"));
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[1].source_uri, "https://o.example.com/b");
}

TEST(FeedBroken, NotAFeed) {
  EXPECT_EQ(stage_error(fixture("not_a_feed.html")),
            "not a feed: the root element is <html>, not <rss>, <rdf:RDF> or <feed>");
  EXPECT_EQ(stage_error(fixture("garbage.txt")).rfind("not XML: line 1: ", 0), 0u);
  EXPECT_EQ(stage_error(document("e.xml", "")), "empty document");
  EXPECT_EQ(stage_error(document("e.xml", "  \n")), "empty document (nothing but white space)");
}

TEST(FeedBroken, CorruptAndTruncatedGzip) {
  EXPECT_EQ(stage_error(fixture("corrupt.gz")).rfind("gzip: corrupt data", 0), 0u);
  EXPECT_EQ(stage_error(fixture("truncated.gz")), "gzip: data is truncated");
}

TEST(FeedBroken, GzipBombIsRefused) {
  const sdk::RawDocument doc = fixture("rss2.xml.gz");
  Collect out;
  try {
    make({{"max_bytes", std::int64_t{1000}}}).parse(doc, out);
    ADD_FAILURE() << "expected a StageError";
  } catch (const sdk::StageError& e) {
    EXPECT_STREQ(e.what(), "gzip: inflates to more than max_bytes (1000 bytes); raise max_bytes to parse it");
  }
}

TEST(FeedBroken, UnreadDocument) {
  sdk::RawDocument doc = fixture("rss2.xml");
  doc.meta["error"] = "timed out";
  EXPECT_EQ(stage_error(doc), "the source could not read the document: timed out");
}

TEST(FeedOptions, KeepSummaryOff) {
  const Collect out = parse(fixture("rss2.xml"), {{"keep_summary", false}});
  EXPECT_EQ(out.articles.at(0).fields.find("summary"), nullptr);
}

TEST(FeedOptions, BadValuesAreRefused) {
  EXPECT_THROW(make({{"max_bytes", std::int64_t{0}}}), sdk::StageError);
  EXPECT_THROW(make({{"fallback_charset", "nope-9"}}), sdk::StageError);
}

TEST(FeedDescriptor, DefaultsMatchDeclaredOptions) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "feed");
  EXPECT_EQ(d->kind, static_cast<std::uint32_t>(SLUICE_KIND_PARSER));
  EXPECT_TRUE(d->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
  const sdk::Options defaults = options_with();
  for (std::uint32_t i = 0; i < d->option_count; ++i) {
    const auto& o = d->options[i];
    EXPECT_TRUE(o.description != nullptr && *o.description != '\0') << o.name;
    EXPECT_NE(o.example_toml, nullptr) << o.name;
    EXPECT_EQ(defaults.has(o.name), o.required == 0) << o.name;
  }
  EXPECT_EQ(d->option_count, defaults.all().size());
}

}  // namespace
}  // namespace sluice::plugins::feed

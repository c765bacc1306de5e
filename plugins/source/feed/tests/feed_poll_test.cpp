// The `feed_poll` source in-process against a real server on 127.0.0.1:
// each item once across runs, the bounded memory, conditional GET, the
// one-item documents the feed parser reads, and fetch_links.
#include <gtest/gtest.h>

#include "feed_parser.hpp"
#include "feed_poll_source.hpp"
#include "http_test_server.hpp"
#include "seen_items.hpp"
#include "sluice/sdk/testing/testing.hpp"
#include "test_support.hpp"

namespace sluice::plugins::feed_poll {

const sluice_plugin_descriptor* descriptor();  // from plugin.cpp

namespace {

using sluice::testing::HttpReply;
using sluice::testing::HttpTestServer;

struct Entry {
  std::string guid, title, link, date, text;
};

std::string rss(const std::vector<Entry>& entries) {
  std::string items;
  for (const auto& e : entries) {
    items += "<item><title>" + e.title + "</title>";
    if (!e.link.empty()) items += "<link>" + e.link + "</link>";
    if (!e.guid.empty()) items += "<guid isPermaLink=\"false\">" + e.guid + "</guid>";
    items += "<pubDate>" + e.date + "</pubDate><description>" + e.text + "</description></item>";
  }
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Coast News</title>"
         "<link>https://coast.example/</link><language>en-gb</language>" +
         items + "</channel></rss>";
}

const Entry kOne{"c-1", "Harbour reopens", "", "Mon, 02 Oct 2023 08:00:00 GMT",
                 "The harbour reopened on Monday."};
const Entry kTwo{"c-2", "Ferry timetable changes", "", "Tue, 03 Oct 2023 09:30:00 GMT",
                 "The winter timetable starts next week."};
const Entry kThree{"c-3", "Storm wall repaired", "", "Wed, 04 Oct 2023 10:00:00 GMT",
                   "Repairs finished early."};

class FeedPollTest : public ::testing::Test {
 protected:
  std::unique_ptr<FeedPollSource> make(sdk::Map overrides = {}) {
    sdk::StageInit init;
    init.pipeline = "test";
    init.name = "feeds";
    if (!overrides.count("urls")) overrides["urls"] = sdk::List{server_.url("/rss.xml")};
    if (!overrides.count("politeness_delay")) overrides["politeness_delay"] = "0ms";
    init.options = sdk::testing::make_options(*descriptor(), overrides);
    init.state = &state_;
    init.log = &log_;
    return std::make_unique<FeedPollSource>(init);
  }

  std::vector<sdk::RawDocument> run(sdk::Map overrides = {}, bool acknowledge = true) {
    auto source = make(std::move(overrides));
    std::vector<sdk::RawDocument> docs;
    sdk::RawDocument doc;
    while (source->next(doc)) {
      docs.push_back(doc);
      if (acknowledge) source->acknowledge(doc.cursor);
      doc = {};
    }
    return docs;
  }

  // What the `feed` parser makes of a document.
  static std::vector<sdk::Article> parse(const sdk::RawDocument& doc) {
    sdk::StageInit init;
    init.options = sdk::Options(sdk::Map{
        {"max_bytes", std::int64_t{1 << 20}}, {"fallback_charset", "windows-1252"}, {"keep_summary", true}});
    feed::FeedParser parser(init);
    struct Collect : sdk::ParseOutput {
      void article(sdk::Article&& a) override { articles.push_back(std::move(a)); }
      void error(std::string) override {}
      std::vector<sdk::Article> articles;
    } out;
    parser.parse(doc, out);
    return out.articles;
  }

  static std::string title_of(const sdk::RawDocument& doc) {
    const auto articles = parse(doc);
    return articles.size() == 1 ? articles[0].title : "(" + std::to_string(articles.size()) + " articles)";
  }

  static std::string error_of(const sdk::RawDocument& d) {
    const auto* e = d.meta.find("error");
    return e != nullptr && e->is_string() ? e->as_string() : std::string();
  }

  HttpTestServer server_;
  sdk::testing::MemoryState state_;
  sdk::testing::RecordingLog log_;
};

TEST_F(FeedPollTest, EachItemOnceAcrossRunsAndThenOnlyTheNewOne) {
  server_.on("/rss.xml", HttpReply::text(rss({kTwo, kOne}), "application/rss+xml"));
  const auto first = run();
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(title_of(first[0]), "Ferry timetable changes");
  EXPECT_EQ(title_of(first[1]), "Harbour reopens");

  EXPECT_TRUE(run().empty());

  server_.on("/rss.xml", HttpReply::text(rss({kThree, kTwo, kOne}), "application/rss+xml"));
  const auto third = run();
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(title_of(third[0]), "Storm wall repaired");
  EXPECT_EQ(server_.requests("/rss.xml").size(), 3u);
}

TEST_F(FeedPollTest, AnItemDocumentIsTheArticleTheWholeFeedWouldGive) {
  const std::string feed = rss({kTwo, kOne});
  server_.on("/rss.xml", HttpReply::text(feed, "application/rss+xml"));
  const auto docs = run();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].content_type, "application/feed+json");
  EXPECT_EQ(docs[0].key, server_.url("/rss.xml"));
  EXPECT_EQ(docs[0].meta.find("guid")->as_string(), "c-2");

  sdk::RawDocument whole;
  whole.uri = whole.key = server_.url("/rss.xml");
  whole.content_type = "application/rss+xml";
  whole.bytes = feed;
  const auto expected = parse(whole);
  ASSERT_EQ(expected.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto got = parse(docs[i]);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].id, expected[i].id);
    EXPECT_EQ(got[0].title, expected[i].title);
    EXPECT_EQ(got[0].body, expected[i].body);
    EXPECT_EQ(got[0].published, expected[i].published);
    EXPECT_EQ(got[0].language, "en");
    EXPECT_EQ(got[0].fields.find("guid")->as_string(), expected[i].fields.find("guid")->as_string());
    EXPECT_EQ(got[0].fields.find("feed")->find("title")->as_string(), "Coast News");
  }
}

TEST_F(FeedPollTest, ItemsAreRememberedOnlyOnceAcknowledged) {
  server_.on("/rss.xml", HttpReply::text(rss({kTwo, kOne}), "application/rss+xml"));
  ASSERT_EQ(run({}, /*acknowledge=*/false).size(), 2u);
  EXPECT_TRUE(state_.all().empty());
  EXPECT_EQ(run().size(), 2u);
  EXPECT_TRUE(run().empty());
}

TEST_F(FeedPollTest, ConditionalGetOfTheFeed) {
  server_.on_conditional("/rss.xml", rss({kOne}), "application/rss+xml", "\"f1\"");
  ASSERT_EQ(run().size(), 1u);
  EXPECT_TRUE(run().empty());
  const auto got = server_.requests("/rss.xml");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].header("If-None-Match"), "\"f1\"");
}

TEST_F(FeedPollTest, RememberedItemsAreBoundedPerFeed) {
  server_.on("/rss.xml", HttpReply::text(rss({kThree, kTwo, kOne}), "application/rss+xml"));
  ASSERT_EQ(run({{"max_remembered", 2}}).size(), 3u);
  const auto saved = state_.get("seen/" + server_.url("/rss.xml"));
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(SeenItems::decode(*saved, 100).size(), 2u);
}

TEST_F(FeedPollTest, ItemsWithoutGuidAreKnownByTheirLink) {
  const Entry a{"", "No guid A", "https://coast.example/a", "Mon, 02 Oct 2023 08:00:00 GMT", "A."};
  const Entry b{"", "No guid B", "https://coast.example/b", "Mon, 02 Oct 2023 09:00:00 GMT", "B."};
  server_.on("/rss.xml", HttpReply::text(rss({a}), "application/rss+xml"));
  ASSERT_EQ(run().size(), 1u);
  server_.on("/rss.xml", HttpReply::text(rss({b, a}), "application/rss+xml"));
  const auto docs = run();
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(title_of(docs[0]), "No guid B");
}

TEST_F(FeedPollTest, FetchLinksDeliversThePagesWithTheItemsMetadata) {
  server_.on("/a.html",
             HttpReply::text("<html><body><p>Page A</p></body></html>", "text/html; charset=utf-8"));
  server_.on("/b.html", HttpReply::text("<html><body><p>Page B</p></body></html>", "text/html"));
  const Entry a{"a", "Item A", server_.url("/a.html"), "Mon, 02 Oct 2023 08:00:00 GMT", "A."};
  const Entry b{"b", "Item B", server_.url("/b.html"), "Mon, 02 Oct 2023 09:00:00 GMT", "B."};
  server_.on("/rss.xml", HttpReply::text(rss({b, a}), "application/rss+xml"));
  const auto docs = run({{"fetch_links", true}});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].key, server_.url("/b.html"));
  EXPECT_EQ(docs[0].content_type, "text/html");
  EXPECT_EQ(docs[0].bytes, "<html><body><p>Page B</p></body></html>");
  EXPECT_EQ(docs[0].meta.find("item_title")->as_string(), "Item B");
  EXPECT_EQ(docs[0].meta.find("item_published")->as_string(), "Mon, 02 Oct 2023 09:00:00 GMT");
  EXPECT_EQ(docs[0].meta.find("feed_url")->as_string(), server_.url("/rss.xml"));
  EXPECT_EQ(docs[0].meta.find("feed_title")->as_string(), "Coast News");
  EXPECT_EQ(docs[1].key, server_.url("/a.html"));
  EXPECT_TRUE(run({{"fetch_links", true}}).empty());
}

TEST_F(FeedPollTest, AFailedLinkIsReportedAndItsItemTriedAgainNextRun) {
  server_.on("/a.html", HttpReply::text("<p>A</p>", "text/html"));
  server_.on("/b.html", HttpReply::text("down", "text/plain", 502));
  const Entry a{"a", "Item A", server_.url("/a.html"), "Mon, 02 Oct 2023 08:00:00 GMT", "A."};
  const Entry b{"b", "Item B", server_.url("/b.html"), "Mon, 02 Oct 2023 09:00:00 GMT", "B."};
  server_.on_conditional("/rss.xml", rss({b, a}), "application/rss+xml", "\"f1\"");
  const auto first = run({{"fetch_links", true}});
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(error_of(first[0]), "GET " + server_.url("/b.html") + ": HTTP 502 Bad Gateway");
  EXPECT_EQ(first[0].meta.find("feed_url")->as_string(), server_.url("/rss.xml"));
  EXPECT_EQ(error_of(first[1]), "");

  // The feed is asked for in full again (its validators were not kept),
  // and only the failed item comes back.
  server_.on("/b.html", HttpReply::text("<p>B</p>", "text/html"));
  const auto second = run({{"fetch_links", true}});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].bytes, "<p>B</p>");
  EXPECT_EQ(server_.requests("/rss.xml")[1].header("If-None-Match"), "");
}

TEST_F(FeedPollTest, AFeedThatFailsIsADocumentNamingItAndTheOthersStillCome) {
  server_.on("/rss.xml", HttpReply::text(rss({kOne}), "application/rss+xml"));
  server_.on("/not-a-feed", HttpReply::text("<html><body>hello</body></html>", "text/html"));
  const auto docs = run({{"urls", sdk::List{server_.url("/missing.xml"), server_.url("/not-a-feed"),
                                            server_.url("/rss.xml")}}});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(error_of(docs[0]), "GET " + server_.url("/missing.xml") + ": HTTP 404 Not Found");
  EXPECT_EQ(error_of(docs[1]).rfind("feed " + server_.url("/not-a-feed") + " could not be read: ", 0), 0u)
      << error_of(docs[1]);
  EXPECT_EQ(title_of(docs[2]), "Harbour reopens");
}

TEST(SeenItems, KeepsTheNewestUpToCapacity) {
  SeenItems s(2);
  s.add("a");
  s.add("b");
  s.add("a");  // seen again: now the newest
  s.add("c");  // "b" is the oldest and goes
  EXPECT_TRUE(s.contains("a"));
  EXPECT_FALSE(s.contains("b"));
  EXPECT_TRUE(s.contains("c"));
  const auto back = SeenItems::decode(s.encode(), 2);
  EXPECT_TRUE(back.contains("a"));
  EXPECT_TRUE(back.contains("c"));
  EXPECT_EQ(back.size(), 2u);
}

}  // namespace
}  // namespace sluice::plugins::feed_poll

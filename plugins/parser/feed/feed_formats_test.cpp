// The `feed` parser on Atom, RSS 1.0 (RDF), JSON Feed, legacy encodings and
// gzip.
#include <thread>

#include "feed_test_support.hpp"

namespace sluice::plugins::feed {
namespace {

using namespace testing;

TEST(Atom, EntriesWithBasesTypesAndInheritedAuthors) {
  const Collect out = parse(fixture("atom.xml"));
  ASSERT_EQ(out.articles.size(), 3u);
  EXPECT_TRUE(out.errors.empty());

  const sdk::Article& a = out.articles[0];
  EXPECT_EQ(a.title, "Premier article");
  EXPECT_EQ(a.source_uri, "https://blog.example.org/posts/1");  // the text/html alternate, via xml:base
  EXPECT_EQ(field(a, "guid"), "tag:blog.example.org,2023:1");
  EXPECT_EQ(a.published, "2023-07-29T16:00:00Z");  // published, not updated
  EXPECT_EQ(a.authors, Strings{"Marie Curie"});    // inherited from the feed
  EXPECT_EQ(list_field(a, "categories"), (Strings{"Science", "radium"}));
  EXPECT_EQ(a.body, (Strings{"Premier paragraphe.", "Second paragraphe."}));
  EXPECT_EQ(field(a, "summary"), "Un r\u00e9sum\u00e9.");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.content_type, "application/atom+xml");
  EXPECT_EQ(a.fields.find("feed")->find("title")->as_string(), "Le Blog");

  const sdk::Article& b = out.articles[1];
  EXPECT_EQ(b.title, "An XHTML title");
  EXPECT_EQ(b.source_uri, "https://blog.example.org/archives/2");
  EXPECT_EQ(b.published, "2023-07-28T07:30:00Z");  // updated, for want of published
  EXPECT_EQ(b.authors, Strings{"Pierre Curie"});
  EXPECT_EQ(b.body, (Strings{"One.", "Two."}));
  EXPECT_EQ(b.language, "en");

  const sdk::Article& c = out.articles[2];
  EXPECT_EQ(c.body, (Strings{"Line one wrapped.", "Second <b> is text."}));
  EXPECT_EQ(c.source_uri, "file:///feeds/atom.xml");  // no link at all
}

TEST(Rdf, Rss10Items) {
  const Collect out = parse(fixture("rdf.xml"));
  ASSERT_EQ(out.articles.size(), 1u);
  const sdk::Article& a = out.articles[0];
  EXPECT_EQ(a.title, "RSS 1.0 item");
  EXPECT_EQ(field(a, "guid"), "https://rdf.example.net/a");
  EXPECT_EQ(a.published, "2023-07-29T09:00:00Z");
  EXPECT_EQ(list_field(a, "categories"), Strings{"Tech"});
  EXPECT_EQ(a.body, Strings{"Described."});
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.fields.find("feed")->find("format")->as_string(), "rdf");
}

TEST(JsonFeed, Items) {
  const Collect out = parse(fixture("feed.json"));
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.errors, Strings{"item 2 is not a JSON object and was skipped"});
  const sdk::Article& a = out.articles[0];
  EXPECT_EQ(a.title, "First wire");
  EXPECT_EQ(a.source_uri, "https://wire.example.com/stories/1");
  EXPECT_EQ(field(a, "guid"), "w-1");
  EXPECT_EQ(a.published, "2023-07-29T15:15:00Z");
  EXPECT_EQ(a.authors, Strings{"Wire Desk"});
  EXPECT_EQ(a.body, (Strings{"Hello world.", "Again."}));
  EXPECT_EQ(field(a, "summary"), "Short.");
  EXPECT_EQ(list_field(a, "categories"), (Strings{"wire", "test"}));
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.content_type, "application/feed+json");

  const sdk::Article& b = out.articles[1];
  EXPECT_EQ(field(b, "guid"), "3");
  EXPECT_EQ(b.authors, Strings{"Old Style"});
  EXPECT_EQ(b.body, (Strings{"Para one.", "Para two."}));
  EXPECT_EQ(b.published, "2023-07-30T00:00:00Z");
}

TEST(JsonFeed, NotAJsonFeed) {
  EXPECT_EQ(stage_error(document("x.json", "{\"title\": 1}")), "not a JSON Feed: no \"items\" array");
  EXPECT_EQ(stage_error(document("x.json", "{\"items\": [")).rfind("not JSON: ", 0), 0u);
}

TEST(Encodings, Windows1251DeclaredInTheProlog) {
  const Collect out = parse(fixture("windows1251.xml"));
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].title,
            "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440");  // Привет, мир
  EXPECT_EQ(out.articles[0].body,
            Strings{"\u0422\u0435\u043a\u0441\u0442 \u2014 \u0437\u0434\u0435\u0441\u044c."});
  EXPECT_EQ(out.articles[0].fields.find("feed")->find("title")->as_string(),
            "\u041d\u043e\u0432\u043e\u0441\u0442\u0438");
}

TEST(Encodings, Utf16WithByteOrderMark) {
  // The same feed as UTF-16LE with a mark: converted before libxml2 sees it.
  const std::string utf8 = slurp(fs::path(SLUICE_PLUGIN_TEST_DIR) / "testdata" / "rdf.xml");
  std::string utf16 = "\xFF\xFE";
  for (const char c : utf8) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  const Collect out = parse(document("rdf16.xml", utf16));
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].title, "RSS 1.0 item");
}

TEST(Gzip, CompressedFeedReadsLikeThePlainOne) {
  const Collect plain = parse(fixture("rss2.xml"));
  const Collect packed = parse(fixture("rss2.xml.gz"));
  ASSERT_EQ(packed.articles.size(), plain.articles.size());
  for (std::size_t i = 0; i < plain.articles.size(); ++i) {
    EXPECT_EQ(packed.articles[i].title, plain.articles[i].title);
    EXPECT_EQ(packed.articles[i].body, plain.articles[i].body);
  }
}

TEST(Threads, OneInstanceServesManyWorkers) {
  FeedParser parser = make();
  const sdk::RawDocument doc = fixture("rss2.xml.gz");
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4, 0);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Collect out;
        parser.parse(doc, out);
        counts[t] += out.articles.size();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const std::size_t n : counts) EXPECT_EQ(n, 200u);
}

}  // namespace
}  // namespace sluice::plugins::feed

// The real feeds in ../shared/data/feeds-dev/feeds (node-feedparser's test
// suite, MIT; read-only and never copied into this repository). Every test
// skips when the folder is absent.
#include "feed_test_support.hpp"

namespace sluice::plugins::feed {
namespace {

using namespace testing;

fs::path dev_feeds() { return fs::path(SLUICE_SHARED_DATA_DIR) / "feeds-dev" / "feeds"; }

class DevFeeds : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(dev_feeds())) GTEST_SKIP() << dev_feeds() << " is absent";
  }
  static sdk::RawDocument feed(const std::string& name) { return document(name, slurp(dev_feeds() / name)); }
  static Collect read(const std::string& name) { return parse(feed(name)); }
};

TEST_F(DevFeeds, EveryFeedButTheHtmlPageYieldsArticlesWithoutErrors) {
  std::size_t feeds = 0;
  for (const auto& entry : fs::directory_iterator(dev_feeds())) {
    const std::string name = entry.path().filename().string();
    if (name == "notafeed.html") continue;
    const Collect out = read(name);
    EXPECT_FALSE(out.articles.empty()) << name;
    EXPECT_TRUE(out.errors.empty()) << name << ": " << (out.errors.empty() ? "" : out.errors.front());
    for (const auto& a : out.articles) {
      EXPECT_TRUE(sdk::utf8::is_valid(a.title)) << name;
      EXPECT_EQ(a.id.size(), 32u) << name;
    }
    ++feeds;
  }
  EXPECT_GE(feeds, 28u);
}

TEST_F(DevFeeds, HtmlPageIsNotAFeed) {
  EXPECT_EQ(stage_error(feed("notafeed.html")),
            "not a feed: the root element is <html>, not <rss>, <rdf:RDF> or <feed>");
}

TEST_F(DevFeeds, Rss2Sample) {
  const Collect out = read("rss2sample.xml");
  ASSERT_EQ(out.articles.size(), 4u);
  EXPECT_EQ(out.articles[0].title, "Star City");
  EXPECT_EQ(out.articles[0].source_uri, "http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp");
  EXPECT_EQ(out.articles[0].published, "2003-06-03T09:39:21Z");
  EXPECT_EQ(out.articles[0].language, "en");
}

TEST_F(DevFeeds, Windows1251AndItsGzippedTwin) {
  const Collect plain = read("iconv.xml");
  const Collect packed = read("compressed.xml");  // gzip of iconv.xml
  ASSERT_EQ(plain.articles.size(), 10u);
  ASSERT_EQ(packed.articles.size(), 10u);
  EXPECT_EQ(
      plain.articles[0].title,
      "\u0412 \u0411\u0443\u0437\u0443\u043b\u0443\u043a\u0435 \u0433\u043b\u0430\u0432\u043d\u044b\u0435 "
      "\u0441\u0442\u0440\u043e\u0439\u043f\u043b\u043e\u0449\u0430\u0434\u043a\u0438 \u2013 "
      "\u0434\u0435\u0442"
      "\u0441\u0430\u0434 \u0438 \u041b\u0435\u0434\u043e\u0432\u044b\u0439 "
      "\u0434\u0432\u043e\u0440\u0435\u0446");
  EXPECT_EQ(packed.articles[0].title, plain.articles[0].title);
  EXPECT_EQ(plain.articles[0].published, "2014-01-22T14:31:31Z");
}

TEST_F(DevFeeds, SaxErrorItemIsRepairedNotLost) {
  const Collect out = read("saxerror.xml");
  ASSERT_EQ(out.articles.size(), 3u);
  EXPECT_EQ(out.articles[1].source_uri, "http://example.com/bad?foo=1&bar=2");
  EXPECT_EQ(list_field(out.articles[1], "warnings"), Strings{"repaired unescaped '&' on line 15"});
  EXPECT_EQ(out.articles[2].title, "Item After Error");
}

TEST_F(DevFeeds, RelativeLinksAndBases) {
  EXPECT_EQ(read("rss-with-item-scoped-html-base.xml").articles.at(0).source_uri,
            "https://example.com/first/first");
  EXPECT_EQ(read("rss-with-relative-html-urls-no-base.xml").articles.at(0).source_uri,
            "https://example.com/feed/posts/post-1");
  // xml:base="#fragment" and "" leave the feed's own address as the base.
  for (const char* name : {"tpm.atom", "tpm-with-fragment-base.atom", "tpm-with-empty-base.atom"}) {
    EXPECT_EQ(
        read(name).articles.at(0).source_uri,
        "http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-"
        "strategist")
        << name;
  }
  // The site link is relative; the self link makes it absolute.
  EXPECT_EQ(read("intertwingly.atom").articles.at(0).source_uri,
            "http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend");
  // Non-http links are links too.
  EXPECT_EQ(read("atom-with-tag-uri-links.xml").articles.at(0).source_uri,
            "tag:mefi.social,2024-01-26:objectId=20368395");
}

TEST_F(DevFeeds, NamespacedAtomAndXhtmlContent) {
  for (const char* name : {"nondefaultnamespace.atom", "nondefaultnamespace-xhtml.atom"}) {
    const Collect out = read(name);
    ASSERT_EQ(out.articles.size(), 1u) << name;
    EXPECT_EQ(out.articles[0].authors, Strings{"Aristotle Pagaltzis"}) << name;
    EXPECT_EQ(out.articles[0].body.front(), "For information, see:") << name;
  }
}

TEST_F(DevFeeds, ControlCharactersInAGzippedFeedAreRepaired) {
  const Collect out = read("invalid-characters-gzipped.xml");
  EXPECT_EQ(out.articles.size(), 25u);
  EXPECT_TRUE(out.errors.empty());
}

TEST_F(DevFeeds, CategoriesAndAuthors) {
  const Collect out = read("category-feed.xml");
  EXPECT_EQ(list_field(out.articles.at(0), "categories"),
            (Strings{"Water Pollution", "Gowanus Canal (Brooklyn, NY)"}));
  EXPECT_EQ(read("wapowellness.xml").articles.at(0).authors, Strings{"Lenny Bernstein"});
}

}  // namespace
}  // namespace sluice::plugins::feed

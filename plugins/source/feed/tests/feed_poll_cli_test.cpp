// The `feed_poll` source end to end: the real `sluice run` with the real
// feed/html parsers and jsonl sink, polling a real server on 127.0.0.1.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "http_test_server.hpp"
#include "test_support.hpp"

namespace sluice::testing {
namespace {

std::string item(const std::string& guid, const std::string& title, const std::string& link,
                 const std::string& text) {
  return "<item><guid>" + guid + "</guid><title>" + title + "</title>" +
         (link.empty() ? "" : "<link>" + link + "</link>") +
         "<pubDate>Mon, 02 Oct 2023 08:00:00 GMT</pubDate><description>" + text + "</description></item>";
}

std::string rss(const std::string& items) {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast News</title>"
         "<link>https://coast.example/</link>" +
         items + "</channel></rss>";
}

std::string page(const std::string& title, const std::string& text) {
  return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text +
         "</p><p>It was the second paragraph of a story long enough to count as the main text.</p>"
         "</article></body></html>";
}

class FeedPollCli : public ::testing::Test {
 protected:
  void write_config(bool fetch_links) {
    const std::string parser = fetch_links ? "plugin = \"html\"\nmatch = [\"text/html\"]\n"
                                           : "plugin = \"feed\"\nmatch = [\"application/feed+json\"]\n";
    write_file(dir_ / "feeds.toml",
               "[host]\nplugin_dirs = [\"" SLUICE_PLUGIN_DIR
               "\"]\nstate = \"var/state.db\"\n\n"
               "[pipeline.feeds]\nschedule = \"once\"\nworkers = 2\n\n"
               "[[pipeline.feeds.source]]\nplugin = \"feed_poll\"\nurls = [\"" +
                   server_.url("/rss.xml") + "\"]\npoliteness_delay = \"0ms\"\nfetch_links = " +
                   (fetch_links ? "true" : "false") + "\n\n[[pipeline.feeds.parser]]\n" + parser +
                   "\n[[pipeline.feeds.sink]]\nplugin = \"jsonl\"\npath = \"out/feeds.jsonl\"\n");
  }
  CommandResult run() { return run_command(sluice_command("run feeds.toml"), dir_.path()); }

  std::vector<std::string> titles() {
    std::vector<std::string> out;
    for (const auto& line : read_lines(dir_ / "out/feeds.jsonl"))
      out.push_back(
          Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>(
              "title"));
    return out;
  }

  HttpTestServer server_;
  TempDir dir_;
};

TEST_F(FeedPollCli, TwoRunsDeliverEachItemOnceAndAThirdOnlyTheNewItem) {
  const std::string two = item("c-2", "Ferry timetable changes", "", "The winter timetable starts.") +
                          item("c-1", "Harbour reopens", "", "The harbour reopened on Monday.");
  server_.on("/rss.xml", HttpReply::text(rss(two), "application/rss+xml"));
  write_config(false);

  const auto first = run();
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("pipeline feeds: 2 documents, 2 articles delivered, 0 failed"), std::string::npos)
      << first.out;
  const auto second = run();
  ASSERT_EQ(second.status, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("pipeline feeds: 0 documents, 0 articles delivered, 0 failed"), std::string::npos)
      << second.out;
  EXPECT_EQ(titles(), (std::vector<std::string>{"Ferry timetable changes", "Harbour reopens"}));

  server_.on("/rss.xml",
             HttpReply::text(rss(item("c-3", "Storm wall repaired", "", "Repairs finished early.") + two),
                             "application/rss+xml"));
  const auto third = run();
  ASSERT_EQ(third.status, 0) << third.out << third.err;
  EXPECT_NE(third.out.find("pipeline feeds: 1 documents, 1 articles delivered, 0 failed"), std::string::npos)
      << third.out;
  EXPECT_EQ(titles(),
            (std::vector<std::string>{"Ferry timetable changes", "Harbour reopens", "Storm wall repaired"}));
  EXPECT_EQ(server_.requests("/rss.xml").size(), 3u);
}

TEST_F(FeedPollCli, FetchLinksDeliversTheLinkedPagesThroughTheHtmlParser) {
  server_.on("/news/a.html",
             HttpReply::text(page("Harbour reopens", "The harbour reopened on Monday after repairs."),
                             "text/html; charset=utf-8"));
  server_.on("/news/b.html",
             HttpReply::text(page("Ferry timetable changes", "The winter timetable starts soon."),
                             "text/html; charset=utf-8"));
  server_.on("/rss.xml",
             HttpReply::text(rss(item("b", "Ferry (feed title)", server_.url("/news/b.html"), "b") +
                                 item("a", "Harbour (feed title)", server_.url("/news/a.html"), "a")),
                             "application/rss+xml"));
  write_config(true);

  const auto first = run();
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("pipeline feeds: 2 documents, 2 articles delivered, 0 failed"), std::string::npos)
      << first.out;
  // The articles are the pages', parsed by the html parser.
  EXPECT_EQ(titles(), (std::vector<std::string>{"Ferry timetable changes", "Harbour reopens"}));
  const auto lines = read_lines(dir_ / "out/feeds.jsonl");
  const auto a = Poco::JSON::Parser().parse(lines[1]).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(a->getValue<std::string>("source_uri"), server_.url("/news/a.html"));
  EXPECT_EQ(server_.requests("/news/a.html").size(), 1u);

  const auto second = run();
  EXPECT_NE(second.out.find("pipeline feeds: 0 documents, 0 articles delivered, 0 failed"), std::string::npos)
      << second.out;
  EXPECT_EQ(server_.requests("/news/a.html").size(), 1u);
}

}  // namespace
}  // namespace sluice::testing

// The `http` source end to end: the real `sluice run` with the real html
// parser and jsonl sink, fetching from a real server on 127.0.0.1.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "http_test_server.hpp"
#include "test_support.hpp"

namespace sluice::testing {
namespace {

constexpr const char* kPageA =
    "<!doctype html><html><head><title>Harbour reopens after storm</title></head><body><article>"
    "<h1>Harbour reopens after storm</h1>"
    "<p>The harbour reopened on Monday after a week of repairs to the storm wall, the port authority "
    "said.</p>"
    "<p>Fishing boats were the first to leave, followed by the morning ferry to the islands.</p>"
    "</article></body></html>";

// "Новости дня" and a paragraph in windows-1251, declared only by the
// Content-Type header: the charset must travel with the document.
std::string page_b_cp1251() {
  const std::string title = "\xcd\xee\xe2\xee\xf1\xf2\xe8 \xe4\xed\xff";  // Новости дня
  return "<html><head><title>" + title + "</title></head><body><article><h1>" + title +
         "</h1><p>\xcf\xee\xf0\xf2 \xee\xf2\xea\xf0\xfb\xeb\xf1\xff \xe2 "
         "\xef\xee\xed\xe5\xe4\xe5\xeb\xfc\xed\xe8\xea "
         "\xef\xee\xf1\xeb\xe5 \xf0\xe5\xec\xee\xed\xf2\xe0 \xe2\xee\xeb\xed\xee\xeb\xee\xec\xe0, "
         "\xf1\xee\xee\xe1\xf9"
         "\xe8\xeb\xe0 \xe0\xe4\xec\xe8\xed\xe8\xf1\xf2\xf0\xe0\xf6\xe8\xff \xef\xee\xf0\xf2\xe0.</p>"
         "</article></body></html>";
}

class HttpCli : public ::testing::Test {
 protected:
  void write_config(const std::vector<std::string>& urls,
                    const std::string& extra = "read_timeout = \"5s\"\n") {
    std::string list;
    for (const auto& u : urls) list += (list.empty() ? "\"" : ", \"") + u + "\"";
    write_file(dir_ / "web.toml",
               "[host]\n"
               "plugin_dirs = [\"" SLUICE_PLUGIN_DIR
               "\"]\n"
               "state = \"var/state.db\"\n\n"
               "[pipeline.web]\nschedule = \"once\"\nworkers = 1\n\n"
               "[[pipeline.web.source]]\nplugin = \"http\"\nurls = [" +
                   list + "]\npoliteness_delay = \"0ms\"\n" + extra +
                   "\n[[pipeline.web.parser]]\nplugin = \"html\"\nmatch = [\"text/html\"]\n\n"
                   "[[pipeline.web.sink]]\nplugin = \"jsonl\"\npath = \"out/web.jsonl\"\n");
  }
  CommandResult run() { return run_command(sluice_command("run web.toml"), dir_.path()); }

  std::vector<Poco::JSON::Object::Ptr> articles() {
    std::vector<Poco::JSON::Object::Ptr> out;
    for (const auto& line : read_lines(dir_ / "out/web.jsonl"))
      out.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
    return out;
  }

  HttpTestServer server_;
  TempDir dir_;
};

TEST_F(HttpCli, FetchesParsesAndWritesJsonlThenASecondRunFetchesNothingNew) {
  server_.on_conditional("/a.html", kPageA, "text/html; charset=utf-8", "\"a-1\"");
  server_.on_conditional("/b.html", page_b_cp1251(), "text/html; charset=windows-1251", "",
                         "Mon, 02 Oct 2023 08:00:00 GMT");
  write_config({server_.url("/a.html"), server_.url("/b.html")});

  const auto first = run();
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("pipeline web: 2 documents, 2 articles delivered, 0 failed"), std::string::npos)
      << first.out;
  auto got = articles();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0]->getValue<std::string>("title"), "Harbour reopens after storm");
  EXPECT_EQ(got[0]->getValue<std::string>("source_uri"), server_.url("/a.html"));
  EXPECT_EQ(got[0]->getArray("body")->size(), 2u);
  // The header's charset reached the parser.
  EXPECT_EQ(got[1]->getValue<std::string>("title"), "Новости дня");
  EXPECT_EQ(got[1]->getArray("body")->getElement<std::string>(0).rfind("Порт открылся", 0), 0u);

  // The second run asks conditionally, the server answers 304, nothing new.
  const auto second = run();
  ASSERT_EQ(second.status, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("pipeline web: 0 documents, 0 articles delivered, 0 failed"), std::string::npos)
      << second.out;
  EXPECT_EQ(articles().size(), 2u);
  const auto a = server_.requests("/a.html");
  const auto b = server_.requests("/b.html");
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(a[1].header("If-None-Match"), "\"a-1\"");
  EXPECT_EQ(b[1].header("If-Modified-Since"), "Mon, 02 Oct 2023 08:00:00 GMT");
}

TEST_F(HttpCli, FailedUrlIsReportedAndDeadLetteredWhileTheOthersAreDelivered) {
  server_.on("/a.html", HttpReply::text(kPageA, "text/html"));
  server_.on("/broken.html", HttpReply::text("oops", "text/plain", 503));
  write_config({server_.url("/broken.html"), server_.url("/a.html")});

  const auto r = run();
  EXPECT_NE(r.status, 0) << "a failed URL makes the run partial";
  EXPECT_NE(r.out.find("1 articles delivered, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("GET " + server_.url("/broken.html") + ": HTTP 503 Service Unavailable"),
            std::string::npos)
      << r.out;
  ASSERT_EQ(articles().size(), 1u);

  const auto dlq = run_command(sluice_command("dlq list --config web.toml"), dir_.path());
  ASSERT_EQ(dlq.status, 0) << dlq.err;
  EXPECT_NE(dlq.out.find("1 dead letter\n"), std::string::npos) << dlq.out;
  EXPECT_NE(dlq.out.find("GET " + server_.url("/broken.html")), std::string::npos) << dlq.out;

  // Nothing was remembered for it: once the server recovers, the next run
  // fetches it (and only it: a.html is not modified).
  server_.on("/broken.html", HttpReply::text(kPageA, "text/html"));
  const auto again = run();
  EXPECT_NE(again.out.find("pipeline web: 1 documents, 1 articles delivered, 0 failed"), std::string::npos)
      << again.out;
}

TEST_F(HttpCli, TimeoutNamesTheUrl) {
  server_.on("/slow.html", HttpReply::text(kPageA, "text/html").after(std::chrono::seconds(4)));
  write_config({server_.url("/slow.html")}, "read_timeout = \"500ms\"\n");

  const auto r = run();
  EXPECT_NE(r.out.find("GET " + server_.url("/slow.html") +
                       ": timed out waiting for the response (read_timeout "
                       "500 ms)"),
            std::string::npos)
      << r.out << r.err;
}

}  // namespace
}  // namespace sluice::testing

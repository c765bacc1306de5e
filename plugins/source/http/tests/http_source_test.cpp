// The `http` source in-process, against a real server on 127.0.0.1: what it
// delivers, conditional GET across runs, redirects, limits, failures,
// politeness and HTTPS with a certificate made at test time.
#include "http_source.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "http_test_server.hpp"
#include "sluice/sdk/testing/testing.hpp"
#include "test_support.hpp"

namespace sluice::plugins::http {

const sluice_plugin_descriptor* descriptor();  // from plugin.cpp

namespace {

using sluice::testing::HttpReply;
using sluice::testing::HttpTestServer;
using namespace std::chrono_literals;

class HttpSourceTest : public ::testing::Test {
 protected:
  // A stage as the host makes it, with the state store shared across
  // "runs" (one stage instance per run, as the host does).
  std::unique_ptr<HttpSource> make(sdk::List urls, sdk::Map overrides = {}) {
    sdk::StageInit init;
    init.pipeline = "test";
    init.name = "web";
    overrides["urls"] = sdk::Value(std::move(urls));
    if (!overrides.count("politeness_delay")) overrides["politeness_delay"] = "0ms";
    init.options = sdk::testing::make_options(*descriptor(), overrides);
    init.state = &state_;
    init.log = &log_;
    init.base_dir = dir_.path().string();
    return std::make_unique<HttpSource>(init);
  }

  // One run: every document, each acknowledged as the host would once the
  // sinks stored it (unless `acknowledge` is false: a crash before delivery).
  std::vector<sdk::RawDocument> run(HttpSource& source, bool acknowledge = true) {
    std::vector<sdk::RawDocument> docs;
    sdk::RawDocument doc;
    while (source.next(doc)) {
      docs.push_back(doc);
      if (acknowledge) source.acknowledge(doc.cursor);
      doc = {};
    }
    return docs;
  }

  static std::string error_of(const sdk::RawDocument& d) {
    const auto* e = d.meta.find("error");
    return e != nullptr && e->is_string() ? e->as_string() : std::string();
  }

  HttpTestServer server_;
  sdk::testing::MemoryState state_;
  sdk::testing::RecordingLog log_;
  sluice::testing::TempDir dir_;
};

TEST_F(HttpSourceTest, DeliversEachUrlWithItsContentTypeAndMeta) {
  server_.on("/a.html",
             HttpReply::text("<p>a</p>", "text/html; charset=windows-1251").with_header("ETag", "\"a1\""));
  server_.on("/b.json", HttpReply::text("{\"b\":1}", "application/json"));
  auto source = make({server_.url("/a.html"), server_.url("/b.json")});
  const auto docs = run(*source);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].uri, server_.url("/a.html"));
  EXPECT_EQ(docs[0].key, server_.url("/a.html"));
  EXPECT_EQ(docs[0].content_type, "text/html; charset=windows-1251");
  EXPECT_EQ(docs[0].bytes, "<p>a</p>");
  EXPECT_GT(docs[0].fetched_at_ms, 0);
  EXPECT_EQ(docs[0].meta.find("charset")->as_string(), "windows-1251");
  EXPECT_EQ(docs[0].meta.find("etag")->as_string(), "\"a1\"");
  EXPECT_EQ(docs[0].meta.find("http_status")->as_int(), 200);
  EXPECT_EQ(docs[1].content_type, "application/json");
  EXPECT_EQ(docs[1].bytes, "{\"b\":1}");
  EXPECT_NE(docs[0].cursor, docs[1].cursor);
}

TEST_F(HttpSourceTest, SendsUserAgentAndConfiguredHeaders) {
  server_.on("/a", HttpReply::text("x"));
  auto source = make({server_.url("/a")}, {{"user_agent", "testbot/1"},
                                           {"headers", sdk::Map{{"Authorization", "Bearer s3cret"}}}});
  run(*source);
  const auto got = server_.requests("/a");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].method, "GET");
  EXPECT_EQ(got[0].header("User-Agent"), "testbot/1");
  EXPECT_EQ(got[0].header("Authorization"), "Bearer s3cret");
}

TEST_F(HttpSourceTest, ConditionalGetOnTheNextRunDeliversNothingWhenNotModified) {
  server_.on_conditional("/a.html", "<p>a</p>", "text/html", "\"v1\"", "Mon, 02 Oct 2023 08:00:00 GMT");
  ASSERT_EQ(run(*make({server_.url("/a.html")})).size(), 1u);
  EXPECT_EQ(server_.requests("/a.html")[0].header("If-None-Match"), "");

  EXPECT_TRUE(run(*make({server_.url("/a.html")})).empty());
  const auto second = server_.requests("/a.html");
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[1].header("If-None-Match"), "\"v1\"");
  EXPECT_EQ(second[1].header("If-Modified-Since"), "Mon, 02 Oct 2023 08:00:00 GMT");

  // A new version is delivered again.
  server_.on_conditional("/a.html", "<p>a, updated</p>", "text/html", "\"v2\"");
  const auto third = run(*make({server_.url("/a.html")}));
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].bytes, "<p>a, updated</p>");
}

TEST_F(HttpSourceTest, ValidatorsAreKeptOnlyOnceAcknowledged) {
  server_.on_conditional("/a.html", "<p>a</p>", "text/html", "\"v1\"");
  // Fetched, but the run died before the sinks stored it.
  ASSERT_EQ(run(*make({server_.url("/a.html")}), /*acknowledge=*/false).size(), 1u);
  EXPECT_TRUE(state_.all().empty());
  // So the next run fetches it in full again.
  const auto again = run(*make({server_.url("/a.html")}));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(server_.requests("/a.html")[1].header("If-None-Match"), "");
}

TEST_F(HttpSourceTest, UnchangedBytesWithoutValidatorsAreNotDeliveredAgain) {
  server_.on("/plain", HttpReply::text("same every time"));
  ASSERT_EQ(run(*make({server_.url("/plain")})).size(), 1u);
  EXPECT_TRUE(run(*make({server_.url("/plain")})).empty());
  EXPECT_EQ(server_.requests("/plain").size(), 2u);
}

TEST_F(HttpSourceTest, IncrementalOffDeliversEveryRun) {
  server_.on_conditional("/a.html", "<p>a</p>", "text/html", "\"v1\"");
  ASSERT_EQ(run(*make({server_.url("/a.html")}, {{"incremental", false}})).size(), 1u);
  ASSERT_EQ(run(*make({server_.url("/a.html")}, {{"incremental", false}})).size(), 1u);
  EXPECT_EQ(server_.requests("/a.html")[1].header("If-None-Match"), "");
}

TEST_F(HttpSourceTest, FollowsRedirectsAndNamesTheFinalUrl) {
  server_.on("/old", HttpReply::redirect(301, "/moved"));
  server_.on("/moved", HttpReply::redirect(302, server_.url("/final.html")));
  server_.on("/final.html", HttpReply::text("<p>here</p>", "text/html"));
  const auto docs = run(*make({server_.url("/old")}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].bytes, "<p>here</p>");
  EXPECT_EQ(docs[0].key, server_.url("/old"));
  EXPECT_EQ(docs[0].uri, server_.url("/final.html"));
  EXPECT_EQ(docs[0].meta.find("redirects")->as_int(), 2);
}

// "Location: //host/path" keeps the scheme and changes the host (RFC 3986
// 4.2); it is not a path on the host that sent it. Two real servers.
TEST_F(HttpSourceTest, SchemeRelativeRedirectGoesToTheOtherHost) {
  HttpTestServer other;
  other.on("/final.html", HttpReply::text("<p>elsewhere</p>", "text/html"));
  const std::string other_url = other.url("/final.html");
  ASSERT_EQ(other_url.rfind("http://", 0), 0u);
  server_.on("/old", HttpReply::redirect(302, other_url.substr(5)));  // "//127.0.0.1:PORT/final.html"
  const auto docs = run(*make({server_.url("/old")}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].bytes, "<p>elsewhere</p>") << error_of(docs[0]);
  EXPECT_EQ(docs[0].uri, other_url);
  EXPECT_EQ(other.requests("/final.html").size(), 1u);
}

TEST_F(HttpSourceTest, TooManyRedirectsFailTheUrlOnly) {
  server_.on("/loop", HttpReply::redirect(302, "/loop"));
  server_.on("/ok", HttpReply::text("fine"));
  const auto docs = run(*make({server_.url("/loop"), server_.url("/ok")}, {{"max_redirects", 3}}));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_NE(error_of(docs[0]).find("GET " + server_.url("/loop") + ": more than 3 redirects"),
            std::string::npos)
      << error_of(docs[0]);
  EXPECT_EQ(server_.requests("/loop").size(), 4u);
  EXPECT_EQ(docs[1].bytes, "fine");
}

TEST_F(HttpSourceTest, ErrorStatusIsADocumentNamingUrlAndStatusAndTheOthersStillCome) {
  server_.on("/gone", HttpReply::text("nope", "text/plain", 404));
  server_.on("/ok", HttpReply::text("fine"));
  const auto docs = run(*make({server_.url("/gone"), server_.url("/ok")}));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].key, server_.url("/gone"));
  EXPECT_TRUE(docs[0].bytes.empty());
  EXPECT_EQ(error_of(docs[0]), "GET " + server_.url("/gone") + ": HTTP 404 Not Found");
  EXPECT_EQ(docs[1].bytes, "fine");
  // Nothing is remembered for the failed URL: the next run asks again.
  EXPECT_FALSE(state_.get("url/" + server_.url("/gone")).has_value());
  EXPECT_TRUE(state_.get("url/" + server_.url("/ok")).has_value());
}

TEST_F(HttpSourceTest, ResponseOverMaxSizeFailsNamingUrlAndLimit) {
  server_.on("/big", HttpReply::text(std::string(300'000, 'x')));
  const auto docs = run(*make({server_.url("/big")}, {{"max_size", "100KiB"}}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].bytes.empty());
  EXPECT_EQ(error_of(docs[0]), "GET " + server_.url("/big") +
                                   ": the response is 300000 bytes, larger than max_size (102400 bytes)");
}

TEST_F(HttpSourceTest, ChunkedResponseOverMaxSizeStopsReading) {
  // No Content-Length: the cap applies while reading.
  HttpReply chunked = HttpReply::text(std::string(500'000, 'y'));
  chunked.chunked = true;
  server_.on("/stream", chunked);
  const auto docs = run(*make({server_.url("/stream")}, {{"max_size", "64KiB"}}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(error_of(docs[0]).find("larger than max_size (65536 bytes)"), std::string::npos)
      << error_of(docs[0]);
}

TEST_F(HttpSourceTest, SlowServerTimesOutNamingUrlAndLimit) {
  server_.on("/slow", HttpReply::text("late").after(3s));
  server_.on("/ok", HttpReply::text("fine"));
  const auto t0 = std::chrono::steady_clock::now();
  const auto docs = run(*make({server_.url("/slow"), server_.url("/ok")}, {{"read_timeout", "300ms"}}));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2900ms);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(error_of(docs[0]),
            "GET " + server_.url("/slow") + ": timed out waiting for the response (read_timeout 300 ms)");
  EXPECT_EQ(docs[1].bytes, "fine");
}

TEST_F(HttpSourceTest, RefusedConnectionNamesTheUrl) {
  const std::string url = "http://127.0.0.1:" + std::to_string(sluice::testing::closed_port()) + "/x";
  const auto docs = run(*make({url}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(error_of(docs[0]).rfind("GET " + url + ": failed connecting: ", 0), 0u) << error_of(docs[0]);
}

TEST_F(HttpSourceTest, PolitenessDelaySpacesRequestsToOneHost) {
  server_.on("/1", HttpReply::text("1"));
  server_.on("/2", HttpReply::text("2"));
  server_.on("/3", HttpReply::text("3"));
  const auto t0 = std::chrono::steady_clock::now();
  run(*make({server_.url("/1"), server_.url("/2"), server_.url("/3")}, {{"politeness_delay", "400ms"}}));
  // Two waits of 400 ms between three requests: a lower bound that load
  // cannot break.
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 800ms);
  const auto got = server_.requests();
  ASSERT_EQ(got.size(), 3u);
  // Where the server saw them arrive (looser: each arrival lags its start
  // by a connection set-up that varies under load).
  EXPECT_GE(got[1].at - got[0].at, 300ms);
  EXPECT_GE(got[2].at - got[1].at, 300ms);
}

TEST_F(HttpSourceTest, HttpsWithTheSelfSignedCertificateAsCaFile) {
  const auto tls = sluice::testing::make_self_signed_cert(dir_ / "tls");
  HttpTestServer secure(tls);
  secure.on("/s.html", HttpReply::text("<p>secret</p>", "text/html"));
  const auto docs = run(*make({secure.url("/s.html")}, {{"ca_file", "tls/cert.pem"}}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(error_of(docs[0]), "");
  EXPECT_EQ(docs[0].bytes, "<p>secret</p>");
  EXPECT_EQ(docs[0].uri.rfind("https://", 0), 0u);
}

TEST_F(HttpSourceTest, HttpsUntrustedCertificateFailsUnlessVerificationIsOff) {
  const auto tls = sluice::testing::make_self_signed_cert(dir_ / "tls");
  HttpTestServer secure(tls);
  secure.on("/s.html", HttpReply::text("<p>secret</p>", "text/html"));
  const auto refused = run(*make({secure.url("/s.html")}));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_NE(error_of(refused[0]).find("GET " + secure.url("/s.html") + ": TLS certificate not accepted"),
            std::string::npos)
      << error_of(refused[0]);

  const auto accepted = run(*make({secure.url("/s.html")}, {{"tls_verify", false}}));
  ASSERT_EQ(accepted.size(), 1u);
  EXPECT_EQ(accepted[0].bytes, "<p>secret</p>");
}

TEST_F(HttpSourceTest, BadOptionsFailConstructionNamingTheProblem) {
  const auto message = [&](sdk::List urls, sdk::Map extra = {}) {
    try {
      make(std::move(urls), std::move(extra));
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(message({"ftp://example.org/x"}),
            "option 'urls': 'ftp://example.org/x' is not an http or https URL");
  EXPECT_EQ(message({}), "option 'urls' is empty, so nothing would be fetched");
  EXPECT_EQ(message({"http://a.example/x", "http://a.example/x"}),
            "option 'urls' lists 'http://a.example/x' twice");
  EXPECT_NE(message({"http://a.example/x"}, {{"ca_file", "missing.pem"}}).find("option 'ca_file'"),
            std::string::npos);
  EXPECT_EQ(message({"http://a.example/x"}, {{"headers", sdk::Map{{"X-A", "1\r\nX-B: 2"}}}}),
            "option 'headers': the value of 'X-A' contains a line break");
}

}  // namespace
}  // namespace sluice::plugins::http

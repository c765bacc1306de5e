// The `http_post` sink in-process against a real webhook on 127.0.0.1: what
// it sends, and which answers are retried (StageError) and which are not
// (PermanentError).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "http_post_sink.hpp"
#include "http_test_server.hpp"
#include "sluice/sdk/testing/testing.hpp"

namespace sluice::plugins::http_post {

const sluice_plugin_descriptor* descriptor();  // from plugin.cpp

namespace {

using sluice::testing::HttpReply;
using sluice::testing::HttpTestServer;

class HttpPostTest : public ::testing::Test {
 protected:
  std::unique_ptr<HttpPostSink> make(sdk::Map overrides = {}) {
    sdk::StageInit init;
    init.pipeline = "test";
    init.name = "hook";
    if (!overrides.count("url")) overrides["url"] = server_.url("/hook");
    init.options = sdk::testing::make_options(*descriptor(), overrides);
    return std::make_unique<HttpPostSink>(init);
  }

  static std::vector<sdk::Article> articles(int n, const std::string& prefix = "a") {
    std::vector<sdk::Article> out;
    for (int i = 0; i < n; ++i) {
      auto a = sdk::testing::make_article(prefix + " title " + std::to_string(i),
                                          {"Body of " + std::to_string(i)});
      a.id = prefix + std::to_string(i);
      out.push_back(std::move(a));
    }
    return out;
  }

  // What write() threw: "retry: ...", "permanent: ..." or "" when it returned.
  static std::string outcome(HttpPostSink& sink, const std::vector<sdk::Article>& batch) {
    try {
      sink.write(batch);
    } catch (const sdk::PermanentError& e) {
      return std::string("permanent: ") + e.what();
    } catch (const sdk::StageError& e) {
      return std::string("retry: ") + e.what();
    }
    return {};
  }

  HttpTestServer server_;
};

TEST_F(HttpPostTest, PostsTheBatchAsAJsonArrayOfCanonicalArticles) {
  server_.on("/hook", HttpReply::status_only(204));
  auto sink = make({{"headers", sdk::Map{{"Authorization", "Bearer t0ken"}}}});
  const auto batch = articles(3);
  EXPECT_EQ(outcome(*sink, batch), "");
  const auto got = server_.requests("/hook");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].method, "POST");
  EXPECT_EQ(got[0].header("Content-Type"), "application/json");
  EXPECT_EQ(got[0].header("Authorization"), "Bearer t0ken");
  EXPECT_EQ(got[0].header("Idempotency-Key").size(), 32u);
  const auto array = Poco::JSON::Parser().parse(got[0].body).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(array->size(), 3u);
  for (unsigned i = 0; i < 3; ++i) {
    const auto a = array->getObject(i);
    EXPECT_EQ(a->getValue<std::string>("id"), "a" + std::to_string(i));
    EXPECT_EQ(a->getValue<std::string>("title"), "a title " + std::to_string(i));
  }
  EXPECT_EQ(got[0].body.front(), '[');
}

TEST_F(HttpPostTest, NdjsonSendsOneArticlePerLine) {
  server_.on("/hook", HttpReply::status_only(200));
  auto sink = make({{"format", "ndjson"}, {"idempotency_header", ""}});
  EXPECT_EQ(outcome(*sink, articles(2)), "");
  const auto got = server_.requests("/hook");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].header("Content-Type"), "application/x-ndjson");
  EXPECT_EQ(got[0].header("Idempotency-Key"), "");
  const std::string& body = got[0].body;
  const auto nl = body.find('\n');
  ASSERT_NE(nl, std::string::npos);
  EXPECT_EQ(Poco::JSON::Parser()
                .parse(body.substr(0, nl))
                .extract<Poco::JSON::Object::Ptr>()
                ->getValue<std::string>("id"),
            "a0");
  EXPECT_EQ(body.back(), '\n');
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 2);
}

TEST_F(HttpPostTest, TheSameBatchCarriesTheSameIdempotencyKey) {
  server_.on("/hook", HttpReply::status_only(200));
  auto sink = make();
  sink->write(articles(2));
  sink->write(articles(2));
  sink->write(articles(2, "b"));
  const auto got = server_.requests("/hook");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].header("Idempotency-Key"), got[1].header("Idempotency-Key"));
  EXPECT_NE(got[0].header("Idempotency-Key"), got[2].header("Idempotency-Key"));
}

TEST_F(HttpPostTest, AnEmptyBatchSendsNothing) {
  auto sink = make();
  EXPECT_EQ(outcome(*sink, {}), "");
  EXPECT_TRUE(server_.requests().empty());
}

TEST_F(HttpPostTest, ServerTroubleIsRetriedAndRefusalsAreNot) {
  auto sink = make();
  const auto batch = articles(2);
  const std::string url = server_.url("/hook");
  server_.on("/hook", HttpReply::text("maintenance", "text/plain", 503));
  EXPECT_EQ(outcome(*sink, batch),
            "retry: POST " + url + " (a batch of 2 articles): HTTP 503 Service Unavailable: maintenance");
  server_.on("/hook", HttpReply::text("slow down", "text/plain", 429));
  EXPECT_EQ(outcome(*sink, batch).rfind("retry: POST " + url + " (a batch of 2 articles): HTTP 429", 0), 0u);
  server_.on("/hook", HttpReply::text("{\"error\":\"field 'title' too long\"}", "application/json", 400));
  EXPECT_EQ(outcome(*sink, batch),
            "permanent: POST " + url +
                " (a batch of 2 articles): HTTP 400 Bad Request: {\"error\":\"field 'title' too "
                "long\"} (not retried: the webhook refused the batch itself)");
  server_.on("/hook", HttpReply::redirect(301, "/elsewhere"));
  EXPECT_EQ(outcome(*sink, batch).rfind("permanent: POST " + url + " (a batch of 2 articles): HTTP 301", 0),
            0u);
  EXPECT_TRUE(server_.requests("/elsewhere").empty());
}

TEST_F(HttpPostTest, ConnectionTroubleIsRetried) {
  const std::string url = "http://127.0.0.1:" + std::to_string(sluice::testing::closed_port()) + "/hook";
  auto sink = make({{"url", url}});
  EXPECT_EQ(outcome(*sink, articles(1)).rfind("retry: POST " + url + ": failed connecting: ", 0), 0u);
}

TEST_F(HttpPostTest, BadOptionsFailConstruction) {
  const auto error = [&](sdk::Map o) {
    try {
      make(std::move(o));
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error({{"url", "hooks.example.org/x"}}),
            "option 'url': 'hooks.example.org/x' is not an http or https URL");
  EXPECT_EQ(error({{"format", "xml"}}).rfind("option 'format' must be \"array\"", 0), 0u);
}

}  // namespace
}  // namespace sluice::plugins::http_post

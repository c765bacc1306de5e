// The client against a real server on 127.0.0.1: methods, bodies, headers,
// redirects, limits and failures, and HTTPS with a certificate made at
// test time.
#include "net/http_client.hpp"

#include <gtest/gtest.h>

#include "http_test_server.hpp"
#include "test_support.hpp"

namespace sluice::plugins::net {
namespace {

using sluice::testing::HttpReply;
using sluice::testing::HttpTestServer;
using namespace std::chrono_literals;

std::string fetch_error(HttpClient& client, const Request& request) {
  try {
    client.send(request);
  } catch (const FetchError& e) {
    return std::string(e.transient() ? "transient: " : "permanent: ") + e.what();
  }
  return "(no error)";
}

TEST(HttpClient, PostsABodyWithItsTypeAndReadsTheReply) {
  HttpTestServer server;
  server.on("/hook", HttpReply::text("{\"ok\":true}", "application/json", 201));
  HttpClient client({.user_agent = "ua/1", .headers = {{"X-Team", "news"}}});
  Request req{.method = "POST",
              .url = server.url("/hook"),
              .headers = {{"X-One", "1"}},
              .body = "[1,2]",
              .content_type = "application/json"};
  const Response r = client.send(req);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.reason, "Created");
  EXPECT_EQ(r.body, "{\"ok\":true}");
  EXPECT_EQ(r.header("content-type"), "application/json");
  const auto got = server.requests("/hook");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].method, "POST");
  EXPECT_EQ(got[0].body, "[1,2]");
  EXPECT_EQ(got[0].header("Content-Type"), "application/json");
  EXPECT_EQ(got[0].header("User-Agent"), "ua/1");
  EXPECT_EQ(got[0].header("X-Team"), "news");
  EXPECT_EQ(got[0].header("X-One"), "1");
}

TEST(HttpClient, ErrorStatusesAreResponsesNotExceptions) {
  HttpTestServer server;
  HttpClient client({});
  const Response r = client.send({.url = server.url("/nothing-here")});
  EXPECT_EQ(r.status, 404);
}

TEST(HttpClient, RedirectsAreFollowedRelativeAndAbsoluteAndSeeOtherBecomesGet) {
  HttpTestServer server;
  server.on("/post", HttpReply::redirect(303, "/result"));
  server.on("/result", HttpReply::text("done"));
  server.on("/keep", HttpReply::redirect(307, server.url("/post-again")));
  server.on("/post-again", HttpReply::text("kept"));
  HttpClient client({});
  const Response see_other = client.send({.method = "POST", .url = server.url("/post"), .body = "x"});
  EXPECT_EQ(see_other.body, "done");
  EXPECT_EQ(see_other.url, server.url("/result"));
  EXPECT_EQ(see_other.redirects, 1);
  EXPECT_EQ(server.requests("/result")[0].method, "GET");

  const Response temporary = client.send({.method = "POST", .url = server.url("/keep"), .body = "y"});
  EXPECT_EQ(temporary.body, "kept");
  EXPECT_EQ(server.requests("/post-again")[0].method, "POST");
  EXPECT_EQ(server.requests("/post-again")[0].body, "y");
}

TEST(HttpClient, ConfiguredHeadersDoNotFollowARedirectToAnotherHost) {
  HttpTestServer server;
  // 127.0.0.1 and localhost are the same server but different hosts.
  const std::string other = "http://localhost:" + std::to_string(server.port()) + "/landing";
  server.on("/same", HttpReply::redirect(302, "/landing"));
  server.on("/away", HttpReply::redirect(302, other));
  server.on("/landing", HttpReply::text("here"));
  HttpClient client({.headers = {{"Authorization", "Bearer s3cret"}}});
  EXPECT_EQ(client.send({.url = server.url("/same")}).body, "here");
  EXPECT_EQ(client.send({.url = server.url("/away")}).body, "here");
  const auto landed = server.requests("/landing");
  ASSERT_EQ(landed.size(), 2u);
  EXPECT_EQ(landed[0].header("Authorization"), "Bearer s3cret");
  EXPECT_EQ(landed[1].header("Authorization"), "");
  EXPECT_EQ(server.requests("/away")[0].header("Authorization"), "Bearer s3cret");
}

TEST(HttpClient, RedirectsCanBeLeftToTheCaller) {
  HttpTestServer server;
  server.on("/a", HttpReply::redirect(301, "/b"));
  HttpClient client({});
  const Response r = client.send({.url = server.url("/a"), .follow_redirects = false});
  EXPECT_EQ(r.status, 301);
  EXPECT_TRUE(server.requests("/b").empty());
}

TEST(HttpClient, RedirectLimitIsPermanent) {
  HttpTestServer server;
  server.on("/a", HttpReply::redirect(302, "/a"));
  HttpClient client({.max_redirects = 2});
  EXPECT_EQ(fetch_error(client, {.url = server.url("/a")}),
            "permanent: GET " + server.url("/a") +
                ": more than 2 redirects (max_redirects); the last pointed to " + server.url("/a"));
}

TEST(HttpClient, LargeBodiesArriveWholeUpToTheCap) {
  HttpTestServer server;
  std::string big(3 * 1024 * 1024 + 7, 'z');
  big[12345] = 'Q';
  server.on("/big", HttpReply::text(big));
  HttpClient client({.max_bytes = 4 * 1024 * 1024});
  EXPECT_EQ(client.send({.url = server.url("/big")}).body, big);

  HttpClient capped({.max_bytes = 1024 * 1024});
  EXPECT_EQ(fetch_error(capped, {.url = server.url("/big")}),
            "permanent: GET " + server.url("/big") +
                ": the response is 3145735 bytes, larger than max_size (" + "1048576 bytes)");
  // Or, when asked, the start of it.
  const Response start = capped.send({.url = server.url("/big"), .truncate_body = true});
  EXPECT_EQ(start.body.size(), 1024u * 1024u);
}

TEST(HttpClient, TimeoutsAndRefusedConnectionsAreTransient) {
  HttpTestServer server;
  server.on("/slow", HttpReply::text("late").after(3s));
  HttpClient client({.read_timeout = 250ms});
  EXPECT_EQ(
      fetch_error(client, {.url = server.url("/slow")}),
      "transient: GET " + server.url("/slow") + ": timed out waiting for the response (read_timeout 250 ms)");

  const std::string closed = "http://127.0.0.1:" + std::to_string(sluice::testing::closed_port()) + "/";
  EXPECT_EQ(
      fetch_error(client, {.url = closed}).rfind("transient: GET " + closed + ": failed connecting: ", 0),
      0u);
}

TEST(HttpClient, BadUrlsArePermanent) {
  HttpClient client({});
  EXPECT_EQ(fetch_error(client, {.url = "gopher://example.org/"}),
            "permanent: GET 'gopher://example.org/' is not an http or https URL");
}

TEST(HttpClient, HttpsVerifiesAgainstCaFileOrNotAtAll) {
  sluice::testing::TempDir dir;
  const auto tls = sluice::testing::make_self_signed_cert(dir.path());
  HttpTestServer server(tls);
  server.on("/s", HttpReply::text("secure"));

  HttpClient trusting({.ca_file = tls.cert_file.string()});
  EXPECT_EQ(trusting.send({.url = server.url("/s")}).body, "secure");

  HttpClient strict({});
  const auto refused = fetch_error(strict, {.url = server.url("/s")});
  EXPECT_EQ(refused.rfind("permanent: GET " + server.url("/s") + ": TLS certificate not accepted", 0), 0u)
      << refused;

  HttpClient lax({.tls_verify = false});
  EXPECT_EQ(lax.send({.url = server.url("/s")}).body, "secure");
}

}  // namespace
}  // namespace sluice::plugins::net

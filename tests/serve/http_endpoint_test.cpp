// The /metrics and /healthz endpoint on its own: paths, methods, a port
// already taken.
#include "serve/http_endpoint.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sluice::serve_test {
namespace {

struct Reply {
  int status = 0;
  std::string content_type, body;
};

Reply request(std::uint16_t port, const std::string& method, const std::string& path) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(5, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(req);
  Poco::Net::HTTPResponse resp;
  auto& in = session.receiveResponse(resp);
  Reply r;
  r.status = resp.getStatus();
  r.content_type = resp.getContentType();
  if (method != "HEAD") Poco::StreamCopier::copyToString(in, r.body);
  return r;
}

std::uint16_t free_port() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  return socket.address().port();
}

TEST(HttpEndpoint, ServesMetricsAndHealth) {
  const auto port = free_port();
  host::serve::HttpEndpoint endpoint("127.0.0.1", port, [] { return std::string("x_total 1\n"); });
  const auto metrics = request(port, "GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.content_type, "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(metrics.body, "x_total 1\n");
  EXPECT_EQ(request(port, "GET", "/metrics?x=1").body, "x_total 1\n");
  const auto health = request(port, "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  EXPECT_EQ(request(port, "HEAD", "/healthz").status, 200);
}

TEST(HttpEndpoint, OtherPathsAndMethodsAreRefused) {
  const auto port = free_port();
  host::serve::HttpEndpoint endpoint("127.0.0.1", port, [] { return std::string(); });
  EXPECT_EQ(request(port, "GET", "/").status, 404);
  EXPECT_EQ(request(port, "GET", "/metrics/../etc").status, 404);
  EXPECT_EQ(request(port, "POST", "/metrics").status, 405);
}

TEST(HttpEndpoint, APortInUseIsReportedWithTheAddress) {
  Poco::Net::ServerSocket taken(Poco::Net::SocketAddress("127.0.0.1", 0));
  const auto port = taken.address().port();
  try {
    host::serve::HttpEndpoint endpoint("127.0.0.1", port, [] { return std::string(); });
    FAIL() << "bound a port that is in use";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(),
                ::testing::StartsWith("cannot serve /metrics on 127.0.0.1:" + std::to_string(port) + ": "));
  }
}

}  // namespace
}  // namespace sluice::serve_test

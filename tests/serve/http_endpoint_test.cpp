// The /metrics and /healthz endpoint on its own: paths, methods, a port
// already taken, and clients that stall (slow headers, too many
// connections, oversized requests) while /healthz must keep answering.
#include "serve/http_endpoint.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

namespace sluice::serve_test {
namespace {

struct Reply {
  int status = 0;
  std::string content_type, body;
};

Reply request(std::uint16_t port, const std::string& method, const std::string& path, int timeout_s = 5) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(timeout_s, 0));
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

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A client that connects and then sends its request a little at a time.
// Writing on after the server closed must fail with EPIPE, not kill the test.
Poco::Net::StreamSocket slow_client(std::uint16_t port) {
  ::signal(SIGPIPE, SIG_IGN);
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port));
  s.sendBytes("GET /metrics HTTP/1.1\r\n", 23);
  return s;
}

// True once the server has closed `s` (EOF or reset), waiting at most `limit`.
bool closed_by_server(Poco::Net::StreamSocket& s, milliseconds limit) {
  s.setReceiveTimeout(Poco::Timespan(limit.count() * 1000));
  char buf[512];
  try {
    for (;;)
      if (s.receiveBytes(buf, sizeof buf) <= 0) return true;  // a 4xx may come first; then EOF
  } catch (const Poco::TimeoutException&) {
    return false;
  } catch (const Poco::Exception&) {
    return true;  // reset
  }
}

// 50 clients trickling header lines (one every 300 ms, as an attacker
// holding connections would) while a probe asks /healthz every 200 ms:
// every probe is answered within its 2 s timeout.
TEST(HttpEndpoint, HealthzAnswersWhileFiftyClientsTrickleHeaders) {
  const auto port = free_port();
  host::serve::HttpEndpoint endpoint("127.0.0.1", port, [] { return std::string("x_total 1\n"); });
  std::vector<Poco::Net::StreamSocket> slow;
  for (int i = 0; i < 50; ++i) slow.push_back(slow_client(port));
  std::atomic<bool> stop{false};
  std::thread trickler([&] {
    for (int round = 0; round < 20 && !stop; ++round) {  // bounded: 6 s at most
      for (auto& s : slow) {
        try {
          s.sendBytes("X-Slow: 1\r\n", 11);
        } catch (const Poco::Exception&) {
          // closed by the server's deadline: the point of the test
        }
      }
      std::this_thread::sleep_for(milliseconds(300));
    }
  });
  int answered = 0;
  for (int probe = 0; probe < 15; ++probe) {
    try {
      const auto reply = request(port, "GET", "/healthz", 2);
      if (reply.status == 200 && reply.body == "ok\n") ++answered;
    } catch (const Poco::Exception& e) {
      ADD_FAILURE() << "probe " << probe << " got no answer: " << e.displayText();
    }
    std::this_thread::sleep_for(milliseconds(200));
  }
  stop = true;
  trickler.join();
  EXPECT_EQ(answered, 15);
}

// One header line every 200 ms never completes a request: the connection
// is closed at its deadline (1 s here) for the whole request, not kept
// open by each line arriving in time.
TEST(HttpEndpoint, DeadlineCoversTheWholeRequestNotEachLine) {
  const auto port = free_port();
  host::serve::HttpEndpoint endpoint("127.0.0.1", port, [] { return std::string(); },
                                     {.request_deadline = milliseconds(1000)});
  auto s = slow_client(port);
  const auto start = Clock::now();
  bool closed = false;
  for (int line = 0; line < 25 && !closed; ++line) {  // bounded: 5 s at most
    try {
      s.sendBytes("X-Slow: 1\r\n", 11);
    } catch (const Poco::Exception&) {
      closed = true;
      break;
    }
    closed = closed_by_server(s, milliseconds(200));
  }
  const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
  ASSERT_TRUE(closed) << "still open after " << took.count() << " ms of trickled headers";
  EXPECT_GE(took.count(), 900);
  EXPECT_LT(took.count(), 3000);
}

// At the connection cap a new connection displaces the oldest open one, so
// idle connections cannot lock the probe out.
TEST(HttpEndpoint, ConnectionCapDisplacesTheOldestAndHealthzStillAnswers) {
  const auto port = free_port();
  host::serve::HttpEndpoint endpoint("127.0.0.1", port, [] { return std::string(); },
                                     {.request_deadline = milliseconds(30'000), .max_connections = 8});
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 20; ++i) {
    idle.push_back(slow_client(port));
    std::this_thread::sleep_for(milliseconds(10));  // accepted in this order
  }
  const auto health = request(port, "GET", "/healthz", 2);
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  EXPECT_TRUE(closed_by_server(idle.front(), milliseconds(2000))) << "the oldest connection was displaced";
  EXPECT_FALSE(closed_by_server(idle.back(), milliseconds(200))) << "a recent one is still open";
}

TEST(HttpEndpoint, OversizedRequestHeadIsRefusedWith431) {
  const auto port = free_port();
  host::serve::HttpEndpoint endpoint("127.0.0.1", port, [] { return std::string(); });
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port));
  const std::string head = "GET /healthz HTTP/1.1\r\nX-Big: " + std::string(10'000, 'a') + "\r\n\r\n";
  try {
    s.sendBytes(head.data(), static_cast<int>(head.size()));
  } catch (const Poco::Exception&) {
    // the server may close before reading it all; the answer is still there
  }
  s.setReceiveTimeout(Poco::Timespan(2, 0));
  char buf[256] = {};
  const int n = s.receiveBytes(buf, sizeof buf - 1);
  ASSERT_GT(n, 0);
  EXPECT_THAT(std::string(buf, static_cast<std::size_t>(n)),
              ::testing::StartsWith("HTTP/1.1 431 Request Header Fields Too Large"));
}

}  // namespace
}  // namespace sluice::serve_test

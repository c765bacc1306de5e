// A real HTTP(S) server on 127.0.0.1 and an ephemeral port for tests of
// networked stages: Poco::Net::HTTPServer, scripted per path (status,
// headers, body, a delay before answering, conditional GET, one reply per
// request in turn), recording every request it receives.
//
//   sluice::testing::HttpTestServer server;
//   server.on("/a.html", HttpReply::text("<p>hi</p>", "text/html"));
//   run(... server.url("/a.html") ...);
//   EXPECT_EQ(server.requests("/a.html").size(), 1u);
//
// Paths nobody scripted answer 404. Handlers run on the server's threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::testing {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequestRecord {
  std::string method;
  std::string target;  // path and query as sent
  std::string path;
  HttpHeaders headers;
  std::string body;
  std::chrono::steady_clock::time_point at;  // when the server started handling it
  // The first value of header `name` (case-insensitive), or "".
  std::string header(std::string_view name) const;
};

struct HttpReply {
  int status = 200;
  HttpHeaders headers;
  std::string body;
  std::chrono::milliseconds delay{0};  // before the status line: a slow server
  bool chunked = false;                // no Content-Length: chunked transfer encoding

  static HttpReply text(std::string body, std::string content_type = "text/plain; charset=utf-8",
                        int status = 200);
  static HttpReply status_only(int status);
  static HttpReply redirect(int status, std::string location);
  HttpReply& with_header(std::string name, std::string value);
  HttpReply& after(std::chrono::milliseconds wait);
};

class HttpTestServer {
 public:
  // PEM files for an https server (see make_self_signed_cert()).
  struct Tls {
    std::filesystem::path cert_file;
    std::filesystem::path key_file;
  };
  using Handler = std::function<HttpReply(const HttpRequestRecord&)>;

  HttpTestServer();                  // http
  explicit HttpTestServer(Tls tls);  // https
  ~HttpTestServer();
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  // What `path` answers from now on (replacing what it answered before).
  void on(const std::string& path, HttpReply reply);
  void on(const std::string& path, Handler handler);
  // One reply per request in order; the last one repeats.
  void on_sequence(const std::string& path, std::vector<HttpReply> replies);
  // `body` with the validators given (empty: not sent), answering 304 Not
  // Modified to a request whose If-None-Match / If-Modified-Since matches.
  void on_conditional(const std::string& path, std::string body, std::string content_type, std::string etag,
                      std::string last_modified = {});

  std::uint16_t port() const { return port_; }
  // "http://127.0.0.1:PORT" + path (https for a TLS server).
  std::string url(std::string_view path) const;

  std::vector<HttpRequestRecord> requests() const;
  std::vector<HttpRequestRecord> requests(std::string_view path) const;
  // Polls until `path` has had at least `n` requests; false on timeout.
  bool wait_for_requests(std::string_view path, std::size_t n, std::chrono::milliseconds timeout) const;
  void clear_requests();

 private:
  class RequestHandler;
  class Factory;
  friend class RequestHandler;
  HttpReply reply_for(const HttpRequestRecord& request);
  void record(HttpRequestRecord request);
  // Sleeps up to `d`, cut short when the server stops.
  void pause(std::chrono::milliseconds d) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
  bool tls_ = false;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mu_;
  std::map<std::string, Handler, std::less<>> routes_;
  std::vector<HttpRequestRecord> requests_;
};

// A self-signed certificate and key for 127.0.0.1 (and localhost), made
// with the openssl command-line tool in `dir`. Throws when openssl fails.
HttpTestServer::Tls make_self_signed_cert(const std::filesystem::path& dir);

// A loopback port nothing listens on (bound, then closed): connecting to
// it is refused.
std::uint16_t closed_port();

}  // namespace sluice::testing

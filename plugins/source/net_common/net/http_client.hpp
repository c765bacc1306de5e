// One HTTP(S) exchange with the limits every networked stage needs: connect
// and read timeouts, a bounded number of redirects, a response size cap,
// a User-Agent, extra headers and TLS verification settings. Built on
// Poco::Net (HTTPS through Poco NetSSL with a context of its own, so no
// process-wide SSLManager configuration is touched).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

// The first value of header `name` (case-insensitive), or "".
std::string header_value(const Headers& headers, std::string_view name);

struct ClientSettings {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds read_timeout{30'000};  // longest wait for any single read
  std::uint64_t max_bytes = 16 * 1024 * 1024;      // response bodies larger than this fail
  int max_redirects = 5;
  std::string user_agent{};
  Headers headers{};  // sent with every request to the URL's own host
  bool tls_verify = true;
  std::string ca_file{};  // PEM certificates trusted besides the system's
};

struct Request {
  std::string method = "GET";
  std::string url{};
  Headers headers{};  // this request only (If-None-Match ...), after the settings' headers
  std::string body{};
  std::string content_type{};  // of `body`
  bool follow_redirects = true;
  // Keep the first max_bytes of a larger body instead of failing: for
  // answers only read for a message (a webhook's reply).
  bool truncate_body = false;
};

struct Response {
  std::string url{};  // the final URL, after redirects
  int status = 0;
  std::string reason{};
  Headers headers{};
  std::string body{};
  int redirects = 0;
  std::string header(std::string_view name) const { return header_value(headers, name); }
};

// A request that got no HTTP answer (or an unusable one). The message names
// the method and URL. `transient` says whether trying again later may help
// (network trouble, timeouts) or not (a malformed URL, too many redirects,
// a response over the size cap).
class FetchError : public sdk::StageError {
 public:
  FetchError(const std::string& message, bool transient) : sdk::StageError(message), transient_(transient) {}
  bool transient() const { return transient_; }

 private:
  bool transient_;
};

// Waits before a request to a host (see politeness.hpp); may be null.
class Politeness;

// Not thread-safe: one client per stage instance, used from one thread.
class HttpClient {
 public:
  explicit HttpClient(ClientSettings settings, Politeness* politeness = nullptr);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends `request`, following redirects when asked (the settings' headers
  // are not sent to another host). Any HTTP status is a
  // Response (the caller decides what a 404 means); throws FetchError when
  // there is no usable answer.
  Response send(const Request& request);

  const ClientSettings& settings() const { return settings_; }

 private:
  Response exchange(const Request& request, const std::string& url, bool configured_headers);

  ClientSettings settings_;
  Politeness* politeness_;
  struct Tls;
  std::unique_ptr<Tls> tls_;  // created on the first https URL
};

// Checks that `url` is an absolute http or https URL with a host. Returns
// the problem, or "" when it is usable.
std::string url_problem(const std::string& url);

// "text/html" for "Text/HTML; charset=UTF-8": the MIME type alone, lower case.
std::string mime_type(std::string_view content_type);

}  // namespace sluice::plugins::net

// The HTTP side of `sluice serve`: GET /metrics (Prometheus text) and
// GET /healthz ("ok"), served by Poco::Net::HTTPServer from two threads of
// its own so a slow scraper never holds up a pipeline.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace sluice::host::serve {

class HttpEndpoint {
 public:
  // Binds address:port and starts serving; throws std::runtime_error naming
  // the address when it cannot listen. `metrics` renders the /metrics body.
  HttpEndpoint(const std::string& address, std::uint16_t port, std::function<std::string()> metrics);
  ~HttpEndpoint();  // stops serving and closes the socket
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  const std::string& address() const { return address_; }
  std::uint16_t port() const { return port_; }

 private:
  struct Impl;
  std::string address_;
  std::uint16_t port_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sluice::host::serve

// The HTTP side of `sluice serve`: GET /metrics (Prometheus text) and
// GET /healthz ("ok"), served from one thread of its own so a slow scraper
// never holds up a pipeline.
//
// A liveness probe must get its answer however other clients behave, so the
// endpoint never waits on any one connection: one poll() loop reads every
// request without blocking, each connection has one deadline for the whole
// exchange (request line, headers and response), and at the connection cap
// a new connection displaces the oldest one still open instead of being
// refused. Requests are parsed and responses written by Poco::Net.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace sluice::host::serve {

struct EndpointLimits {
  // From accept to the last byte of the response; a client that has not
  // sent its whole request by then is disconnected.
  std::chrono::milliseconds request_deadline{5000};
  std::size_t max_connections = 64;      // open at once; more displace the oldest
  std::size_t max_request_bytes = 8192;  // request line and headers (no body is read)
};

class HttpEndpoint {
 public:
  // Binds address:port and starts serving; throws std::runtime_error naming
  // the address when it cannot listen. `metrics` renders the /metrics body.
  HttpEndpoint(const std::string& address, std::uint16_t port, std::function<std::string()> metrics,
               EndpointLimits limits = {});
  ~HttpEndpoint();  // stops serving and closes the socket and every connection
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

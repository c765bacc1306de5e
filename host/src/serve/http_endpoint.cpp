#include "serve/http_endpoint.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <thread>
#include <vector>

#include "serve/http_routes.hpp"

namespace sluice::host::serve {
namespace {

using Clock = std::chrono::steady_clock;

// One client: reading its request head until the blank line, then writing
// the response, all before `deadline`.
struct Connection {
  int fd = -1;
  Clock::time_point deadline;
  std::string in;
  std::string out;
  std::size_t sent = 0;
  bool draining = false;  // response sent; reading what is left until the client closes
  bool responding() const { return !out.empty(); }
  bool wants_write() const { return responding() && !draining; }
};

bool head_complete(const std::string& in) {
  return in.find("\r\n\r\n") != std::string::npos || in.find("\n\n") != std::string::npos;
}

}  // namespace

struct HttpEndpoint::Impl {
  Impl(Poco::Net::ServerSocket listening, std::function<std::string()> render, EndpointLimits lim)
      : socket(std::move(listening)), metrics(std::move(render)), limits(lim) {
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("cannot create a pipe");
    thread = std::thread([this] { loop(); });
  }

  ~Impl() {
    const char stop = 's';
    [[maybe_unused]] const auto n = ::write(wake[1], &stop, 1);
    thread.join();
    for (auto& c : connections) ::close(c.fd);
    ::close(wake[0]);
    ::close(wake[1]);
  }

  void loop() {
    const int listen_fd = socket.impl()->sockfd();
    std::vector<pollfd> fds;
    for (;;) {
      fds.assign({{wake[0], POLLIN, 0}, {listen_fd, POLLIN, 0}});
      for (const auto& c : connections) fds.push_back({c.fd, short(c.wants_write() ? POLLOUT : POLLIN), 0});
      if (::poll(fds.data(), fds.size(), wait_ms()) < 0 && errno != EINTR) return;
      if (fds[0].revents != 0) return;  // stop
      // Connections first (their pollfd order matches), then new ones.
      for (std::size_t k = 0; k < connections.size(); ++k)
        if (fds[k + 2].revents != 0) serve(connections[k]);
      expire();
      if (fds[1].revents & POLLIN) accept_all(listen_fd);
    }
  }

  // Until the nearest deadline, at most a second.
  int wait_ms() const {
    auto wait = std::chrono::milliseconds(1000);
    const auto now = Clock::now();
    for (const auto& c : connections)
      wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(
                                std::max(c.deadline - now, Clock::duration::zero())));
    return static_cast<int>(wait.count());
  }

  void accept_all(int listen_fd) {
    for (;;) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        // Out of descriptors: free one for the next try, or (none of ours
        // to free) pause rather than spin on a listening socket that stays
        // readable.
        if ((errno == EMFILE || errno == ENFILE) && !connections.empty()) {
          close_oldest();
        } else if (errno == EMFILE || errno == ENFILE) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return;  // EAGAIN: none left (other errors: the next poll retries)
      }
      // Full: the oldest connection has had the most time; the new one may
      // be the probe that must get through.
      if (connections.size() >= limits.max_connections) close_oldest();
      connections.push_back({fd, Clock::now() + limits.request_deadline, {}, {}, 0, false});
    }
  }

  void close_oldest() {
    auto oldest = std::min_element(connections.begin(), connections.end(),
                                   [](const auto& a, const auto& b) { return a.deadline < b.deadline; });
    close(*oldest);
    connections.erase(oldest);
  }

  void serve(Connection& c) {
    if (c.draining) return drain(c);
    if (!c.responding()) {
      char buf[4096];
      for (;;) {
        const auto n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return close(c);
        if (n < 0) break;
        c.in.append(buf, static_cast<std::size_t>(n));
        if (c.in.size() > limits.max_request_bytes) {
          c.out =
              error_response(Poco::Net::HTTPResponse::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE,
                             "request head over " + std::to_string(limits.max_request_bytes) + " bytes\n");
          break;
        }
        if (head_complete(c.in)) {
          c.out = answer_request(c.in, metrics);
          break;
        }
      }
      if (!c.responding()) return;
    }
    while (c.sent < c.out.size()) {
      const auto n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
      if (n < 0) return close(c);
      c.sent += static_cast<std::size_t>(n);
    }
    // Half-close and read on until the client closes (or the deadline):
    // closing with unread request bytes would reset the connection and
    // could destroy the response before the client reads it.
    ::shutdown(c.fd, SHUT_WR);
    c.draining = true;
    drain(c);
  }

  void drain(Connection& c) {
    char buf[4096];
    for (;;) {
      const auto n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
      return close(c);
    }
  }

  // Closed connections are marked fd = -1 and dropped here, with those past
  // their deadline.
  void expire() {
    const auto now = Clock::now();
    for (auto& c : connections)
      if (c.fd >= 0 && c.deadline <= now) close(c);
    std::erase_if(connections, [](const Connection& c) { return c.fd < 0; });
  }

  void close(Connection& c) {
    if (c.fd >= 0) ::close(c.fd);
    c.fd = -1;
  }

  Poco::Net::ServerSocket socket;
  std::function<std::string()> metrics;
  const EndpointLimits limits;
  std::vector<Connection> connections;
  int wake[2] = {-1, -1};
  std::thread thread;
};

HttpEndpoint::HttpEndpoint(const std::string& address, std::uint16_t port,
                           std::function<std::string()> metrics, EndpointLimits limits)
    : address_(address), port_(port) {
  try {
    // SO_REUSEADDR so a restart binds at once, but not SO_REUSEPORT (which
    // Poco's convenience constructor sets): a second sluice on the same port
    // must fail, not silently share the connections.
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(address, port), true, false);
    socket.listen(64);
    socket.setBlocking(false);
    impl_ = std::make_unique<Impl>(std::move(socket), std::move(metrics), limits);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("cannot serve /metrics on " + address + ":" + std::to_string(port) + ": " +
                             e.displayText());
  }
}

HttpEndpoint::~HttpEndpoint() = default;

}  // namespace sluice::host::serve

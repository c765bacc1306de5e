// Per-host politeness: at least `delay` between the starts of two requests
// to the same host, so a list of URLs on one site does not hammer it.
// Requests to other hosts are not held back.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace sluice::plugins::net {

class Politeness {
 public:
  using Clock = std::chrono::steady_clock;
  // `sleep` is replaceable so a unit test can run without waiting.
  explicit Politeness(std::chrono::milliseconds delay, std::function<void(Clock::duration)> sleep = nullptr);

  // Blocks until a request to `host` (case-insensitive) may start, and
  // records that it starts now.
  void wait(std::string_view host);

 private:
  std::chrono::milliseconds delay_;
  std::function<void(Clock::duration)> sleep_;
  std::map<std::string, Clock::time_point, std::less<>> last_;
};

}  // namespace sluice::plugins::net

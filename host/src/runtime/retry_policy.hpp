// Exponential backoff with jitter for source and sink I/O, bounded by an
// attempt count and a deadline, and cut short when a run is asked to stop.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include "sluice/host/config.hpp"

namespace sluice::host::detail {

class Backoff {
 public:
  explicit Backoff(const StagePolicy& p) : policy_(p), started_(std::chrono::steady_clock::now()) {}

  // Waits before the next attempt. Returns false when no attempt is left
  // (count or deadline reached) or `stop` was raised while waiting.
  bool wait(const std::atomic<bool>& stop) {
    if (attempt_ >= policy_.retries) return false;
    const auto elapsed = std::chrono::steady_clock::now() - started_;
    if (elapsed >= std::chrono::milliseconds(policy_.retry_deadline_ms)) return false;
    // Full jitter around the doubled base keeps many hosts retrying against
    // one store from marching in step.
    const double base =
        std::min<double>(static_cast<double>(policy_.retry_max_backoff_ms),
                         static_cast<double>(policy_.retry_backoff_ms) * (1 << std::min(attempt_, 20L)));
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    auto delay = std::chrono::milliseconds(static_cast<std::int64_t>(base * jitter(rng_)));
    const auto left = std::chrono::milliseconds(policy_.retry_deadline_ms) -
                      std::chrono::duration_cast<std::chrono::milliseconds>(elapsed);
    delay = std::min(delay, left);
    const auto until = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < until) {
      if (stop.load()) return false;
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
          std::chrono::milliseconds(50), until - std::chrono::steady_clock::now()));
    }
    ++attempt_;
    return !stop.load();
  }

  long attempts() const { return attempt_ + 1; }

  // After a success: the next failure starts a fresh series.
  void reset() {
    attempt_ = 0;
    started_ = std::chrono::steady_clock::now();
  }

 private:
  const StagePolicy& policy_;
  std::chrono::steady_clock::time_point started_;
  long attempt_ = 0;
  std::minstd_rand rng_{std::random_device{}()};
};

}  // namespace sluice::host::detail

// A time limit for a child process: bench_measure's --timeout.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

namespace sluice::bench {

// Kills `pid` with SIGKILL if it is still running when the time is up.
class Deadline {
 public:
  Deadline(pid_t pid, std::chrono::duration<double> limit)
      : thread_([this, pid, limit] {
          std::unique_lock lock(mu_);
          if (!cv_.wait_for(lock, limit, [this] { return cancelled_; })) {
            fired_ = true;
            ::kill(pid, SIGKILL);
          }
        }) {}
  ~Deadline() { cancel(); }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  // Stops the clock; returns whether it had already fired.
  bool cancel() {
    {
      std::lock_guard lock(mu_);
      cancelled_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    return fired_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool cancelled_ = false, fired_ = false;
  std::thread thread_;
};

}  // namespace sluice::bench

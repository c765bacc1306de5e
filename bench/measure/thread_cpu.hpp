// CPU time of each thread of a running process, from /proc/<pid>/task: how
// the benchmark shows where a run's CPU goes (source, workers, sink) when
// two workers do not make a run twice as fast.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace sluice::bench {

// Samples every thread's user + system time every `interval` until stop();
// a thread keeps the last value seen (one that ends between two samples
// loses at most one interval's time).
class ThreadCpuSampler {
 public:
  ThreadCpuSampler(pid_t pid, std::chrono::milliseconds interval);
  ~ThreadCpuSampler();
  ThreadCpuSampler(const ThreadCpuSampler&) = delete;
  ThreadCpuSampler& operator=(const ThreadCpuSampler&) = delete;

  void stop();
  // "s1,s2,...": seconds per thread in order of thread id (start order, the
  // main thread first); "-" when nothing was sampled.
  std::string summary() const;

 private:
  void run();
  void sample();

  pid_t pid_;
  std::chrono::milliseconds interval_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::map<pid_t, long> ticks_;  // thread id -> utime + stime in clock ticks
  std::thread thread_;
};

}  // namespace sluice::bench

// Counting a running process's open files under one directory, from
// /proc/<pid>/fd: how the benchmark checks that sluice holds only a handful
// of input files open, whatever the corpus size.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace sluice::bench {

struct OpenFileCounts {
  int under_dir = 0;  // descriptors whose target is below the directory
  int total = 0;      // every descriptor
};

// One look at /proc/<pid>/fd. `dir` is absolute and canonical; a process
// that has exited counts as having nothing open.
OpenFileCounts count_open_files(pid_t pid, const std::string& dir);

// Samples count_open_files() on its own thread every `interval` until
// stop(), keeping the maxima.
class OpenFileSampler {
 public:
  OpenFileSampler(pid_t pid, std::string dir, std::chrono::milliseconds interval);
  ~OpenFileSampler();
  OpenFileSampler(const OpenFileSampler&) = delete;
  OpenFileSampler& operator=(const OpenFileSampler&) = delete;

  void stop();
  int max_under_dir() const { return max_under_dir_; }
  int max_total() const { return max_total_; }
  int samples() const { return samples_; }

 private:
  void run();

  pid_t pid_;
  std::string dir_;
  std::chrono::milliseconds interval_;
  std::atomic<bool> stop_{false};
  int max_under_dir_ = 0, max_total_ = 0, samples_ = 0;
  std::thread thread_;
};

}  // namespace sluice::bench

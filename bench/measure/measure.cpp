// bench_measure [--log FILE] [--watch DIR] [--interval-ms N] [--timeout S] -- COMMAND ARGS...
//
// Runs COMMAND and prints one line of what it cost:
//   wall_s=0.812345 user_s=0.700 sys_s=0.110 max_rss_kb=5120 exit=0 timed_out=0
//   open_max=1 fds_max=6 samples=81 threads=0.01,0.52,0.19   (on one line)
// Wall time runs from fork to wait4(); user/sys time and peak RSS are the
// child's own rusage from wait4(). With --watch, /proc/<pid>/fd is sampled
// every N ms (default 10) on a separate thread: open_max is the most files
// below DIR seen open at once, fds_max the most descriptors of any kind.
// threads: CPU seconds of each thread of COMMAND (sampled every N ms from
// /proc/<pid>/task), in order of thread id: main thread first.
// With --timeout, COMMAND is killed (SIGKILL: a graceful stop would first
// finish the work in flight) after S seconds and timed_out=1.
// The child's stdout and stderr go to FILE (default: inherited).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "deadline.hpp"
#include "open_files.hpp"
#include "thread_cpu.hpp"

namespace {

struct Arguments {
  std::string log, watch;
  int interval_ms = 10;
  double timeout_s = 0;  // 0: none
  char** command = nullptr;
};

bool parse(int argc, char** argv, Arguments& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {
      a.command = argv + i + 1;
      return i + 1 < argc;
    }
    if (i + 1 >= argc) return false;
    if (arg == "--log") {
      a.log = argv[++i];
    } else if (arg == "--watch") {
      a.watch = argv[++i];
    } else if (arg == "--interval-ms") {
      a.interval_ms = std::atoi(argv[++i]);
      if (a.interval_ms <= 0) return false;
    } else if (arg == "--timeout") {
      a.timeout_s = std::atof(argv[++i]);
      if (a.timeout_s <= 0) return false;
    } else {
      return false;
    }
  }
  return false;
}

double seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// In the child: redirect output, then become COMMAND.
[[noreturn]] void exec_child(const Arguments& a) {
  if (!a.log.empty()) {
    const int fd = ::open(a.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0 || ::dup2(fd, STDERR_FILENO) < 0) _exit(126);
  }
  ::execvp(a.command[0], a.command);
  std::perror(a.command[0]);
  _exit(127);
}

}  // namespace

int main(int argc, char** argv) {
  Arguments a;
  if (!parse(argc, argv, a)) {
    std::fprintf(stderr,
                 "usage: %s [--log FILE] [--watch DIR] [--interval-ms N] [--timeout S] -- COMMAND ARGS...\n",
                 argv[0]);
    return 2;
  }
  std::string watch;
  if (!a.watch.empty()) {
    // /proc shows canonical paths: compare with the canonical directory.
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(a.watch.c_str(), nullptr), &std::free);
    if (!real) {
      std::perror(a.watch.c_str());
      return 2;
    }
    watch = real.get();
  }

  const auto started = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    std::perror("fork");
    return 2;
  }
  if (pid == 0) exec_child(a);

  std::unique_ptr<sluice::bench::OpenFileSampler> sampler;
  if (!watch.empty())
    sampler = std::make_unique<sluice::bench::OpenFileSampler>(pid, watch,
                                                               std::chrono::milliseconds(a.interval_ms));
  // Every run: where the CPU went, thread by thread.
  sluice::bench::ThreadCpuSampler threads(pid, std::chrono::milliseconds(a.interval_ms));
  std::unique_ptr<sluice::bench::Deadline> deadline;
  if (a.timeout_s > 0)
    deadline = std::make_unique<sluice::bench::Deadline>(pid, std::chrono::duration<double>(a.timeout_s));
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::perror("wait4");
      return 2;
    }
  }
  const bool timed_out = deadline && deadline->cancel();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (sampler) sampler->stop();
  threads.stop();

  const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::printf(
      "wall_s=%.6f user_s=%.3f sys_s=%.3f max_rss_kb=%ld exit=%d timed_out=%d open_max=%d fds_max=%d "
      "samples=%d threads=%s\n",
      wall, seconds(usage.ru_utime), seconds(usage.ru_stime), usage.ru_maxrss, exit_code, timed_out ? 1 : 0,
      sampler ? sampler->max_under_dir() : -1, sampler ? sampler->max_total() : -1,
      sampler ? sampler->samples() : 0, threads.summary().c_str());
  return 0;
}

// A child process started without a shell, so a test knows its exact pid
// (to SIGKILL it) and whether it exited or died by a signal.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace reliability {

struct ExitStatus {
  int code = -1;            // exit status, -1 when killed by a signal
  int signal = 0;           // the signal that ended it, 0 when it exited
  std::string str() const;  // "exit 1" / "signal 9 (Killed)"
};

class ChildProcess {
 public:
  // Runs argv[0] (a path) in `cwd`, stdin from /dev/null, stdout and stderr
  // appended to the given files.
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
               const std::filesystem::path& out, const std::filesystem::path& err);
  ~ChildProcess();  // kills and reaps a child still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  std::optional<ExitStatus> poll();  // the status once it has ended
  ExitStatus wait();
  void kill(int signal);

 private:
  pid_t pid_ = -1;
  std::optional<ExitStatus> status_;
};

}  // namespace reliability

// A child process with its standard input and output on pipes, as in
// `printf ... | sluice run cfg.toml | jq`: the test writes stdin piece by
// piece and watches stdout lines arrive while the child runs.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stdout_tests {

class PipedProcess {
 public:
  // Starts argv[0] (a path) in `cwd`; stderr goes to `stderr_file`.
  PipedProcess(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
               const std::filesystem::path& stderr_file);
  ~PipedProcess();  // kills a child still running
  PipedProcess(const PipedProcess&) = delete;
  PipedProcess& operator=(const PipedProcess&) = delete;

  void write(const std::string& bytes);  // to the child's stdin
  void close_stdin();
  // Waits until stdout holds at least `n` complete lines; false on timeout
  // or when stdout closed with fewer.
  bool wait_for_lines(std::size_t n, std::chrono::seconds timeout);
  // Closes stdin, waits for the exit (and the end of stdout); the exit code,
  // or -1 after a signal or a timeout (the child is then killed).
  int wait(std::chrono::seconds timeout);
  std::string out() const;  // everything read from stdout so far

 private:
  void read_stdout();

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::thread reader_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::string out_text_;
  bool out_closed_ = false;
};

}  // namespace stdout_tests

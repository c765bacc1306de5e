#include "isolation.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace sluice::conformance::detail {
namespace {

// The child reports on a pipe: "P<label>\n" before each input, then one
// "R<status letter><detail>" that runs to the end of the stream.
void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent is gone; nothing left to tell
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

char status_letter(Status s) { return s == Status::Pass ? 'P' : s == Status::Skip ? 'S' : 'F'; }
Status status_of(char c) { return c == 'P' ? Status::Pass : c == 'S' ? Status::Skip : Status::Fail; }

[[noreturn]] void child(int fd, const std::function<CheckResult(Progress&)>& check) {
  CheckResult result;
  try {
    Progress progress(fd);
    result = check(progress);
  } catch (const std::exception& e) {
    result = {Status::Fail, std::string("the check stopped on an exception: ") + e.what()};
  } catch (...) {
    result = {Status::Fail, "the check stopped on a non-standard exception"};
  }
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  write_all(fd, std::string("R") + status_letter(result.status) + result.detail);
  ::close(fd);
  // No exit handlers: they belong to the parent (GoogleTest, LeakSanitizer's
  // whole-process report), not to this copy of it.
  ::_exit(0);
}

std::string signal_text(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return std::string(abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig)) + " (" +
         strsignal(sig) + ")";
}

// What the child said so far: the last input label and, once it finished, its result.
struct Report {
  std::string last_input;
  bool finished = false;
  CheckResult result;
};

Report parse_report(const std::string& stream) {
  Report r;
  std::size_t i = 0;
  while (i < stream.size()) {
    if (stream[i] == 'R' && i + 1 < stream.size()) {
      r.finished = true;
      r.result = {status_of(stream[i + 1]), stream.substr(i + 2)};
      break;
    }
    const auto end = stream.find('\n', i);
    if (end == std::string::npos) break;
    if (stream[i] == 'P') r.last_input = stream.substr(i + 1, end - i - 1);
    i = end + 1;
  }
  return r;
}

std::string on_input(const Report& r) {
  return r.last_input.empty() ? "" : " on input '" + r.last_input + "'";
}

}  // namespace

void Progress::on(std::string_view label) {
  std::string line = "P";
  for (char c : label) line += c == '\n' ? ' ' : c;
  write_all(fd_, line + "\n");
}

CheckResult run_isolated(const std::function<CheckResult(Progress&)>& check, std::chrono::seconds timeout) {
  int fds[2];
  if (::pipe(fds) != 0) return {Status::Fail, std::string("cannot create a pipe: ") + std::strerror(errno)};
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);  // or the child would print the parent's buffered output again
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return {Status::Fail, std::string("cannot fork: ") + std::strerror(errno)};
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(fds[1], check);
  }
  ::close(fds[1]);

  std::string stream;
  bool timed_out = false;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline is checked above
    char buf[4096];
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // end of stream: the child finished or died
    stream.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }

  const Report report = parse_report(stream);
  if (timed_out)
    return {Status::Fail, "no answer after " + std::to_string(timeout.count()) + " s" + on_input(report) +
                              ": a hang or an endless loop"};
  if (WIFSIGNALED(status))
    return {Status::Fail, "crashed with " + signal_text(WTERMSIG(status)) + on_input(report)};
  if (!report.finished || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return {Status::Fail, "the plugin ended the process (exit status " +
                              std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")" +
                              on_input(report)};
  return report.result;
}

}  // namespace sluice::conformance::detail

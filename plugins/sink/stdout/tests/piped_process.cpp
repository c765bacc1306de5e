#include "piped_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace stdout_tests {

PipedProcess::PipedProcess(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                           const std::filesystem::path& stderr_file) {
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  // Built before fork(): the child only calls async-signal-safe functions.
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  pid_ = ::fork();
  if (pid_ == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err, 2);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err);
  in_ = in[1];
  out_ = out[0];
  // A child that stops reading must not kill the test with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  reader_ = std::thread([this] { read_stdout(); });
}

PipedProcess::~PipedProcess() {
  close_stdin();
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (reader_.joinable()) reader_.join();
  if (out_ >= 0) ::close(out_);
}

void PipedProcess::read_stdout() {
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(out_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard lock(mu_);
    if (n <= 0) {
      out_closed_ = true;
      cv_.notify_all();
      return;
    }
    out_text_.append(buf, static_cast<std::size_t>(n));
    cv_.notify_all();
  }
}

void PipedProcess::write(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(in_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("writing to the child's stdin failed");
    done += static_cast<std::size_t>(n);
  }
}

void PipedProcess::close_stdin() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
}

bool PipedProcess::wait_for_lines(std::size_t n, std::chrono::seconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] {
    return static_cast<std::size_t>(std::count(out_text_.begin(), out_text_.end(), '\n')) >= n || out_closed_;
  }) && static_cast<std::size_t>(std::count(out_text_.begin(), out_text_.end(), '\n')) >= n;
}

int PipedProcess::wait(std::chrono::seconds timeout) {
  close_stdin();
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
  if (reader_.joinable()) reader_.join();
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string PipedProcess::out() const {
  std::lock_guard lock(mu_);
  return out_text_;
}

}  // namespace stdout_tests

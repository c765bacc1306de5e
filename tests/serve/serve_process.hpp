// Driving a real `sluice serve` from a test: start it with its output in
// files, signal it, wait for it, poll its /metrics over loopback HTTP.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace sluice::serve_test {

using Clock = std::chrono::steady_clock;

// Polls `done` every 50 ms until it holds or `limit` passes; generous limits
// keep a loaded 2-core machine from failing what is only slow.
inline bool wait_until(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  const auto deadline = Clock::now() + limit;
  for (;;) {
    if (done()) return true;
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// A loopback port nobody listens on right now.
inline std::uint16_t free_port() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  return socket.address().port();
}

// The body of GET http://127.0.0.1:port/path, or nothing when it fails.
inline std::optional<std::string> http_get(std::uint16_t port, const std::string& path,
                                           int* status = nullptr) {
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(5, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    auto& in = session.receiveResponse(response);
    std::string body;
    Poco::StreamCopier::copyToString(in, body);
    if (status) *status = response.getStatus();
    return body;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The value of the sample `series` (name and labels exactly as rendered).
inline std::optional<double> metric(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return std::nullopt;
  return std::stod(text.substr(at + series.size() + 2));
}

class ServeProcess {
 public:
  // Runs `sluice serve CONFIG --plugin-dir <built plugins>` in `cwd`.
  ServeProcess(const std::filesystem::path& cwd, const std::string& config) : err_(cwd / "serve.stderr") {
    const std::string out = (cwd / "serve.stdout").string();
    pid_ = fork();
    if (pid_ == 0) {
      if (chdir(cwd.c_str()) != 0) _exit(127);
      const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int e = open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(o, 1);
      dup2(e, 2);
      execl(SLUICE_CLI, SLUICE_CLI, "serve", config.c_str(), "--plugin-dir", SLUICE_PLUGIN_DIR, nullptr);
      _exit(127);
    }
  }
  ~ServeProcess() {
    if (running()) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  void signal(int sig) const { kill(pid_, sig); }
  std::string log() const { return testing::read_file(err_); }

  bool running() {
    if (status_) return false;
    int raw = 0;
    if (waitpid(pid_, &raw, WNOHANG) == pid_) status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -WTERMSIG(raw);
    return !status_;
  }
  // The exit status once it exited within `limit` (negative: killed by that signal).
  std::optional<int> wait_exit(std::chrono::milliseconds limit) {
    wait_until([&] { return !running(); }, limit);
    return status_;
  }

 private:
  std::filesystem::path err_;
  pid_t pid_ = -1;
  std::optional<int> status_;
};

}  // namespace sluice::serve_test

#include "stdout_sink.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sluice/sdk/json.hpp"

namespace sluice::plugins::stdout_sink {

StdoutSink::StdoutSink(const sdk::StageInit&, int fd) : fd_(fd) {}

void StdoutSink::write(std::span<const sdk::Article> batch) {
  buffer_.clear();
  for (const auto& a : batch) {
    sdk::json::append_article(buffer_, a);
    buffer_.push_back('\n');
  }
  // Straight to the descriptor: no stdio buffer can hold a batch back, and
  // nothing else in the process shares one with this sink.
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw sdk::StageError(std::string("stdout: cannot write to standard output: ") + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace sluice::plugins::stdout_sink

#include "document_reader.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::stdin_source {
namespace {

constexpr std::size_t kReadSize = 64 * 1024;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

DocumentReader::DocumentReader(int fd, Framing framing, std::string delimiter, std::size_t max_size)
    : fd_(fd),
      framing_(framing),
      delimiter_(std::move(delimiter)),
      max_size_(max_size),
      buffer_(kReadSize),
      wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (wake_fd_ < 0)
    throw sdk::StageError(std::string("stdin: cannot create an eventfd: ") + std::strerror(errno));
}

DocumentReader::~DocumentReader() { ::close(wake_fd_); }

void DocumentReader::interrupt() {
  interrupted_ = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wake_fd_, &one, sizeof one);  // fails only when already raised
}

bool DocumentReader::fill() {
  if (eof_) return false;
  begin_ = end_ = 0;
  for (;;) {
    if (interrupted_) throw Interrupted{};
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw sdk::StageError(std::string("stdin: cannot wait for standard input: ") + std::strerror(errno));
    }
    if (fds[1].revents != 0) throw Interrupted{};
    const ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
    if (n > 0) {
      end_ = static_cast<std::size_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno == EINTR) continue;
    throw sdk::StageError(std::string("stdin: cannot read standard input: ") + std::strerror(errno));
  }
}

DocumentReader::Line DocumentReader::read_line(std::string& out, std::size_t limit, bool& overflow) {
  bool any = false;
  for (;;) {
    if (begin_ == end_ && !fill()) return any ? Line::Last : Line::End;
    any = true;
    const char* start = buffer_.data() + begin_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    const std::size_t take = nl ? static_cast<std::size_t>(nl - start) : end_ - begin_;
    const std::size_t room = out.size() < limit ? limit - out.size() : 0;
    out.append(start, std::min(take, room));
    overflow = overflow || take > room;
    begin_ += take;
    if (nl) {
      ++begin_;
      return Line::Complete;
    }
  }
}

std::optional<std::string> DocumentReader::next() {
  if (interrupted_) return std::nullopt;
  try {
    return read_document();
  } catch (const Interrupted&) {
    return std::nullopt;
  }
}

std::optional<std::string> DocumentReader::read_document() {
  std::string doc, line;
  bool too_big = false, any = false;
  for (;;) {
    line.clear();
    bool line_too_big = false;
    // One byte over the limit tells a line of exactly max_size from a longer one.
    const Line status = read_line(line, max_size_ + 1, line_too_big);
    if (status == Line::End) break;
    if (framing_ == Framing::Lines) {
      if (!line_too_big && blank(line)) {
        if (status == Line::Last) break;
        continue;
      }
      doc = std::move(line);
      too_big = line_too_big || doc.size() > max_size_;
      any = true;
      break;
    }
    if (!line_too_big && without_cr(line) == delimiter_) {
      if (any) break;
      doc.clear();  // only blank lines before this delimiter: no document
      continue;
    }
    any = any || !blank(line);
    const std::size_t with_line = doc.size() + line.size() + (status == Line::Complete ? 1 : 0);
    too_big = too_big || line_too_big || with_line > max_size_;
    if (!too_big) {
      doc += line;
      if (status == Line::Complete) doc.push_back('\n');
    }
    if (status == Line::Last) break;
  }
  if (!any) return std::nullopt;
  ++number_;
  if (too_big)
    throw sdk::StageError("stdin: document #" + std::to_string(number_) +
                          " is larger than max_document_size (" + std::to_string(max_size_) +
                          " bytes); skipped");
  return doc;
}

}  // namespace sluice::plugins::stdin_source

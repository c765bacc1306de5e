#include "line_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <system_error>

namespace sluice::plugins::jsonl {
namespace {

namespace fs = std::filesystem;

// Every line the sink writes is a JSON object. A partial tail that does not
// start with '{' means `path` names somebody else's file: refuse to cut it.
constexpr char kLineStart = '{';
// Chunk size for scanning backwards to the last newline; lines can be large.
constexpr std::size_t kScanChunk = 64 * 1024;

std::string describe(int error_number) { return std::generic_category().message(error_number); }

// Reads exactly `n` bytes at `offset`. Returns 0 or an errno value.
int read_at(int fd, char* out, std::size_t n, std::uint64_t offset) {
  while (n > 0) {
    const ssize_t got = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno;
    if (got == 0) return ENODATA;  // the file shrank under us
    out += got;
    n -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
  return 0;
}

}  // namespace

LineFile::LineFile(fs::path path, bool durable, sdk::Log* log)
    : path_(std::move(path)), durable_(durable), log_(log) {
  try {
    bool created = false;
    open_locked(created);
    const bool changed = cut_partial_tail();
    if (durable_ && changed && ::fdatasync(fd_) != 0) fail("cannot sync", errno);
    if (durable_ && created) {
      // A new file's directory entry must be durable too, or a crash could
      // lose a file whose batches were already acknowledged.
      const int dir = ::open(path_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      const int err = dir < 0 ? errno : (::fsync(dir) == 0 ? 0 : errno);
      if (dir >= 0) ::close(dir);
      if (err != 0) fail("cannot sync the directory of", err);
    }
  } catch (...) {
    close();
    throw;
  }
}

LineFile::~LineFile() { close(); }

void LineFile::open_locked(bool& created) {
  constexpr int kFlags = O_RDWR | O_APPEND | O_CLOEXEC;
  // O_EXCL first tells us whether we created the file (its directory then
  // needs a sync); loop in case it disappears between the two calls.
  for (;;) {
    fd_ = ::open(path_.c_str(), kFlags | O_CREAT | O_EXCL, 0666);
    if (fd_ >= 0) {
      created = true;
      break;
    }
    if (errno != EEXIST) fail("cannot create", errno);
    fd_ = ::open(path_.c_str(), kFlags);
    if (fd_ >= 0) break;
    if (errno != ENOENT) fail("cannot open", errno);
  }
  // Two writers on one file would interleave lines and cut each other's
  // tails. flock() conflicts between open files even within one process.
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      throw sdk::StageError("jsonl: " + path_.string() +
                            " is already open by another sink; give each sink its own file");
    }
    fail("cannot lock", errno);
  }
  // Only now, under the lock, is the size ours to trust.
  struct stat st {};
  if (::fstat(fd_, &st) != 0) fail("cannot stat", errno);
  if (!S_ISREG(st.st_mode)) {
    throw sdk::StageError("jsonl: " + path_.string() + " is not a regular file");
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
}

// Cuts the file back to its last '\n'. Returns whether anything was cut.
bool LineFile::cut_partial_tail() {
  const std::uint64_t end = size_;
  if (end == 0) return false;
  char last = 0;
  if (const int err = read_at(fd_, &last, 1, end - 1)) fail("cannot read", err);
  if (last == '\n') return false;

  std::string chunk(static_cast<std::size_t>(std::min<std::uint64_t>(end, kScanChunk)), '\0');
  std::uint64_t keep = 0;
  for (std::uint64_t pos = end; pos > 0;) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(pos, chunk.size()));
    pos -= n;
    if (const int err = read_at(fd_, chunk.data(), n, pos)) fail("cannot read", err);
    const auto newline = std::string_view(chunk.data(), n).rfind('\n');
    if (newline != std::string_view::npos) {
      keep = pos + newline + 1;
      break;
    }
  }
  char first = 0;
  if (const int err = read_at(fd_, &first, 1, keep)) fail("cannot read", err);
  if (first != kLineStart) {
    throw sdk::StageError("jsonl: " + path_.string() +
                          " ends with a partial line that is not JSON; it does not look like "
                          "a file this sink wrote, so it is left untouched");
  }
  shrink_to(keep);
  size_ = keep;
  if (log_ != nullptr) {
    log_->warn("jsonl: cut " + std::to_string(end - keep) + " bytes of a partial last line from " +
               path_.string() + " (left by an interrupted write); it now ends at byte " +
               std::to_string(keep));
  }
  return true;
}

void LineFile::append(std::string_view lines) {
  if (fd_ < 0) throw sdk::StageError("jsonl: " + path_.string() + " is closed");
  if (dirty_tail_) {
    shrink_to(size_);
    dirty_tail_ = false;
  }
  const char* data = lines.data();
  std::size_t left = lines.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) roll_back_and_fail("cannot write", n < 0 ? errno : EIO);
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (durable_ && ::fdatasync(fd_) != 0) roll_back_and_fail("cannot sync", errno);
  size_ += lines.size();
}

std::uint64_t LineFile::cut_to(std::uint64_t length) {
  if (fd_ < 0) throw sdk::StageError("jsonl: " + path_.string() + " is closed");
  const std::uint64_t before = size_on_disk();
  if (!shrink_to(length)) {
    size_ = std::min(size_, before);
    return 0;
  }
  if (durable_ && ::fdatasync(fd_) != 0) fail("cannot sync", errno);
  size_ = length;
  return before - length;
}

std::uint64_t LineFile::size_on_disk() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) fail("cannot stat", errno);
  return static_cast<std::uint64_t>(st.st_size);
}

// The one place this sink calls ftruncate. The file's real length is asked
// each time rather than trusted from size_: cutting "back" to a length past
// the end would extend the file with NUL bytes, the corruption a crash
// recovery must never cause.
bool LineFile::shrink_to(std::uint64_t length) {
  if (size_on_disk() <= length) return false;
  if (::ftruncate(fd_, static_cast<off_t>(length)) != 0) fail("cannot truncate", errno);
  return true;
}

void LineFile::close() noexcept {
  if (fd_ < 0) return;
  ::close(fd_);  // also releases the flock
  fd_ = -1;
}

void LineFile::fail(std::string_view what, int error_number) const {
  std::string message = "jsonl: " + std::string(what) + " " + path_.string() + ": " + describe(error_number);
  // A full disk is not retried like a passing fault: the host stops the run.
  if (error_number == ENOSPC || error_number == EDQUOT)
    throw sdk::StorageFull(message + " (free space, then run again)");
  throw sdk::StageError(message);
}

void LineFile::roll_back_and_fail(std::string_view what, int error_number) {
  // Drop whatever part of the batch reached the file, so it again ends with
  // a complete line and the host's retry appends cleanly.
  try {
    shrink_to(size_);
  } catch (const sdk::StageError&) {
    dirty_tail_ = true;
  }
  fail(what, error_number);
}

}  // namespace sluice::plugins::jsonl

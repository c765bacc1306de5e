#include "file_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace sluice::plugins::files {
namespace {

std::string errno_message(int error) { return std::generic_category().message(error); }

// Closes the descriptor on every path out of read_file().
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

FileRead read_file(const std::filesystem::path& path, std::uint64_t max_size, bool follow_symlinks,
                   std::string& bytes) {
  FileRead result;
  bytes.clear();

  // O_NONBLOCK: if a FIFO took the file's place since the listing, opening it
  // must not wait for a writer; regular-file reads ignore the flag.
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
  if (!follow_symlinks) flags |= O_NOFOLLOW;
  Descriptor fd(::open(path.c_str(), flags));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT) {
      result.status = FileRead::Status::Vanished;
    } else if (error == ELOOP && !follow_symlinks) {
      result.error = "cannot open: it is now a symbolic link and follow_symlinks is false";
    } else {
      result.error = "cannot open: " + errno_message(error);
    }
    return result;
  }

  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    result.error = "cannot stat: " + errno_message(errno);
    return result;
  }
  if (!S_ISREG(st.st_mode)) {
    result.error = "not a regular file any more";
    return result;
  }
  result.stat_known = true;
  result.size = static_cast<std::uint64_t>(st.st_size);
  result.mtime_ms = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 +
                    static_cast<std::int64_t>(st.st_mtim.tv_nsec) / 1000000;

  if (result.size > max_size) {
    result.status = FileRead::Status::Oversize;
    result.error = "file is " + std::to_string(result.size) + " bytes, larger than max_size (" +
                   std::to_string(max_size) + " bytes); not read";
    return result;
  }

  bytes.resize(result.size);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = "read failed: " + errno_message(errno);
      bytes.clear();
      return result;
    }
    if (n == 0) break;  // the file shrank since fstat
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  result.size = done;
  result.status = FileRead::Status::Ok;
  return result;
}

}  // namespace sluice::plugins::files

#include "loader/trusted_plugin_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <utility>

namespace sluice::host::detail {
namespace {

namespace fs = std::filesystem;

// Anything larger is no plugin; refusing it keeps a hostile file from
// making the host read gigabytes into memory.
constexpr off_t kMaxPluginBytes = off_t{1} << 30;

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Where an opened object sits on the way to the plugin decides what is
// asked of it (see the policy in the header).
enum class Role { kAbove, kPluginDir, kFile };

std::string mode_text(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

std::optional<std::string> check_stat(const struct stat& st, Role role, const std::string& what) {
  if (st.st_uid != 0 && st.st_uid != ::geteuid())
    return what + " is owned by uid " + std::to_string(st.st_uid) +
           ", neither root nor the user running sluice";
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) == 0) return std::nullopt;
  // A sticky, root-owned directory above the plugin's own (like /tmp):
  // others may add entries but not rename or remove ours.
  if (role == Role::kAbove && (st.st_mode & S_ISVTX) != 0 && st.st_uid == 0) return std::nullopt;
  const std::string by = (st.st_mode & S_IWOTH) ? "other users" : "its group";
  if (role == Role::kAbove)
    return what + " is writable by " + by + " (mode " + mode_text(st.st_mode) +
           ") and not both sticky and owned by root, so the directories below it could be swapped";
  return what + " is writable by " + by + " (mode " + mode_text(st.st_mode) +
         "); only its owner may write it";
}

std::string errno_text(const std::string& what, int err) {
  if (err == ELOOP || err == ENOTDIR)
    return what + " is not a directory or was replaced by a symbolic link while it was checked";
  return "cannot open " + what + ": " + std::strerror(err);
}

// Opens `dir` (absolute, no links) from / down, one component at a time,
// checking each directory as it is opened. The last one is the plugin's own.
std::variant<Fd, std::string> open_checked_dir(const fs::path& dir) {
  Fd fd(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return errno_text("directory /", errno);
  fs::path so_far = "/";
  const auto rel = dir.relative_path();
  auto check = [&](Role role) -> std::optional<std::string> {
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return errno_text("directory " + so_far.string(), errno);
    return check_stat(st, role, "directory " + so_far.string());
  };
  if (rel.empty()) {
    if (auto why = check(Role::kPluginDir)) return *why;
    return fd;
  }
  if (auto why = check(Role::kAbove)) return *why;
  for (auto it = rel.begin(); it != rel.end(); ++it) {
    so_far /= *it;
    Fd next(::openat(fd.get(), it->c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next.get() < 0) return errno_text("directory " + so_far.string(), errno);
    fd = std::move(next);
    const bool last = std::next(it) == rel.end();
    if (auto why = check(last ? Role::kPluginDir : Role::kAbove)) return *why;
  }
  return fd;
}

}  // namespace

TrustedFile::~TrustedFile() { ::close(fd_); }

bool TrustedFile::renumber() {
  const int moved = ::fcntl(fd_, F_DUPFD_CLOEXEC, fd_ + 1);
  if (moved < 0) return false;
  ::close(fd_);
  fd_ = moved;
  return true;
}

std::string TrustedFile::read_all() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) throw std::runtime_error(std::string("cannot stat: ") + std::strerror(errno));
  if (st.st_size > kMaxPluginBytes) throw std::runtime_error("file is larger than 1 GiB: not a plugin");
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    const auto n = ::pread(fd_, bytes.data() + got, bytes.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;  // shrank meanwhile: what was read is what is probed
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

TrustedOpen open_trusted_plugin(const fs::path& file) {
  std::error_code ec;
  const fs::path named = fs::absolute(file, ec);
  if (ec) return "cannot resolve the path: " + ec.message();
  const fs::path resolved = fs::canonical(named, ec);
  if (ec) return "cannot resolve the path: " + ec.message();
  const fs::path named_dir = fs::canonical(named.parent_path(), ec);
  if (ec) return "cannot resolve its directory: " + ec.message();

  // A link's own directory must be trusted too: whoever can write it can
  // point the link elsewhere, or add another.
  const bool is_link = resolved.parent_path() != named_dir || resolved.filename() != named.filename();
  if (is_link && resolved.parent_path() != named_dir) {
    auto dir = open_checked_dir(named_dir);
    if (auto* why = std::get_if<std::string>(&dir)) return *why;
  }
  const std::string prefix = is_link ? "link target " + resolved.string() + ": " : std::string();

  auto dir = open_checked_dir(resolved.parent_path());
  if (auto* why = std::get_if<std::string>(&dir)) return prefix + *why;
  // O_NONBLOCK: a FIFO named like a plugin must not hang the host here.
  Fd fd(::openat(std::get<Fd>(dir).get(), resolved.filename().c_str(),
                 O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    if (errno == ELOOP) return prefix + "file was replaced by a symbolic link while it was checked";
    return prefix + "cannot open file: " + std::strerror(errno);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return prefix + "cannot stat file: " + std::strerror(errno);
  if (!S_ISREG(st.st_mode)) return prefix + "not a regular file";
  if (auto why = check_stat(st, Role::kFile, "file")) return prefix + *why;
  return std::make_shared<TrustedFile>(fd.release());
}

}  // namespace sluice::host::detail

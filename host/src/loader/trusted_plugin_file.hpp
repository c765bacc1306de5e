// Opens a plugin file once, checking that nobody but root and the user
// running sluice could have changed it or swapped it on its way there.
//
// Policy (docs/reliability.md, "Plugin trust"):
//  - a symbolic link is followed: the file checked and loaded is the link's
//    target, and both the link's own directory and every directory from /
//    down to the target are checked;
//  - the file and every directory on the way must be owned by root or by
//    the user running sluice;
//  - the file and its own directory must not be writable by group or
//    others (a sticky bit does not help there: anyone could add a .so next
//    to it, and the directory scan would load it);
//  - a directory higher up may be world-writable only when it is also
//    sticky and owned by root (like /tmp): there only the owner of an entry
//    may rename or remove it, so the trusted directory below cannot be
//    swapped out.
// The checks walk the resolved path one component at a time with openat()
// and O_NOFOLLOW and fstat() what was opened, so what was checked is what is
// read, hashed and loaded: no name is looked up twice.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

namespace sluice::host::detail {

// An open, checked plugin file. Owns the descriptor.
class TrustedFile {
 public:
  explicit TrustedFile(int fd) : fd_(fd) {}
  ~TrustedFile();
  TrustedFile(const TrustedFile&) = delete;
  TrustedFile& operator=(const TrustedFile&) = delete;

  int fd() const { return fd_; }
  // Moves the descriptor to another number (the old one is closed), so a
  // `/proc/self/fd/N` name no loaded library still carries can be used.
  bool renumber();
  // The whole file, read through the descriptor.
  std::string read_all() const;

 private:
  int fd_;
};

// The file, or the reason it is refused.
using TrustedOpen = std::variant<std::shared_ptr<TrustedFile>, std::string>;
TrustedOpen open_trusted_plugin(const std::filesystem::path& file);

}  // namespace sluice::host::detail

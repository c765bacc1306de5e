// Reading one file whole, with one allocation and one open descriptor.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace sluice::plugins::files {

struct FileRead {
  enum class Status {
    Ok,        // `bytes` holds the content
    Oversize,  // larger than the limit: not read, `bytes` empty
    Vanished,  // removed since it was listed
    Failed,    // could not be read: see `error`
  };
  Status status = Status::Failed;
  bool stat_known = false;    // size and mtime_ms are meaningful
  std::uint64_t size = 0;     // bytes read (Ok) or fstat(2) size (otherwise)
  std::int64_t mtime_ms = 0;  // modification time, ms since the Unix epoch
  std::string error;          // for Oversize and Failed, meant for the operator
};

// Reads `path` into `bytes` (replacing its content). The size comes from
// fstat(2) on the same descriptor the data is read from, so the string is
// sized once and filled by a read(2) loop: a file growing meanwhile is read
// up to the size it had when opened; one shrinking is cut to what was there.
// Without `follow_symlinks` a path that became a symbolic link since it was
// listed is refused (O_NOFOLLOW). The descriptor is closed before returning.
FileRead read_file(const std::filesystem::path& path, std::uint64_t max_size, bool follow_symlinks,
                   std::string& bytes);

}  // namespace sluice::plugins::files

// The files a `files` source delivers in one run, in order, streamed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "path_filter.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::files {

struct ListingOptions {
  bool recursive = true;
  bool include_hidden = false;   // names starting with '.'
  bool follow_symlinks = false;  // otherwise symbolic links are skipped
};

// The regular files below `root` (an existing directory) that `filter`
// wants, as paths relative to `root` with '/' separators, in bytewise order
// of those paths. A global bytewise order (rather than a per-directory walk
// order) makes the order reproducible on any file system and lets a cursor
// (the relative path) be compared with later listings.
//
// Memory stays bounded whatever the number of files: a pass over the tree
// keeps only the `window` smallest paths after the last one handed out (a
// bounded max-heap), and the next pass starts after the last of them. A
// tree of N wanted files takes ceil(N / window) passes; up to `window` files
// take one. A file created during a run is listed if its path sorts after
// the last path handed out when the pass that reaches it begins; one
// removed is listed only if a pass saw it first.
//
// Only one directory handle is open at a time. Entries that cannot be
// examined (a subdirectory without permission, a dangling link, a symlink
// loop) are skipped with a warning on `log` (which may be null), once per
// listing; failing to list the root itself throws sdk::StageError.
class FileListing {
 public:
  static constexpr std::size_t kDefaultWindow = 65536;  // ~2 MB of names at most

  FileListing(std::filesystem::path root, const PathFilter& filter, const ListingOptions& options,
              sdk::Log* log, std::size_t window = kDefaultWindow);

  // The next path, or null after the last one. Valid until the next call.
  const std::string* next();

  std::size_t passes() const { return passes_; }

 private:
  void fill();  // one pass: the next window of paths, sorted

  std::filesystem::path root_;
  const PathFilter& filter_;
  ListingOptions options_;
  sdk::Log* log_;
  std::size_t window_;
  std::vector<std::string> batch_;  // this window's paths, sorted
  std::size_t position_ = 0;
  std::string last_;  // the greatest path of the windows before this one
  bool more_ = true;  // a pass left paths for another window
  std::size_t passes_ = 0;
};

// Every path at once (one window as large as needed): for tests and tools.
std::vector<std::string> list_files(const std::filesystem::path& root, const PathFilter& filter,
                                    const ListingOptions& options, sdk::Log* log);

}  // namespace sluice::plugins::files

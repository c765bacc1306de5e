// The sorted list of files a `files` source delivers in one run.
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

// Walks `root` (an existing directory) and returns the paths of the regular
// files `filter` wants, relative to `root` with '/' separators, sorted
// bytewise. A global bytewise sort (rather than a per-directory walk order)
// makes the order reproducible on any file system and lets a cursor (the
// relative path) be compared with later listings.
//
// Only one directory handle is open at a time, and only names are kept.
// Entries that cannot be examined (a subdirectory without permission, a
// dangling link, a symlink loop) are skipped with a warning on `log` (which
// may be null); failing to list the root itself throws sdk::StageError.
std::vector<std::string> list_files(const std::filesystem::path& root, const PathFilter& filter,
                                    const ListingOptions& options, sdk::Log* log);

}  // namespace sluice::plugins::files

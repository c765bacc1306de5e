// include/exclude glob matching for paths below the source root.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::files {

// Globs are fnmatch(3) patterns ('*', '?', '[...]'), matched like this:
//  - a pattern without '/' matches the entry's name, at any depth:
//    "*.txt" matches "a.txt" and "2023/07/a.txt";
//  - a pattern with '/' matches the whole path relative to the root, and
//    there '*' also crosses '/': "2023/*" matches "2023/07/a.txt".
// Leading dots get no special treatment here; hidden entries are governed by
// the `include_hidden` option alone.
class PathFilter {
 public:
  PathFilter(std::vector<std::string> include, std::vector<std::string> exclude);

  // A regular file is read when an include pattern matches and no exclude
  // pattern does.
  bool wants_file(std::string_view relative, std::string_view name) const;
  // A directory is not descended into when an exclude pattern matches it, so
  // exclude = ["drafts"] prunes a whole subtree without listing it.
  bool prunes_directory(std::string_view relative, std::string_view name) const;

 private:
  std::vector<std::string> include_;
  std::vector<std::string> exclude_;
};

}  // namespace sluice::plugins::files

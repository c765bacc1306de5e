#include "path_filter.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <utility>

namespace sluice::plugins::files {
namespace {

bool matches(const std::string& pattern, std::string_view relative, std::string_view name) {
  const bool whole_path = pattern.find('/') != std::string::npos;
  // fnmatch(3) needs a NUL-terminated subject; a view need not be one.
  const std::string subject(whole_path ? relative : name);
  return ::fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

bool any_matches(const std::vector<std::string>& patterns, std::string_view relative, std::string_view name) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return matches(p, relative, name); });
}

}  // namespace

PathFilter::PathFilter(std::vector<std::string> include, std::vector<std::string> exclude)
    : include_(std::move(include)), exclude_(std::move(exclude)) {}

bool PathFilter::wants_file(std::string_view relative, std::string_view name) const {
  return any_matches(include_, relative, name) && !any_matches(exclude_, relative, name);
}

bool PathFilter::prunes_directory(std::string_view relative, std::string_view name) const {
  return any_matches(exclude_, relative, name);
}

}  // namespace sluice::plugins::files

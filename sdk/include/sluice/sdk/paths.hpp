// Resolving a stage's path options the same way in every plugin.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

#include "sluice/sdk/stage.hpp"

namespace sluice::sdk {

// A relative path resolves against StageInit::base_dir when the host set
// one, else the working directory. The result is absolute and normalised.
inline std::filesystem::path resolve_path(const StageInit& init, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_relative() && !init.base_dir.empty()) p = std::filesystem::path(init.base_dir) / p;
  return std::filesystem::absolute(p).lexically_normal();
}

// For outputs: resolve_path() and create the parent directories. Throws
// StageError naming the stage's plugin (`who`) and the directory.
inline std::filesystem::path resolve_output_path(const StageInit& init, const std::string& path,
                                                 const std::string& who) {
  if (path.empty()) throw StageError(who + ": option 'path' is empty");
  auto p = resolve_path(init, path);
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) throw StageError(who + ": " + p.string() + " is a directory");
  std::filesystem::create_directories(p.parent_path(), ec);
  if (ec)
    throw StageError(who + ": cannot create directory " + p.parent_path().string() + ": " + ec.message());
  return p;
}

}  // namespace sluice::sdk

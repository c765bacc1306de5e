// `sluice new-plugin`: a complete out-of-tree plugin project for one stage
// kind, rendered from the templates in templates/ (compiled into the CLI).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::scaffold {

struct File {
  std::filesystem::path path;  // relative to the project directory
  std::string text;
};

// Why `name` cannot name a plugin project, or nothing. A name is
// [a-z][a-z0-9_]*: it becomes the .so file, the plugin name in TOML and a
// C++ namespace, so it may not be a C++ keyword or contain "__".
std::optional<std::string> check_name(std::string_view name);

// "source", "parser", "enricher", "sink" -> SLUICE_KIND_*.
std::optional<std::uint32_t> parse_kind(std::string_view kind);

// Every file of the project, rendered for `name`.
std::vector<File> render_project(std::uint32_t kind, const std::string& name);

// `sluice new-plugin lua NAME`: no C++ project but a starter script
// (NAME.lua), a config that runs it (NAME.toml) and an input file.
std::vector<File> render_lua_script(const std::string& name);

// Creates `dir` (and its parents) and writes the files. Throws
// std::runtime_error when `dir` exists and is not an empty directory:
// nothing is ever overwritten.
void write_project(const std::filesystem::path& dir, const std::vector<File>& files);

}  // namespace sluice::scaffold

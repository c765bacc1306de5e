// Where CMake put the fixture plugins (see fixtures/CMakeLists.txt), and
// helpers to put paths into a test's TOML.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace loader_test {

inline std::filesystem::path fixture_dir(std::string_view sub) {
  return std::filesystem::path(LOADER_FIXTURE_DIR) / sub;
}

// A path as a TOML basic string, quotes included.
inline std::string toml_quote(const std::filesystem::path& p) {
  std::string out = "\"";
  for (char c : p.string()) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// `text` with each @KEY@ replaced by the quoted path given for KEY, so a
// test's TOML stays one readable block.
inline std::string with_paths(
    std::string text,
    std::initializer_list<std::pair<std::string_view, std::filesystem::path>> paths) {
  for (const auto& [key, path] : paths) {
    // Built by appending: GCC 12's -Wrestrict misfires on "@" + std::string.
    std::string token(1, '@');
    token.append(key).push_back('@');
    const std::string quoted = toml_quote(path);
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at)) {
      text.replace(at, token.size(), quoted);
      at += quoted.size();
    }
  }
  return text;
}

}  // namespace loader_test

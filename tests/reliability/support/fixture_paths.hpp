// Where the build put the CLI, the built-in plugins and the fixture plugins.
#pragma once

#include <filesystem>

namespace reliability {

inline std::filesystem::path cli_path() { return SLUICE_CLI; }
inline std::filesystem::path builtin_plugin_dir() { return SLUICE_PLUGIN_DIR; }
inline std::filesystem::path fixture_plugin_dir() { return RELIABILITY_FIXTURE_DIR; }
inline std::filesystem::path malformed_config_dir() { return RELIABILITY_MALFORMED_DIR; }

}  // namespace reliability

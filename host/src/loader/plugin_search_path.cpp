#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <mutex>

#include "sluice/host/plugin_registry.hpp"

namespace sluice::host {

namespace {

std::mutex package_dir_mu;
std::filesystem::path& package_dir() {
  static std::filesystem::path dir;
  return dir;
}

}  // namespace

void set_package_plugin_dir(const char* dir) {
  std::lock_guard lock(package_dir_mu);
  package_dir() = dir;
}

std::filesystem::path default_plugin_dir() {
  std::error_code ec;
  const std::filesystem::path exe_dir = boost::dll::program_location(ec).parent_path();
  std::filesystem::path installed;
  if (!ec) {
    // Build tree: build/bin/<exe> next to build/plugins.
    const auto build_tree = exe_dir.parent_path() / "plugins";
    if (std::filesystem::is_directory(build_tree, ec)) return build_tree;
    // Installed: <prefix>/bin/sluice and <prefix>/<libdir>/sluice/plugins.
    installed = exe_dir.parent_path() / SLUICE_INSTALL_PLUGIN_SUBDIR;
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  // An embedding program elsewhere, built against the installed package.
  std::lock_guard lock(package_dir_mu);
  return package_dir().empty() ? installed : package_dir();
}

std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::filesystem::path>& cli_dirs,
                                                      const std::vector<std::filesystem::path>& config_dirs,
                                                      bool with_default) {
  std::vector<std::filesystem::path> dirs(cli_dirs.begin(), cli_dirs.end());
  if (const char* env = std::getenv("SLUICE_PLUGIN_DIR"); env != nullptr) {
    std::string_view rest(env);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const auto part = rest.substr(0, colon);
      if (!part.empty()) dirs.emplace_back(part);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  dirs.insert(dirs.end(), config_dirs.begin(), config_dirs.end());
  if (with_default) {
    if (auto d = default_plugin_dir(); !d.empty()) dirs.push_back(std::move(d));
  }
  return dirs;
}

}  // namespace sluice::host

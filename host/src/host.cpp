#include "sluice/host/host.hpp"

#include <algorithm>

namespace sluice::host {

Host::Host() = default;
Host::~Host() = default;

void Host::register_plugin(const sluice_plugin_descriptor* descriptor) {
  registry_.register_builtin(descriptor);
}

void Host::add_plugin_dir(std::filesystem::path dir) { extra_dirs_.push_back(std::move(dir)); }

void Host::note_plugin_dirs(const std::vector<std::filesystem::path>& config_dirs) {
  for (const auto& dir : plugin_search_path(extra_dirs_, config_dirs, use_default_dir_)) {
    // A directory reached twice (CLI and config naming the same one) counts once.
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(dir, ec);
    if (ec) canonical = dir;
    if (std::find(noted_dirs_.begin(), noted_dirs_.end(), canonical) != noted_dirs_.end()) continue;
    noted_dirs_.push_back(canonical);
    registry_.note_directories({dir});
  }
}

void Host::load_plugins(const std::vector<std::filesystem::path>& config_dirs) {
  note_plugin_dirs(config_dirs);
  (void)registry_.names();  // loads every noted file: a listing is complete
}

Config Host::load_config_string(const std::string& text, const std::string& name) {
  note_plugin_dirs(read_host_settings(text, name).plugin_dirs);
  return load_config(text, name, registry_);
}

Config Host::load_config_file(const std::filesystem::path& file) {
  return load_config_string(read_text_file(file), file.string());
}

StateDb* Host::state(const Config& config) {
  if (config.host.state.empty()) return nullptr;
  auto& slot = states_[config.host.state];
  if (!slot) slot = std::make_unique<StateDb>(config.host.state);
  return slot.get();
}

std::vector<RunReport> Host::run(const Config& config, const std::string& pipeline, const RunOptions& options) {
  RunOptions run_options = options;
  if (!run_options.state_db) run_options.state_db = state(config);
  std::vector<RunReport> reports;
  for (const auto& p : config.pipelines) {
    if (!pipeline.empty() && p.name != pipeline) continue;
    reports.push_back(run_pipeline(p, registry_, run_options));
  }
  if (!pipeline.empty() && reports.empty()) {
    std::string known;
    for (const auto& p : config.pipelines) known += (known.empty() ? "" : ", ") + p.name;
    throw ConfigError({config.file}, "no pipeline named '" + pipeline + "' (pipelines: " + known + ")");
  }
  return reports;
}

}  // namespace sluice::host

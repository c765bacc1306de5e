#include "sluice/host/host.hpp"

#include <algorithm>

#include "runtime/memory_stages.hpp"

namespace sluice::host {

// Every host offers the push source and pull sink that RunHandle feeds
// and drains.
Host::Host() {
  registry_.register_builtin(detail::push_source_descriptor());
  registry_.register_builtin(detail::pull_sink_descriptor());
}
Host::~Host() = default;

void Host::register_plugin(const sluice_plugin_descriptor* descriptor) {
  registry_.register_builtin(descriptor);
}

void Host::add_plugin_dir(std::filesystem::path dir) { extra_dirs_.push_back(std::move(dir)); }

void Host::note_plugin_dirs(const std::vector<std::filesystem::path>& config_dirs) {
  const auto explicit_dirs = plugin_search_path(extra_dirs_, config_dirs, false);
  for (const auto& dir : plugin_search_path(extra_dirs_, config_dirs, use_default_dir_)) {
    std::error_code exists_ec;
    const bool named = std::find(explicit_dirs.begin(), explicit_dirs.end(), dir) != explicit_dirs.end();
    if (named && !std::filesystem::is_directory(dir, exists_ec)) {
      const auto text = "plugin directory " + dir.string() + " does not exist";
      if (std::find(warnings_.begin(), warnings_.end(), text) == warnings_.end()) warnings_.push_back(text);
    }
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
  std::lock_guard lock(states_mu_);
  auto& slot = states_[config.host.state];
  if (!slot) slot = std::make_unique<StateDb>(config.host.state);
  return slot.get();
}

std::vector<RunReport> Host::run(const Config& config, const std::string& pipeline,
                                 const RunOptions& options) {
  RunOptions run_options = options;
  if (!run_options.state_db) run_options.state_db = state(config);
  std::vector<RunReport> reports;
  if (!pipeline.empty()) {
    reports.push_back(run_pipeline(pipeline_named(config, pipeline), registry_, run_options));
    return reports;
  }
  for (const auto& p : config.pipelines) reports.push_back(run_pipeline(p, registry_, run_options));
  return reports;
}

const PipelineConfig& Host::pipeline_named(const Config& config, const std::string& name) const {
  if (const auto* p = config.pipeline(name)) return *p;
  std::string known;
  for (const auto& p : config.pipelines) known += (known.empty() ? "" : ", ") + p.name;
  // At the first pipeline's table: where the file's pipelines begin.
  const SourcePosition where =
      config.pipelines.empty() ? SourcePosition{config.file} : config.pipelines[0].position;
  throw ConfigErrors({ConfigError(where, "no pipeline named '" + name + "' (pipelines: " + known + ")")});
}

}  // namespace sluice::host

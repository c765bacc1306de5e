#include "sluice/host/stage_check.hpp"

namespace sluice::host {
namespace {

void try_create(const PipelineConfig& p, const StageConfig& s, const Config& config,
                const PluginRegistry& registry, std::vector<ConfigError>& errors) {
  sdk::StageInit init;
  init.pipeline = p.name;
  init.name = s.name;
  init.options = s.options;
  init.base_dir = config.base_dir.string();  // as the run resolves relative paths
  try {
    registry.create(*s.plugin, init);  // destroyed at once
  } catch (const std::exception& e) {
    errors.emplace_back(s.position, e.what());
  }
}

}  // namespace

void check_stages(const Config& config, const PluginRegistry& registry) {
  std::vector<ConfigError> errors;
  for (const auto& p : config.pipelines) {
    for (const auto& s : p.parsers) try_create(p, s, config, registry, errors);
    for (const auto& s : p.enrichers) try_create(p, s, config, registry, errors);
  }
  if (!errors.empty()) throw ConfigErrors(std::move(errors));
}

}  // namespace sluice::host

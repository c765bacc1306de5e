// The plugin a harness or check works on, in a registry of its own next to
// the stand-in stages, and the host's config validator applied to it.
#pragma once

#include <filesystem>
#include <string>

#include "sluice/host/plugin_registry.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::sdk::testing::detail {

class PluginUnderTest {
 public:
  // Through the gate: PluginRegistry::register_builtin / load_file. Throws
  // std::runtime_error with the host's refusal message.
  explicit PluginUnderTest(const sluice_plugin_descriptor* plugin);
  explicit PluginUnderTest(const std::filesystem::path& plugin_file);

  const host::PluginInfo& info() const { return *info_; }
  const host::PluginRegistry& registry() const { return registry_; }

  // The options the host would give a stage whose TOML block holds `values`.
  // A key the host reads itself (`name`, `timeout` ...) is refused: it
  // would configure the stage, not the plugin.
  Options options_from(const Map& values) const;
  // The same for raw TOML lines ("count = 3\n"), keys as written.
  Options options_from_toml(const std::string& lines) const;
  // The options of the first stage in `sample_toml` that uses this plugin.
  Options options_from_sample(const std::filesystem::path& sample_toml) const;

 private:
  void register_stubs();

  host::PluginRegistry registry_;
  const host::PluginInfo* info_ = nullptr;
};

}  // namespace sluice::sdk::testing::detail

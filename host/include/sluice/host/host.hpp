// The embedding API: what a program linking sluice::host uses to run
// pipelines in-process (see docs/embedding.md).
//
//   sluice::host::Host host;
//   host.register_plugin(my_descriptor());      // in-process stage
//   host.add_plugin_dir("build/plugins");       // and/or .so plugins
//   auto config = host.load_config_string(toml_text);
//   auto report = host.run(config, "seeds", {.on_article = ...});
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sluice/host/config.hpp"
#include "sluice/host/pipeline_runner.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "sluice/host/state_db.hpp"

namespace sluice::host {

class Host {
 public:
  Host();
  ~Host();

  // Plugins compiled into the program. Must be called before loading config.
  void register_plugin(const sluice_plugin_descriptor* descriptor);
  // Directories searched before [host] plugin_dirs and the default.
  void add_plugin_dir(std::filesystem::path dir);
  // Whether the default plugin directory is searched (on by default).
  void use_default_plugin_dir(bool on) { use_default_dir_ = on; }

  // Loads plugins from the search path the config implies, then validates it.
  Config load_config_file(const std::filesystem::path& file);
  Config load_config_string(const std::string& text, const std::string& name = "<string>");

  // The state database the config names ([host] state), opened on first
  // use and kept open; null when the config names none. Throws
  // StateDbUnusable when the file is damaged, not a database or not
  // readable and writable (see docs/reliability.md).
  StateDb* state(const Config& config);

  // Runs one pipeline (or, with an empty name, every pipeline in order).
  // Uses the config's state database unless options.state_db is set.
  std::vector<RunReport> run(const Config& config, const std::string& pipeline = {},
                             const RunOptions& options = {});

  PluginRegistry& registry() { return registry_; }
  const PluginRegistry& registry() const { return registry_; }
  // Files refused while loading plugins, each with its reason.
  const std::vector<Refusal>& refusals() const { return refusals_; }
  // Loads the search path without a config (for `sluice plugins`).
  void load_plugins(const std::vector<std::filesystem::path>& config_dirs = {});

 private:
  PluginRegistry registry_;
  std::vector<std::filesystem::path> extra_dirs_;
  std::vector<Refusal> refusals_;
  std::vector<std::filesystem::path> loaded_dirs_;
  std::map<std::filesystem::path, std::unique_ptr<StateDb>> states_;
  bool use_default_dir_ = true;
};

}  // namespace sluice::host

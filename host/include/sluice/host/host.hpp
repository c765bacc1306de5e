// The embedding API: what a program linking sluice::host uses to run
// pipelines in-process (see docs/embedding.md).
//
//   sluice::host::Host host;
//   host.register_plugin(my_descriptor());      // in-process stage
//   host.add_plugin_dir("build/plugins");       // and/or .so plugins
//   auto config = host.load_config_string(toml_text);
//   auto report = host.run(config, "seeds", {.on_article = ...});
//   auto handle = host.start(config, "live");   // push/pull, see run_handle.hpp
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sluice/host/config.hpp"
#include "sluice/host/pipeline_runner.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "sluice/host/run_handle.hpp"
#include "sluice/host/state_db.hpp"

namespace sluice::host {

#ifdef SLUICE_PACKAGE_PLUGIN_DIR
namespace detail {
// A program built against the installed package (find_package(SluiceSDK
// COMPONENTS host) or pkg-config sluice) gets that prefix's plugin
// directory as its Host's default, wherever the program itself lives.
inline const bool package_plugin_dir_set = (set_package_plugin_dir(SLUICE_PACKAGE_PLUGIN_DIR), true);
}  // namespace detail
#endif

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

  // Notes the plugin files on the search path the config implies, then
  // validates it, loading the plugins it names (and only those).
  Config load_config_file(const std::filesystem::path& file);
  Config load_config_string(const std::string& text, const std::string& name = "<string>");

  // The state database the config names ([host] state), opened on first
  // use and kept open; null when the config names none. Safe to call from
  // several threads: each file is opened once, under a lock, and shared
  // (StateDb serialises its own transactions). Throws StateDbUnusable when
  // the file is damaged, not a database or not readable and writable (see
  // docs/reliability.md).
  StateDb* state(const Config& config);

  // Runs one pipeline (or, with an empty name, every pipeline in order).
  // Uses the config's state database unless options.state_db is set.
  // Several threads may run pipelines on one Host at once, after the
  // plugins are registered and the configs loaded.
  std::vector<RunReport> run(const Config& config, const std::string& pipeline = {},
                             const RunOptions& options = {});

  // Starts one pipeline in the background and returns at once. Its `push`
  // source and `pull` sink (built-in plugins) are fed and drained through
  // the handle; any other stages run as in run(). The handle's stop()
  // replaces options.stop. The Host must outlive the handle.
  RunHandle start(const Config& config, const std::string& pipeline, RunOptions options = {});

  PluginRegistry& registry() { return registry_; }
  const PluginRegistry& registry() const { return registry_; }
  // Files refused while loading plugins, each with its reason.
  std::vector<Refusal> refusals() const { return registry_.refusals(); }
  // Plugin directories given explicitly (add_plugin_dir, $SLUICE_PLUGIN_DIR,
  // [host] plugin_dirs) that do not exist, one message each.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Loads every plugin on the search path (for `sluice plugins`).
  void load_plugins(const std::vector<std::filesystem::path>& config_dirs = {});

 private:
  // The pipeline `name` names; ConfigErrors listing the others when none.
  const PipelineConfig& pipeline_named(const Config& config, const std::string& name) const;

  PluginRegistry registry_;
  std::vector<std::filesystem::path> extra_dirs_;
  std::vector<std::string> warnings_;
  std::mutex states_mu_;                           // guards states_: runs on several threads open state
  std::vector<std::filesystem::path> noted_dirs_;  // canonical, so a directory is noted once
  // The search path's directories, not yet noted, into the registry.
  void note_plugin_dirs(const std::vector<std::filesystem::path>& config_dirs);
  std::map<std::filesystem::path, std::unique_ptr<StateDb>> states_;
  bool use_default_dir_ = true;
};

}  // namespace sluice::host

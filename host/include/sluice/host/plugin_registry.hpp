// Plugin discovery, the descriptor gate, and the registry of usable plugins.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/stage.hpp"

namespace boost::dll {
class shared_library;
}

namespace sluice::host {

const char* kind_name(std::uint32_t kind);  // "source", "parser", ...

class FileDigest;  // the lazily computed SHA-256 of a plugin file

// One plugin that passed the gate: from a .so file or registered in-process.
struct PluginInfo {
  const sluice_plugin_descriptor* descriptor = nullptr;
  std::filesystem::path path;  // empty for in-process plugins
  // Hashed on first use (a config pins the plugin, `sluice plugins
  // --verbose`), not at load: hashing every plugin cost more than loading it.
  std::shared_ptr<FileDigest> digest;
  // Keeps the library mapped; every stage created from it holds a copy.
  std::shared_ptr<boost::dll::shared_library> library;

  std::string name() const { return descriptor->name; }
  std::string version() const { return descriptor->version; }
  std::uint32_t kind() const { return descriptor->kind; }
  bool thread_safe() const { return (descriptor->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE) != 0; }
  bool writes_stdout() const { return (descriptor->flags & SLUICE_PLUGIN_FLAG_STDOUT) != 0; }
  bool searchable() const { return (descriptor->flags & SLUICE_PLUGIN_FLAG_SEARCHABLE) != 0; }
  // The SDK the plugin was built against, "1.1". A plugin built against an
  // older minor than the host's loads, without what later minors added.
  std::string sdk_version() const;
  // A source whose code has Source::interrupt() (SDK 1.2 or later): the
  // host must not call it on an older plugin, whose table has no such slot.
  bool can_interrupt() const;
  // What this host's SDK offers that the plugin predates, one entry each,
  // e.g. "Source::interrupt() (SDK 1.2): a stop waits for next() to return".
  std::vector<std::string> lacks() const;
  // SHA-256 of the .so file in lowercase hex; empty for in-process plugins.
  // If the file was changed after it was loaded, a text saying so instead,
  // which no pin matches.
  std::string sha256() const;
};

// A file the loader looked at and refused, with the exact reason.
struct Refusal {
  std::filesystem::path path;
  std::string reason;
  std::string message() const;  // "refused plugin PATH: REASON"
};

// Checks a descriptor against this host's ABI and toolchain. Returns the
// reason for refusal, or nothing when the plugin may be used.
std::optional<std::string> check_descriptor(const sluice_plugin_descriptor* d);

// A stage instance that keeps its plugin library loaded while it lives.
template <class Interface>
using StagePtr = std::shared_ptr<Interface>;

class PluginRegistry {
 public:
  PluginRegistry();
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  // Registers a plugin compiled into this program (no .so). The descriptor
  // passes the same gate as a loaded one. Throws on refusal.
  void register_builtin(const sluice_plugin_descriptor* d);

  // Loads one .so through the gate. Returns the refusal instead of throwing.
  std::optional<Refusal> load_file(const std::filesystem::path& file);

  // Loads every *.so in each directory, in order. A name already present
  // (from an earlier directory) is kept and the later file skipped.
  std::vector<Refusal> load_directories(const std::vector<std::filesystem::path>& dirs);

  // Every directory load_directories() was given, in order, found or not.
  const std::vector<std::filesystem::path>& searched() const { return searched_; }

  // Notes every *.so in each directory, in order, and loads none: find()
  // loads a noted file the first time a config asks for its plugin, so a
  // run maps only the plugins it uses (each costs memory and start-up time
  // for its libraries). A plugin's file is found by name: `<name>.so`, the
  // first in search order that passes the gate. Only when no file has that
  // name are the remaining noted files loaded to look for it, so a file
  // named unlike its plugin still works. names() and all() load every noted
  // file: a listing is complete.
  void note_directories(const std::vector<std::filesystem::path>& dirs);

  // Looks a plugin up, loading its noted file on first use.
  const PluginInfo* find(std::string_view name) const;
  std::vector<const PluginInfo*> all() const;  // sorted by kind, then name
  std::vector<std::string> names() const;

  // Every refusal so far: of load_directories(), and of noted files loaded.
  std::vector<Refusal> refusals() const;

  // Creates a stage. Construction failures are rethrown as std::runtime_error
  // naming the stage and plugin.
  std::shared_ptr<sdk::Stage> create(const PluginInfo& plugin, const sdk::StageInit& init) const;

 private:
  // Loading a noted file fills a cache and is invisible to callers, so the
  // const look-ups above may do it; everything below is guarded by mu_.
  const PluginInfo* find_locked(std::string_view name);
  void load_noted(const std::filesystem::path& file);
  void load_all_noted();

  std::map<std::string, PluginInfo, std::less<>> plugins_;
  std::vector<std::filesystem::path> searched_;
  std::vector<std::filesystem::path> noted_;  // noted and not loaded yet, in search order
  std::vector<Refusal> refusals_;
  mutable std::recursive_mutex mu_;
};

// The directories searched, in order: explicit --plugin-dir values, the
// colon-separated SLUICE_PLUGIN_DIR variable, [host] plugin_dirs, then the
// build-tree or installed default next to the running executable.
std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::filesystem::path>& cli_dirs,
                                                      const std::vector<std::filesystem::path>& config_dirs,
                                                      bool with_default = true);

// The default plugin directory for this executable: <exe>/../plugins in a
// build tree, <prefix>/lib/sluice/plugins when installed; for a program
// outside the prefix built against the installed package, the package's
// plugin directory (see set_package_plugin_dir).
std::filesystem::path default_plugin_dir();

// Records the installed package's plugin directory. Programs built against
// the installed package call it at start-up through host.hpp (the package
// defines SLUICE_PACKAGE_PLUGIN_DIR for them).
void set_package_plugin_dir(const char* dir);

}  // namespace sluice::host

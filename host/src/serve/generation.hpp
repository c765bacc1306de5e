// One loaded configuration of `sluice serve` with everything its runs need:
// the Host whose registry holds the plugins, the validated Config and the
// state database. Runs hold it by shared_ptr, so a reload never unloads a
// plugin or closes a database under a run still in flight.
#pragma once

#include <memory>

#include "sluice/host/host.hpp"
#include "sluice/host/serve.hpp"

namespace sluice::host::serve {

struct Generation {
  std::unique_ptr<Host> host;  // first member: destroyed last, after the config that points into it
  Config config;
  std::shared_ptr<StateDb> state;  // null when the config names none and there is no default
};

// Completes a loaded config into a generation: the default state path when
// [host] names none, and the database, shared with `current` when it names
// the same file (one connection per file keeps its transactions serial).
std::shared_ptr<Generation> make_generation(std::unique_ptr<Host> host, Config config,
                                            const ServeOptions& options, const Generation* current);

// Reads and validates options.config_file on a fresh Host, as a reload does.
// Throws ConfigErrors / ConfigError for an invalid config, std::exception
// for a database that cannot be opened; logs refused plugin files.
std::shared_ptr<Generation> load_generation(const ServeOptions& options, const Generation* current);

}  // namespace sluice::host::serve

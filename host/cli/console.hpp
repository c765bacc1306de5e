// Output helpers shared by the verbs: a stderr log and the plugin refusals.
#pragma once

#include <atomic>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "cli_args.hpp"
#include "sluice/host/host.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::cli {

class ConsoleLog : public sdk::Log {
 public:
  void info(std::string_view m) override { std::cerr << "sluice: " << m << "\n"; }
  void warn(std::string_view m) override { std::cerr << "sluice: warning: " << m << "\n"; }
};

// Every refused plugin file, one line each, so a foreign .so is visible but
// never stops the plugins that did load.
inline void print_refusals(const host::Host& h) {
  for (const auto& w : h.warnings()) std::cerr << "sluice: warning: " << w << "\n";
  for (const auto& r : h.refusals()) std::cerr << "sluice: warning: " << r.message() << "\n";
}

// Where the CLI keeps state when the config's [host] names none.
inline constexpr const char* kDefaultStatePath = "var/sluice.db";

// Loads the config (plugins first) and reports errors the way every verb
// does: each "file:line:col: error: ..." on its own line. Returns false on error.
// The CLI also fills in the default state path.
bool load_config_or_report(host::Host& h, const std::string& file, host::Config& out);

// host::check_stages() (parsers and enrichers built once, e.g. scripts
// compiled), its errors reported the same way. Returns false on error.
bool check_stages_or_report(const host::Host& h, const std::string& file, const host::Config& config);

// The state database for the verbs that only read or edit state (dlq,
// history): --state FILE, else the [host] state of --config FILE, else the
// default path. Throws std::runtime_error when the file does not exist.
std::unique_ptr<host::StateDb> open_state(const std::string& state_option, const std::string& config_option);
// The path open_state() would open, without opening it.
std::filesystem::path state_path(const std::string& state_option, const std::string& config_option);

// Prints why the state database cannot be used and the three ways on:
// restore it, look at it with `sluice state check`, or start fresh with
// --reset-state. Every verb that opens the state uses it (exit status 2).
void report_unusable_state(const std::string& verb, const host::StateDbUnusable& e);

// `--reset-state` for run and serve: moves the state database named by
// `config` aside (see host::move_state_aside) and says where to.
OptionSpec reset_state_option();
void reset_state(const host::Config& config);

// Formats epoch milliseconds as local "YYYY-MM-DD HH:MM:SS".
std::string format_time(std::int64_t ms);

// Installs SIGINT/SIGTERM handlers that raise the returned flag: a run then
// finishes what is in flight, commits its checkpoints and returns.
const std::atomic<bool>* install_stop_signals();

}  // namespace sluice::cli

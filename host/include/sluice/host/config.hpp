// Loading and validating a sluice TOML config against the plugins' declared
// options. Every error carries file:line:col.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sluice/host/errors.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "sluice/host/schedule.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::host {

struct SourcePosition {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string str() const;  // "file:line:col" (or "file" when unknown)
};

// A configuration error, printed as "file:line:col: error: message".
class ConfigError : public sluice::Error {
 public:
  ConfigError(SourcePosition where, std::string message);
  const SourcePosition& where() const { return where_; }
  const std::string& detail() const { return detail_; }

 private:
  SourcePosition where_;
  std::string detail_;
};

// Several problems found in one pass; what() lists them one per line.
class ConfigErrors : public sluice::Error {
 public:
  explicit ConfigErrors(std::vector<ConfigError> errors);
  const std::vector<ConfigError>& errors() const { return errors_; }

 private:
  std::vector<ConfigError> errors_;
};

// How the host treats one stage's failures: keys every stage accepts
// besides its plugin's options.
struct StagePolicy {
  std::int64_t timeout_ms = 0;          // call_timeout: a call taking longer ends the run; 0 = none
  std::int64_t retries = 10;            // sources and sinks: attempts after the first
  std::int64_t retry_backoff_ms = 200;  // first wait; doubles each attempt, with jitter
  std::int64_t retry_max_backoff_ms = 30'000;
  std::int64_t retry_deadline_ms = 120'000;  // give up retrying after this long
  bool fail_run = false;                     // on_failure = "fail" (else "dlq")
  std::string sha256;                        // pin the plugin binary; empty = any
};

struct StageConfig {
  std::string name;  // unique in the pipeline; defaults to the plugin name
  const PluginInfo* plugin = nullptr;
  sdk::Options options;            // validated, defaults applied
  std::vector<std::string> match;  // parsers only: globs on the document key/URI or MIME types
  StagePolicy policy;
  SourcePosition position;
};

struct PipelineConfig {
  std::string name;
  Schedule schedule;     // when `sluice serve` runs it (schedule, timezone, jitter, overlap, catch_up)
  unsigned workers = 0;  // 0 = one per core
  std::size_t queue_capacity = 256;  // documents between stages
  std::size_t batch_size = 256;      // articles per sink write
  // How long a partial batch may wait for more articles before it is
  // written: one durable write per batch, not per article, when the sinks
  // are faster than the workers.
  std::int64_t batch_timeout_ms = 100;
  std::vector<StageConfig> sources, parsers, enrichers, sinks;
  SourcePosition position;
};

struct HostSettings {
  std::vector<std::filesystem::path> plugin_dirs;
  std::filesystem::path state;  // state database; empty = none
  // `sluice serve`'s /metrics and /healthz endpoint; port 0 = none.
  std::string metrics_address = "127.0.0.1";
  std::uint16_t metrics_port = 9464;
  // Bounds on the dead-letter store, enforced after every run (`run` and
  // `serve`) with a log line saying what was removed: entries last seen
  // longer ago than the age, then the least recently seen beyond the cap.
  // The cap is on by default (a failing source under `serve` must not grow
  // the file without end); the age limit is the operator's choice.
  std::int64_t dead_letter_max_age_ms = 0;         // 0 = no age limit
  std::int64_t dead_letter_max_entries = 100'000;  // 0 = no cap
};

struct Config {
  std::string file;                // path as given, used in messages
  std::filesystem::path base_dir;  // relative paths in options resolve here
  HostSettings host;
  std::vector<PipelineConfig> pipelines;

  const PipelineConfig* pipeline(std::string_view name) const;
};

// Keys the host reads in every stage table (plugin, name, match, retries,
// call_timeout ...); a plugin may not declare an option with such a name.
bool is_host_stage_key(std::string_view name);

// Checks a descriptor's default or example literal the way user input is
// checked. Returns the problem, or nothing when the literal fits its type.
// `role` ("default", "example") names the literal in the message.
std::optional<std::string> check_option_literal(const sluice_option_desc& option, const char* literal,
                                                const char* role);

// Reads only the [host] table (plugin directories must be known before the
// pipelines can be validated). Throws ConfigErrors on TOML syntax errors.
HostSettings read_host_settings(const std::string& text, const std::string& file);

// Parses and validates the whole config. Throws ConfigErrors listing every
// problem found (unknown keys with suggestions, wrong types, missing
// required options, unknown plugins, unset environment variables).
Config load_config(const std::string& text, const std::string& file, const PluginRegistry& registry);
Config load_config_file(const std::filesystem::path& file, const PluginRegistry& registry);
std::string read_text_file(const std::filesystem::path& file);

}  // namespace sluice::host

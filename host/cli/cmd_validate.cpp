// `sluice validate CONFIG`: every check `run` makes before it starts, and nothing else.
#include <iostream>
#include <regex>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "output_format.hpp"
#include "sluice/host/stage_check.hpp"
#include "sluice/sdk/json.hpp"

namespace sluice::cli {
namespace {

std::size_t stage_count(const host::Config& config) {
  std::size_t stages = 0;
  for (const auto& p : config.pipelines)
    stages += p.sources.size() + p.parsers.size() + p.enrichers.size() + p.sinks.size();
  return stages;
}

// The "did you mean" of a message, for editors that offer the fix.
std::string suggestion_of(const std::string& message) {
  static const std::regex did_you_mean("did you mean '([^']*)'");
  std::smatch m;
  return std::regex_search(message, m, did_you_mean) ? m[1].str() : std::string();
}

void append_error(std::string& out, const host::ConfigError& e) {
  sdk::json::ObjectWriter o(out);
  o.field("file", e.where().file);
  o.field("line", static_cast<std::int64_t>(e.where().line));
  o.field("column", static_cast<std::int64_t>(e.where().column));
  o.field("message", e.detail());
  o.field("suggestion", suggestion_of(e.detail()));
}

// One JSON document whatever happened: {"file", "valid", "pipelines",
// "stages", "errors": [{file, line, column, message, suggestion}]}.
int validate_json(host::Host& h, const std::string& file) {
  std::vector<host::ConfigError> errors;
  host::Config config;
  try {
    config = h.load_config_file(file);
    host::check_stages(config, h.registry());
  } catch (const host::ConfigErrors& e) {
    errors = e.errors();
  } catch (const host::ConfigError& e) {
    errors.push_back(e);
  }
  std::string out;
  {
    sdk::json::ObjectWriter o(out);
    o.field("file", file);
    o.field("valid", errors.empty());
    o.field("pipelines", static_cast<std::int64_t>(errors.empty() ? config.pipelines.size() : 0));
    o.field("stages", static_cast<std::int64_t>(errors.empty() ? stage_count(config) : 0));
    sdk::json::append_array(o.key("errors"), errors, append_error);
  }
  std::cout << out << "\n";
  return errors.empty() ? kExitOk : kExitUsage;
}

}  // namespace

VerbSpec validate_spec() {
  return {"sluice validate CONFIG [--plugin-dir DIR]... [--format text|json]",
          "Checks CONFIG against every plugin's declared options: unknown keys (with\n"
          "suggestions), wrong types, missing required options, unknown plugins and unset\n"
          "environment variables, each reported as file:line:col; then builds each parser and\n"
          "enricher stage once (a Lua script that does not compile is an error here).\n"
          "Exit status 0 when valid, 2 otherwise. --format json prints one object with every\n"
          "error's file, line, column, message and suggestion.",
          {plugin_dir_option(), format_option()},
          1,
          1,
          {},
          Complete::Files,
          {}};
}

int cmd_validate(int argc, char** argv) {
  const VerbSpec spec = validate_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  const auto format = output_format(args);
  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  if (format == OutputFormat::Json) return validate_json(h, args.positionals[0]);
  host::Config config;
  if (!load_config_or_report(h, args.positionals[0], config)) return kExitUsage;
  if (!check_stages_or_report(h, args.positionals[0], config)) return kExitUsage;
  const auto stages = stage_count(config);
  std::cout << config.file << ": ok (" << config.pipelines.size() << " pipeline"
            << (config.pipelines.size() == 1 ? "" : "s") << ", " << stages << " stages)\n";
  return kExitOk;
}

}  // namespace sluice::cli

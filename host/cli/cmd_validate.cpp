// `sluice validate CONFIG`: every check `run` makes before it starts, and nothing else.
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"

namespace sluice::cli {

int cmd_validate(int argc, char** argv) {
  const VerbSpec spec{"sluice validate CONFIG [--plugin-dir DIR]...",
                      "Checks CONFIG against every plugin's declared options: unknown keys (with\n"
                      "suggestions), wrong types, missing required options, unknown plugins and unset\n"
                      "environment variables, each reported as file:line:col; then builds each parser and\n"
                      "enricher stage once (a Lua script that does not compile is an error here).\n"
                      "Exit status 0 when valid, 2 otherwise.",
                      {plugin_dir_option()},
                      1,
                      1};
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  host::Config config;
  if (!load_config_or_report(h, args.positionals[0], config)) return kExitUsage;
  if (!check_stages_or_report(h, args.positionals[0], config)) return kExitUsage;
  std::size_t stages = 0;
  for (const auto& p : config.pipelines)
    stages += p.sources.size() + p.parsers.size() + p.enrichers.size() + p.sinks.size();
  std::cout << config.file << ": ok (" << config.pipelines.size() << " pipeline"
            << (config.pipelines.size() == 1 ? "" : "s") << ", " << stages << " stages)\n";
  return kExitOk;
}

}  // namespace sluice::cli

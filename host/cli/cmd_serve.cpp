// `sluice serve CONFIG`: every pipeline on its schedule until SIGTERM or
// SIGINT; SIGHUP reloads CONFIG. The loop itself is sluice::host::Server.
#include <cstdlib>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/serve.hpp"
#include "structured_log.hpp"

namespace sluice::cli {
namespace {}  // namespace

VerbSpec serve_spec() {
  return {"sluice serve CONFIG [--plugin-dir DIR]... [--log-level info|warn] [--log-format text|json]",
          "Runs every pipeline in CONFIG on its schedule (\"once\" runs once at start) until\n"
          "SIGTERM or SIGINT, which let the runs in flight finish and commit (a second one exits\n"
          "at once). SIGHUP reloads CONFIG: an invalid one is logged and the running one stays.\n"
          "Serves /metrics and /healthz on [host] metrics_address:metrics_port (default\n"
          "127.0.0.1:9464; 0 turns it off). Exit status: 0 after a clean stop, 1 when runs\n"
          "could not finish, 2 for usage or config errors. Every log line has a UTC timestamp\n"
          "and a level; a pipeline that finds nothing new is summarised once a minute.\n"
          "See docs/scheduling.md.",
          {plugin_dir_option(), reset_state_option(), log_options()[0], log_options()[1]},
          1,
          1,
          {},
          Complete::Files,
          {}};
}

int cmd_serve(int argc, char** argv) {
  const auto spec = serve_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  // Outlives run threads abandoned by an unclean stop.
  static StructuredLog log = make_log(args);
  // Before any thread exists, so every thread inherits the mask and only the
  // signal thread ever sees these signals.
  host::ServeSignals::block();

  const auto dirs = args.all("--plugin-dir");
  auto make_host = [dirs] {
    auto h = std::make_unique<host::Host>();
    for (const auto& d : dirs) h->add_plugin_dir(d);
    return h;
  };
  auto h = make_host();
  host::Config config;
  if (!load_config_or_report(*h, args.positionals[0], config)) return kExitUsage;
  if (args.has("--reset-state")) reset_state(config);

  host::Server server({.config_file = args.positionals[0],
                       .make_host = make_host,
                       .default_state = kDefaultStatePath,
                       .log = &log});
  try {
    server.start(std::move(h), std::move(config));
  } catch (const host::StateDbUnusable& e) {
    report_unusable_state("serve", e);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "sluice serve: " << e.what() << "\n";
    return kExitFailed;
  }
  host::ServeResult result;
  {
    host::ServeSignals signals(server, [] {
      log.warn("second stop signal: exiting without waiting for the runs in flight");
      std::_Exit(kExitFailed);
    });
    result = server.run();
  }
  // Threads may still be inside plugin code: leave without destructors.
  if (!result.clean) std::_Exit(kExitFailed);
  return kExitOk;
}

}  // namespace sluice::cli

// `sluice`: the command-line host. Each verb lives in its own cmd_*.cpp.
#include <cstring>
#include <iostream>
#include <string>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"

namespace {

const char* kUsage = R"(usage: sluice <verb> [options]

verbs:
  run CONFIG        run the pipelines in CONFIG once (--pipeline NAME for one)
  serve CONFIG      run every pipeline on its schedule; /metrics, SIGHUP reloads
  validate CONFIG   check CONFIG against the plugins' declared options
  plugins           list plugins; `plugins describe NAME`, `plugins sample NAME`,
                    `plugins check PATH.so` (the conformance kit)
  new-plugin KIND NAME
                    create a plugin project that builds against the installed SDK
  dlq               the dead-letter store: list, show ID, replay, purge
  history           recent runs with counts, durations and outcome
  state check       check the state database's integrity and summarise what it holds

`sluice <verb> --help` describes each verb's options.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace sluice::cli;
  if (argc < 2 || std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0) {
    std::cout << kUsage;
    return argc < 2 ? kExitUsage : kExitOk;
  }
  const std::string verb = argv[1];
  try {
    if (verb == "run") return cmd_run(argc, argv);
    if (verb == "serve") return cmd_serve(argc, argv);
    if (verb == "validate") return cmd_validate(argc, argv);
    if (verb == "plugins") return cmd_plugins(argc, argv);
    if (verb == "new-plugin") return cmd_new_plugin(argc, argv);
    if (verb == "dlq") return cmd_dlq(argc, argv);
    if (verb == "history") return cmd_history(argc, argv);
    if (verb == "state") return cmd_state(argc, argv);
  } catch (const sluice::host::StateDbUnusable& e) {
    report_unusable_state(verb, e);
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "sluice " << verb << ": " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "sluice " << verb << ": " << e.what() << "\n";
    return kExitFailed;
  }
  std::cerr << "sluice: unknown verb '" << verb << "'\n" << kUsage;
  return kExitUsage;
}

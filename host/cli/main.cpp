// `sluice`: the command-line host. Each verb lives in its own cmd_*.cpp; the
// table below is the one list of verbs that usage, suggestions and `version`
// read.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/options_schema.hpp"

namespace {

using namespace sluice::cli;

struct Verb {
  const char* name;
  int (*run)(int, char**);
  const char* synopsis;  // the usage line's left column
  const char* summary;
};

const std::vector<Verb>& verbs() {
  static const std::vector<Verb> table = {
      {"run", cmd_run, "run CONFIG", "run the pipelines in CONFIG once (--pipeline NAME for one)"},
      {"serve", cmd_serve, "serve CONFIG", "run every pipeline on its schedule; /metrics, SIGHUP reloads"},
      {"validate", cmd_validate, "validate CONFIG", "check CONFIG against the plugins' declared options"},
      {"plugins", cmd_plugins, "plugins",
       "list plugins; `plugins describe NAME`, `plugins sample NAME`,\n"
       "                    `plugins check PATH.so` (the conformance kit)"},
      {"new-plugin", cmd_new_plugin, "new-plugin KIND NAME",
       "create a plugin project that builds against the installed SDK"},
      {"search", cmd_search, "search CONFIG QUERY",
       "full-text search over what a pipeline stored (SQLite FTS5, PostgreSQL)"},
      {"dlq", cmd_dlq, "dlq", "the dead-letter store: list, show ID, replay, purge"},
      {"history", cmd_history, "history", "recent runs with counts, durations and outcome"},
      {"state", cmd_state, "state check", "check the state database's integrity and summarise what it holds"},
      {"version", cmd_version, "version", "version, SDK ABI, build type, git revision and compiler"},
  };
  return table;
}

std::string usage() {
  std::string out = "usage: sluice <verb> [options]\n\nverbs:\n";
  for (const auto& v : verbs()) {
    std::string left = std::string("  ") + v.synopsis;
    if (left.size() >= 20)
      left += "\n" + std::string(20, ' ');
    else
      left += std::string(20 - left.size(), ' ');
    out += left + v.summary + "\n";
  }
  out += "\n`sluice <verb> --help` describes each verb's options; `sluice --version` the build.\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0) {
    std::cout << usage();
    return argc < 2 ? kExitUsage : kExitOk;
  }
  if (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)
    return cmd_version(argc, argv);
  const std::string verb = argv[1];
  for (const auto& v : verbs()) {
    if (verb != v.name) continue;
    try {
      return v.run(argc, argv);
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
  }
  std::vector<std::string> names;
  for (const auto& v : verbs()) names.emplace_back(v.name);
  std::cerr << "sluice: unknown verb '" << verb << "'";
  if (const auto near = sluice::host::closest_match(verb, names); !near.empty())
    std::cerr << "; did you mean '" << near << "'?";
  std::cerr << "\n\n" << usage();
  return kExitUsage;
}

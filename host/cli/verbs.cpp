#include "verbs.hpp"

#include "commands.hpp"

namespace sluice::cli {

const std::vector<Verb>& verbs() {
  static const std::vector<Verb> table = {
      {"run", cmd_run, run_spec, "run CONFIG", "run the pipelines in CONFIG once (--pipeline NAME for one)"},
      {"serve", cmd_serve, serve_spec, "serve CONFIG",
       "run every pipeline on its schedule; /metrics, SIGHUP reloads"},
      {"validate", cmd_validate, validate_spec, "validate CONFIG",
       "check CONFIG against the plugins' declared options"},
      {"init", cmd_init, init_spec, "init [DIR]", "write a starter config from the plugins' samples"},
      {"plugins", cmd_plugins, plugins_spec, "plugins",
       "list plugins; `plugins describe NAME`, `plugins sample NAME`,\n"
       "                    `plugins check PATH.so` (the conformance kit)"},
      {"new-plugin", cmd_new_plugin, new_plugin_spec, "new-plugin KIND NAME",
       "create a plugin project that builds against the installed SDK"},
      {"search", cmd_search, search_spec, "search CONFIG QUERY",
       "full-text search over what a pipeline stored (SQLite FTS5, PostgreSQL)"},
      {"dlq", cmd_dlq, dlq_spec, "dlq", "the dead-letter store: list, show ID, replay, purge"},
      {"history", cmd_history, history_spec, "history", "recent runs with counts, durations and outcome"},
      {"state", cmd_state, state_spec, "state check",
       "check the state database's integrity and summarise what it holds"},
      {"completion", cmd_completion, completion_spec, "completion SHELL",
       "print the completion script for bash, zsh or fish"},
      {"man", cmd_man, man_spec, "man", "print this manual as a man page (troff); installed as sluice(1)"},
      {"version", cmd_version, version_spec, "version",
       "version, SDK ABI, build type, git revision and compiler"},
      {"__complete", cmd_complete, nullptr, "__complete WORDS...", "what the completion scripts ask", true},
  };
  return table;
}

const Verb* find_verb(std::string_view name) {
  for (const auto& v : verbs())
    if (name == v.name) return &v;
  return nullptr;
}

std::vector<std::string> verb_names() {
  std::vector<std::string> names;
  for (const auto& v : verbs())
    if (!v.hidden) names.emplace_back(v.name);
  return names;
}

std::string usage() {
  std::string out = "usage: sluice <verb> [options]\n\nverbs:\n";
  for (const auto& v : verbs()) {
    if (v.hidden) continue;
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

}  // namespace sluice::cli

// `sluice state check`: is the state database intact, and what does it hold.
#include <filesystem>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/state_check.hpp"

namespace sluice::cli {
namespace {

void print_summary(const host::StateCheck& c) {
  const auto known = [](std::int64_t n) { return n < 0 ? std::string("?") : std::to_string(n); };
  std::cout << "schema:        " << known(c.schema) << "\n"
            << "sink tokens:   " << known(c.sink_tokens)
            << " (committed positions of sinks that cannot upsert)\n"
            << "other keys:    " << known(c.stage_keys)
            << " (source checkpoints, stage state, schedule slots)\n";
  std::int64_t dead = 0;
  for (const auto& [where, n] : c.dead_letters) dead += n;
  std::cout << "dead letters:  " << dead << "\n";
  for (const auto& [where, n] : c.dead_letters) std::cout << "  " << where << ": " << n << "\n";
  std::cout << "runs recorded: " << known(c.runs) << "\n";
  for (const auto& r : c.last_runs)
    std::cout << "  last of " << r.pipeline << ": #" << r.id << " " << r.status << " at "
              << format_time(r.started_ms) << ", " << r.articles << " articles delivered, " << r.failed
              << " failed\n";
  for (const auto& u : c.unreadable) std::cout << "unreadable:    " << u << "\n";
}

}  // namespace

VerbSpec state_spec() {
  return {"sluice state check [--config FILE] [--state FILE]",
          "Checks the state database (SQLite's full integrity check, read-only: nothing is changed)\n"
          "and summarises what it holds: sink commit tokens, source checkpoints and other stage state,\n"
          "dead letters per pipeline and stage, and the last run of each pipeline. Exit status: 0 when\n"
          "the file is intact, 1 when it is damaged, 2 for usage errors or a missing file.",
          {{"--config", "FILE", "the pipeline config (its [host] state names the database)"},
           {"--state", "FILE", "the state database (default: the config's, else var/sluice.db)"}},
          1,
          1,
          {"check"},
          Complete::Nothing,
          {}};
}

int cmd_state(int argc, char** argv) {
  const VerbSpec spec = state_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  if (args.positionals[0] != "check")
    throw UsageError("unknown action '" + args.positionals[0] + "'; usage: " + spec.usage);
  const auto file = state_path(args.get("--state"), args.get("--config"));
  if (!std::filesystem::exists(file)) throw UsageError("no state database at " + file.string());

  const auto check = host::check_state_file(file);
  std::cout << "state database " << file.string() << " (" << check.bytes << " bytes)\n";
  if (check.intact) {
    std::cout << "integrity:     ok\n";
  } else {
    std::cout << "integrity:     DAMAGED\n";
    for (const auto& p : check.problems) std::cout << "  " << p << "\n";
  }
  print_summary(check);
  if (check.intact) return kExitOk;
  std::cout << "What can be read is shown above. Restore the file from a backup, or start from empty\n"
               "state with `sluice run CONFIG --reset-state` (the file is moved aside, not deleted).\n";
  return kExitFailed;
}

}  // namespace sluice::cli

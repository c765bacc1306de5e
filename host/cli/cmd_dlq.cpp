// `sluice dlq list|show|replay|purge`: the dead-letter store.
#include <iomanip>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/dead_letters.hpp"

namespace sluice::cli {
namespace {

std::string clip(std::string s, std::size_t n) {
  for (auto& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s.size() > n ? s.substr(0, n - 3) + "..." : s;
}

int list(host::StateDb& db, const host::DeadLetterFilter& f) {
  const auto entries = db.dead_letters(f);
  std::cout << std::left << std::setw(7) << "ID" << std::setw(14) << "PIPELINE" << std::setw(16) << "STAGE"
            << std::setw(5) << "TRY" << std::setw(21) << "TIME" << std::setw(28) << "ITEM"
            << "ERROR\n";
  for (const auto& d : entries) {
    std::cout << std::setw(7) << d.id << std::setw(14) << clip(d.pipeline, 13) << std::setw(16)
              << clip(d.stage, 15) << std::setw(5) << d.attempts << std::setw(21) << format_time(d.time_ms)
              << std::setw(28) << clip(d.item, 27) << clip(d.error, 100) << "\n";
  }
  std::cout << entries.size() << " dead letter" << (entries.size() == 1 ? "" : "s") << "\n";
  return kExitOk;
}

int show(host::StateDb& db, const std::string& id_text) {
  std::int64_t id = 0;
  try {
    id = std::stoll(id_text);
  } catch (const std::exception&) {
    throw UsageError("ID must be a number, got '" + id_text + "'");
  }
  const auto d = db.dead_letter(id);
  if (!d) {
    std::cerr << "sluice dlq: no dead letter #" << id << "\n";
    return kExitFailed;
  }
  std::cout << "id:        " << d->id << "\npipeline:  " << d->pipeline << "\nstage:     " << d->stage
            << "\nplugin:    " << d->plugin << " " << d->plugin_version
            << "\ntime:      " << format_time(d->time_ms) << "\nattempts:  " << d->attempts
            << "\nitem:      " << d->item << "\nerror:     " << d->error << "\ninput:     " << d->input_kind
            << ", " << d->input.size() << " bytes\n"
            << d->input << "\n";
  return kExitOk;
}

int replay(host::Host& h, host::StateDb& db, const std::string& config_file,
           const host::DeadLetterFilter& f) {
  host::Config config;
  if (!load_config_or_report(h, config_file, config)) return kExitUsage;
  ConsoleLog log;
  host::RunOptions options;
  options.log = &log;
  options.stop = install_stop_signals();
  const auto outcome = host::replay_dead_letters(config, h.registry(), db, f, options);
  for (const auto& r : outcome.reports) std::cout << host::format_report(r);
  for (const auto& s : outcome.skipped) std::cout << "skipped " << s << "\n";
  const auto replayed = outcome.selected - outcome.skipped.size();
  // Entries a stopped or failed replay did not get to stay as they were.
  const auto untouched = replayed - std::min(replayed, outcome.succeeded + outcome.failed_again);
  std::cout << "replayed " << replayed << " of " << outcome.selected << ": " << outcome.succeeded
            << " delivered and removed, " << outcome.failed_again << " failed again (kept with attempts + 1)";
  if (untouched > 0)
    std::cout << ", " << untouched << " not replayed (the run stopped or failed; kept as they were)";
  std::cout << "\n";
  bool fatal = false;
  for (const auto& r : outcome.reports) fatal = fatal || !r.fatal_error.empty();
  return fatal || outcome.failed_again > 0 || untouched > 0 ? kExitFailed : kExitOk;
}

}  // namespace

int cmd_dlq(int argc, char** argv) {
  const VerbSpec spec{
      "sluice dlq list|show ID|replay|purge [--config FILE] [--state FILE] [--pipeline P] [--stage S]",
      "The dead-letter store: every document or article that failed a stage, with the stage, plugin,\n"
      "error, time and the input needed to retry it.\n"
      "  list     one line per entry\n"
      "  show ID  one entry in full, with its stored input\n"
      "  replay   run the entries through the current config (--config required); those that\n"
      "           succeed leave the store, those that fail again stay with attempts + 1\n"
      "  purge    delete the entries (all, or those matching --pipeline/--stage)",
      {{"--config", "FILE", "the pipeline config (its [host] state names the database)"},
       {"--state", "FILE", "the state database (default: the config's, else var/sluice.db)"},
       {"--pipeline", "NAME", "only entries of this pipeline"},
       {"--stage", "NAME", "only entries of this stage"},
       plugin_dir_option()},
      1,
      2};
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  const std::string action = args.positionals[0];
  const host::DeadLetterFilter filter{args.get("--pipeline"), args.get("--stage")};
  if (action != "list" && action != "show" && action != "replay" && action != "purge")
    throw UsageError("unknown action '" + action + "'; usage: " + spec.usage);
  if ((action == "show") != (args.positionals.size() == 2))
    throw UsageError(action == "show" ? "show needs an ID"
                                      : "unexpected argument '" + args.positionals[1] + "'");
  if (action == "replay" && !args.has("--config")) throw UsageError("replay needs --config FILE");

  auto db = open_state(args.get("--state"), args.get("--config"));
  if (action == "list") return list(*db, filter);
  if (action == "show") return show(*db, args.positionals[1]);
  if (action == "purge") {
    const auto n = db->purge_dead_letters(filter);
    std::cout << "purged " << n << " dead letter" << (n == 1 ? "" : "s") << "\n";
    return kExitOk;
  }
  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  return replay(h, *db, args.get("--config"), filter);
}

}  // namespace sluice::cli

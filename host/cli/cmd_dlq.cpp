// `sluice dlq list|show|replay|purge`: the dead-letter store.
#include <unistd.h>

#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "output_format.hpp"
#include "sluice/host/dead_letters.hpp"
#include "sluice/sdk/json.hpp"

namespace sluice::cli {
namespace {

std::string clip(std::string s, std::size_t n) {
  for (auto& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s.size() > n ? s.substr(0, n - 3) + "..." : s;
}

// One entry as JSON; `with_input` adds the stored input (show), which list
// leaves out because inputs can be whole documents (serialised, bytes in base64).
void write_json(std::string& out, const host::DeadLetter& d, bool with_input) {
  sdk::json::ObjectWriter o(out);
  o.field("id", d.id);
  o.field("pipeline", d.pipeline);
  o.field("stage", d.stage);
  o.field("plugin", d.plugin);
  o.field("plugin_version", d.plugin_version);
  o.field("count", static_cast<std::int64_t>(d.attempts));
  o.field("first_seen_ms", d.first_ms);
  o.field("last_seen_ms", d.time_ms);
  o.field("item", d.item);
  o.field("error", d.error);
  o.field("input_kind", d.input_kind);
  if (!with_input) return;  // the listing query does not load inputs
  o.field("input_bytes", static_cast<std::int64_t>(d.input.size()));
  o.field("input", d.input);
}

int list(host::StateDb& db, const host::DeadLetterFilter& f, OutputFormat format) {
  const auto entries = db.dead_letters(f);
  if (format == OutputFormat::Json) {
    std::string out;
    sdk::json::append_array(out, entries, [](std::string& s, const auto& d) { write_json(s, d, false); });
    std::cout << out << "\n";
    return kExitOk;
  }
  std::cout << std::left << std::setw(7) << "ID" << std::setw(14) << "PIPELINE" << std::setw(16) << "STAGE"
            << std::setw(7) << "COUNT" << std::setw(21) << "FIRST SEEN" << std::setw(21) << "LAST SEEN"
            << std::setw(28) << "ITEM"
            << "ERROR\n";
  for (const auto& d : entries) {
    std::cout << std::setw(7) << d.id << std::setw(14) << clip(d.pipeline, 13) << std::setw(16)
              << clip(d.stage, 15) << std::setw(7) << d.attempts << std::setw(21) << format_time(d.first_ms)
              << std::setw(21) << format_time(d.time_ms) << std::setw(28) << clip(d.item, 27)
              << clip(d.error, 100) << "\n";
  }
  std::cout << entries.size() << " dead letter" << (entries.size() == 1 ? "" : "s") << "\n";
  return kExitOk;
}

int show(host::StateDb& db, const std::string& id_text, OutputFormat format) {
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
  if (format == OutputFormat::Json) {
    std::string out;
    write_json(out, *d, true);
    std::cout << out << "\n";
    return kExitOk;
  }
  std::cout << "id:        " << d->id << "\npipeline:  " << d->pipeline << "\nstage:     " << d->stage
            << "\nplugin:    " << d->plugin << " " << d->plugin_version << "\ncount:     " << d->attempts
            << "\nfirst:     " << format_time(d->first_ms) << "\nlast:      " << format_time(d->time_ms)
            << "\nitem:      " << d->item << "\nerror:     " << d->error << "\ninput:     " << d->input_kind
            << ", " << d->input.size() << " bytes\n"
            << d->input << "\n";
  return kExitOk;
}

std::string joined(const std::vector<std::string>& names) {
  if (names.empty()) return "none: the store is empty";
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// A filter naming no pipeline or stage the store knows is a typo far more
// often than a question; answering "0" to it would hide that.
void check_filter(host::StateDb& db, const host::DeadLetterFilter& f) {
  if (f.pipeline.empty() && f.stage.empty()) return;
  const auto names = db.dead_letter_names();
  if (!f.pipeline.empty() &&
      std::find(names.pipelines.begin(), names.pipelines.end(), f.pipeline) == names.pipelines.end())
    throw UsageError("no dead letters of pipeline '" + f.pipeline +
                     "' (pipelines in the store: " + joined(names.pipelines) + ")");
  if (f.stage.empty()) return;
  std::vector<std::string> stages;
  for (const auto& [pipeline, stage] : names.stages)
    if (f.pipeline.empty() || pipeline == f.pipeline)
      if (std::find(stages.begin(), stages.end(), stage) == stages.end()) stages.push_back(stage);
  if (std::find(stages.begin(), stages.end(), f.stage) == stages.end())
    throw UsageError("no dead letters of stage '" + f.stage + "'" +
                     (f.pipeline.empty() ? "" : " in pipeline '" + f.pipeline + "'") +
                     " (stages in the store: " + joined(stages) + ")");
}

// Deleting the whole store is not undone by a rerun: ask first. Only a
// terminal can answer; anything else (CI, cron) must say --yes.
bool confirm_purge_all(host::StateDb& db, bool yes) {
  if (yes) return true;
  const auto n = db.dead_letters().size();
  if (isatty(STDIN_FILENO) == 0)
    throw UsageError("purge without --pipeline or --stage deletes all " + std::to_string(n) +
                     " dead letters in " + db.path().string() + "; pass --yes to do that");
  std::cerr << "Delete all " << n << " dead letters in " << db.path().string() << "? [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

int purge(host::StateDb& db, const host::DeadLetterFilter& f, bool yes) {
  if (f.pipeline.empty() && f.stage.empty() && !confirm_purge_all(db, yes)) {
    std::cout << "purged nothing\n";
    return kExitFailed;
  }
  const auto n = db.purge_dead_letters(f);
  std::cout << "purged " << n << " dead letter" << (n == 1 ? "" : "s") << "\n";
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

VerbSpec dlq_spec() {
  return {
      "sluice dlq list|show ID|replay|purge [--config FILE] [--state FILE] [--pipeline P] [--stage S] "
      "[--yes] [--format text|json]",
      "The dead-letter store: every document or article that failed a stage, with the stage, plugin,\n"
      "error and the input needed to retry it. One entry per pipeline, stage, item and kind of error:\n"
      "failing the same way again raises its count and last-seen time. Ids never change.\n"
      "  list     one line per entry, with count, first and last seen\n"
      "  show ID  one entry in full, with its stored input\n"
      "  replay   run the entries through the current config (--config required); those that\n"
      "           succeed leave the store, those that fail again stay (same id, count + 1)\n"
      "  purge    delete the entries matching --pipeline/--stage; all of them only with --yes\n"
      "A --pipeline or --stage that names nothing in the store is an error listing what is there.",
      {{"--config", "FILE", "the pipeline config (its [host] state names the database)"},
       {"--state", "FILE", "the state database (default: the config's, else var/sluice.db)"},
       {"--pipeline", "NAME", "only entries of this pipeline"},
       {"--stage", "NAME", "only entries of this stage"},
       {"--yes", "", "purge: confirm deleting every entry (needed without --pipeline/--stage)"},
       {"--format",
        "FMT",
        "list, show: text (default) or json (show includes the stored input)",
        false,
        {"text", "json"}},
       plugin_dir_option()},
      1,
      2,
      {"list", "show", "replay", "purge"},
      Complete::Nothing,
      {}};
}

int cmd_dlq(int argc, char** argv) {
  const VerbSpec spec = dlq_spec();
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
  const auto format = output_format(args);
  if (action == "show") return show(*db, args.positionals[1], format);
  if (action != "show") check_filter(*db, filter);
  if (action == "list") return list(*db, filter, format);
  if (action == "purge") return purge(*db, filter, args.has("--yes"));
  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  return replay(h, *db, args.get("--config"), filter);
}

}  // namespace sluice::cli

// `sluice run CONFIG`: one pass over every (or one) pipeline, then a summary.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "sluice/host/dead_letters.hpp"

namespace sluice::cli {
namespace {

// A single self-overwriting progress line, only when stderr is a terminal.
class ProgressLine {
 public:
  ProgressLine() : enabled_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}
  void update(const std::string& pipeline, std::uint64_t docs, std::uint64_t articles) {
    if (!enabled_) return;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\r%s: %llu documents, %llu articles (%.0f articles/s)   ", pipeline.c_str(),
                 static_cast<unsigned long long>(docs), static_cast<unsigned long long>(articles),
                 secs > 0 ? static_cast<double>(articles) / secs : 0.0);
    shown_ = true;
  }
  void clear() {
    if (shown_) std::fprintf(stderr, "\r%80s\r", "");
    shown_ = false;
  }
  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

// A pipeline whose stage writes its data to stdout (`cat x | sluice run
// cfg | jq`) leaves stdout to that stage: the summary goes to stderr.
bool stdout_taken(const host::PipelineConfig& p) {
  for (const auto* list : {&p.sources, &p.parsers, &p.enrichers, &p.sinks})
    for (const auto& s : *list)
      if (s.plugin && s.plugin->writes_stdout()) return true;
  return false;
}

// --adopt-output / --reset-output must each name a sink of a pipeline this
// run includes; a typo would otherwise be ignored and the sink refused again.
bool output_names_known(const Args& args, const host::Config& config) {
  for (const char* flag : {"--adopt-output", "--reset-output"}) {
    for (const auto& name : args.all(flag)) {
      std::string known;
      bool found = false;
      for (const auto& p : config.pipelines) {
        if (args.has("--pipeline") && p.name != args.get("--pipeline")) continue;
        for (const auto& s : p.sinks) {
          found = found || s.name == name;
          known += (known.empty() ? "" : ", ") + s.name;
        }
      }
      const auto resets = args.all("--reset-output");
      if (found && std::string(flag) == "--adopt-output" &&
          std::find(resets.begin(), resets.end(), name) != resets.end()) {
        std::cerr << "sluice run: sink " << name << " is named by both --adopt-output and --reset-output\n";
        return false;
      }
      if (found) continue;
      std::cerr << "sluice run: " << flag << " " << name << ": no sink of that name in " << config.file
                << " (sinks: " << known << ")\n";
      return false;
    }
  }
  return true;
}

}  // namespace

VerbSpec run_spec() {
  return {
      "sluice run CONFIG [--pipeline NAME] [--plugin-dir DIR]... [--adopt-output SINK]... "
      "[--reset-output SINK]... [--reset-state]",
      "Runs the pipelines in CONFIG once, from their sources to their sinks, and prints a\n"
      "summary per pipeline. Exit status: 0 when every document reached every sink, 1 when\n"
      "any document failed or a run could not finish, 2 for usage or config errors.",
      {{"--pipeline", "NAME", "run only this pipeline"},
       plugin_dir_option(),
       {"--adopt-output", "SINK",
        "count this sink's existing output as already delivered (after its state was lost)"},
       {"--reset-output", "SINK", "empty this sink's output first; it receives what the sources deliver"},
       reset_state_option(),
       {"--quiet", "", "print no progress line and no summary"}},
      1,
      1,
      {},
      Complete::Files,
      {}};
}

int cmd_run(int argc, char** argv) {
  const auto spec = run_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  host::Host h;
  for (const auto& d : args.all("--plugin-dir")) h.add_plugin_dir(d);
  host::Config config;
  if (!load_config_or_report(h, args.positionals[0], config)) return kExitUsage;
  if (args.has("--reset-state")) reset_state(config);
  if (!output_names_known(args, config)) return kExitUsage;

  ConsoleLog log;
  ProgressLine progress;
  const auto* stop = install_stop_signals();
  const bool quiet = args.has("--quiet");
  int status = kExitOk;
  for (const auto& p : config.pipelines) {
    if (args.has("--pipeline") && p.name != args.get("--pipeline")) continue;
    host::RunOptions options;
    options.log = &log;
    options.stop = stop;
    options.adopt_output = args.all("--adopt-output");
    options.reset_output = args.all("--reset-output");
    try {
      options.state_db = h.state(config);
    } catch (const host::StateDbUnusable& e) {
      report_unusable_state("run", e);
      return kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "sluice run: " << e.what() << "\n";
      return kExitFailed;
    }
    if (progress.enabled() && !quiet)
      options.on_progress = [&](const std::string& pipeline, std::uint64_t d, std::uint64_t a) {
        progress.update(pipeline, d, a);
      };
    host::RunReport report;
    try {
      report = host::run_pipeline(p, h.registry(), options);
    } catch (const host::ConfigErrors& e) {  // a stage that failed to start
      progress.clear();
      std::cerr << e.what() << "\n";
      return kExitUsage;
    }
    progress.clear();
    if (!quiet) (stdout_taken(p) ? std::cerr : std::cout) << host::format_report(report);
    if (options.state_db && options.state_db->unusable()) {
      // Found damaged mid-run (it passed the check at open): the same
      // advice as at open, and no further pipelines on it.
      report_unusable_state(
          "run", host::StateDbUnusable(options.state_db->path(), options.state_db->unusable_reason()));
      return kExitUsage;
    }
    try {
      if (options.state_db) host::enforce_dead_letter_limits(*options.state_db, config.host, &log);
    } catch (const std::exception& e) {
      log.warn(std::string("cannot bound the dead-letter store: ") + e.what());
    }
    if (report.hung) {
      // A stage thread is stuck inside plugin code: report and leave without
      // running destructors that would wait for it.
      std::cerr << "sluice: pipeline " << p.name << ": " << report.fatal_error << "\n";
      std::cout.flush();
      std::_Exit(kExitFailed);
    }
    if (!report.ok()) {
      status = kExitFailed;
      std::cerr << "sluice: pipeline " << p.name << " "
                << (report.fatal_error.empty() ? std::to_string(report.failed) + " failed item(s)"
                                               : report.fatal_error)
                << "\n";
    }
    if (report.stopped) {  // a signal asked us to stop: no further pipelines
      if (status == kExitOk) status = kExitStopped;
      break;
    }
  }
  if (args.has("--pipeline") && !config.pipeline(args.get("--pipeline"))) {
    std::cerr << "sluice run: no pipeline named '" << args.get("--pipeline") << "' in " << config.file
              << "\n";
    return kExitUsage;
  }
  return status;
}

}  // namespace sluice::cli

// `sluice history [PIPELINE]`: recent runs from the state database.
#include <cstdio>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"

namespace sluice::cli {

int cmd_history(int argc, char** argv) {
  const VerbSpec spec{"sluice history [PIPELINE] [--config FILE] [--state FILE] [--limit N]",
                      "Recent runs, newest first: start time, duration, outcome, documents read,\n"
                      "articles delivered, failures and dead letters.",
                      {{"--config", "FILE", "the pipeline config (its [host] state names the database)"},
                       {"--state", "FILE", "the state database (default: the config's, else var/sluice.db)"},
                       {"--limit", "N", "how many runs (default 20)"}},
                      0,
                      1};
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  std::size_t limit = 20;
  try {
    limit = std::stoul(args.get("--limit", "20"));
  } catch (const std::exception&) {
    throw UsageError("--limit takes a number");
  }
  auto db = open_state(args.get("--state"), args.get("--config"));
  const auto runs = db->runs(args.positionals.empty() ? std::string() : args.positionals[0], limit);
  std::printf("%-6s %-14s %-19s %9s %-8s %9s %9s %7s %5s\n", "RUN", "PIPELINE", "STARTED", "SECONDS", "STATUS",
              "DOCUMENTS", "ARTICLES", "FAILED", "DLQ");
  for (const auto& r : runs) {
    const double secs = r.finished_ms ? static_cast<double>(r.finished_ms - r.started_ms) / 1000.0 : 0.0;
    std::printf("%-6lld %-14s %-19s %9.3f %-8s %9llu %9llu %7llu %5llu\n", static_cast<long long>(r.id),
                r.pipeline.c_str(), format_time(r.started_ms).c_str(), secs, r.status.c_str(),
                static_cast<unsigned long long>(r.documents), static_cast<unsigned long long>(r.articles),
                static_cast<unsigned long long>(r.failed), static_cast<unsigned long long>(r.dead_lettered));
    if (!r.error.empty()) std::printf("       %s\n", r.error.c_str());
  }
  return kExitOk;
}

}  // namespace sluice::cli

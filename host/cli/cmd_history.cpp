// `sluice history [PIPELINE]`: recent runs from the state database.
#include <cstdio>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "output_format.hpp"
#include "sluice/sdk/json.hpp"

namespace sluice::cli {

VerbSpec history_spec() {
  return {"sluice history [PIPELINE] [--config FILE] [--state FILE] [--limit N] [--format text|json]",
          "Recent runs, newest first: start time, duration, outcome, documents read,\n"
          "articles delivered, failures and dead letters.",
          {{"--config", "FILE", "the pipeline config (its [host] state names the database)"},
           {"--state", "FILE", "the state database (default: the config's, else var/sluice.db)"},
           {"--limit", "N", "how many runs (default 20)"},
           format_option()},
          0,
          1};
}

int cmd_history(int argc, char** argv) {
  const VerbSpec spec = history_spec();
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
  const auto format = output_format(args);
  auto db = open_state(args.get("--state"), args.get("--config"));
  const auto runs = db->runs(args.positionals.empty() ? std::string() : args.positionals[0], limit);
  if (format == OutputFormat::Json) {
    std::string out;
    sdk::json::append_array(out, runs, [](std::string& s, const auto& r) {
      sdk::json::ObjectWriter o(s);
      o.field("run", static_cast<std::int64_t>(r.id));
      o.field("pipeline", r.pipeline);
      o.field("started_ms", static_cast<std::int64_t>(r.started_ms));
      o.field("finished_ms", static_cast<std::int64_t>(r.finished_ms));
      o.field("status", r.status);
      o.field("documents", static_cast<std::int64_t>(r.documents));
      o.field("articles", static_cast<std::int64_t>(r.articles));
      o.field("failed", static_cast<std::int64_t>(r.failed));
      o.field("dead_lettered", static_cast<std::int64_t>(r.dead_lettered));
      o.field("error", r.error);
    });
    std::cout << out << "\n";
    return kExitOk;
  }
  std::printf("%-6s %-14s %-19s %9s %-8s %9s %9s %7s %5s\n", "RUN", "PIPELINE", "STARTED", "SECONDS",
              "STATUS", "DOCUMENTS", "ARTICLES", "FAILED", "DLQ");
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

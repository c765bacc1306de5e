// `sluice plugins check PATH.so [--sample FILE]`: the conformance kit run
// against any plugin file, one PASS/FAIL/SKIP line per check.
#include <cstdlib>
#include <iomanip>
#include <iostream>

#include "cli_args.hpp"
#include "commands.hpp"
#include "sluice/conformance/checks.hpp"

namespace sluice::cli {
namespace {

void print_result(const conformance::Check& check, const conformance::CheckResult& result) {
  std::string detail = result.detail;
  // Later lines of a long detail line up under the first.
  for (std::size_t at = 0; (at = detail.find('\n', at)) != std::string::npos; at += 1 + 48)
    detail.insert(at + 1, std::string(48, ' '));
  std::cout << conformance::status_name(result.status) << "  " << std::left << std::setw(42) << check.title
            << detail << std::endl;
}

}  // namespace

VerbSpec plugins_check_spec() {
  return {"sluice plugins check PATH.so [--sample FILE] [--timeout SECONDS]",
          "Runs the conformance kit against one plugin file: the descriptor gate, the option\n"
          "table, its sample.toml, a working instance, two instances side by side, create/destroy\n"
          "in a loop, concurrent calls when it claims thread safety, and bad input. Each check\n"
          "runs in a child process, so a crash fails that check only. Exit status 0 when no\n"
          "check fails, 1 otherwise.",
          {{"--sample", "FILE", "the plugin's sample.toml (default: sample.toml next to PATH.so)"},
           {"--timeout", "SECONDS", "give up on a check after SECONDS (default 300)"}},
          2,
          2,
          {"check"},
          Complete::Nothing,
          {{"check", Complete::Files}}};
}

int cmd_plugins_check(int argc, char** argv) {
  const VerbSpec spec = plugins_check_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  conformance::Target target;
  target.plugin = args.positionals[1];
  target.sample = args.has("--sample") ? std::filesystem::path(args.get("--sample"))
                                       : conformance::sample_next_to(target.plugin);
  if (args.has("--timeout")) {
    const int seconds = std::atoi(args.get("--timeout").c_str());
    if (seconds <= 0) throw UsageError("--timeout needs a positive number of seconds");
    target.timeout = std::chrono::seconds(seconds);
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(target.plugin, ec))
    throw UsageError(target.plugin.string() + " is not a file");

  std::cout << "checking " << target.plugin.string()
            << (target.sample.empty() ? std::string(" (no sample.toml)") : " with " + target.sample.string())
            << std::endl;
  int passed = 0, failed = 0, skipped = 0;
  conformance::run_all(target, [&](const conformance::Outcome& o) {
    print_result(o.check, o.result);
    (o.result.status == conformance::Status::Pass   ? passed
     : o.result.status == conformance::Status::Fail ? failed
                                                    : skipped)++;
  });
  std::cout << target.plugin.filename().string() << ": " << passed << " passed, " << failed << " failed, "
            << skipped << " skipped" << std::endl;
  return failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace sluice::cli

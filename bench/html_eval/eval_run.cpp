#include "eval_run.hpp"

#include <ctime>
#include <mutex>
#include <stdexcept>

#include "eval_stages.hpp"
#include "sluice/host/host.hpp"

namespace sluice::bench::html_eval {
namespace {

namespace fs = std::filesystem;

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// "favor=precision" -> favor = "precision"; numbers, booleans, quoted
// strings and arrays pass through as TOML literals.
std::string option_line(const std::string& option) {
  const std::size_t eq = option.find('=');
  if (eq == std::string::npos || eq == 0)
    throw std::runtime_error("option '" + option + "' is not key=value");
  const std::string key = option.substr(0, eq), value = option.substr(eq + 1);
  const bool literal = value == "true" || value == "false" || value.starts_with('"') ||
                       value.starts_with('[') ||
                       (!value.empty() && value.find_first_not_of("0123456789.-") == std::string::npos);
  return key + " = " + (literal ? value : toml_string(value)) + "\n";
}

}  // namespace

RunOutcome run_parser(const std::vector<fs::path>& files, const std::vector<std::string>& options,
                      const fs::path& plugin_dir, unsigned workers) {
  std::string toml = "[pipeline.eval]\nworkers = " + std::to_string(workers) +
                     "\nqueue_capacity = 16\n[[pipeline.eval.source]]\nplugin = \"eval_pages\"\npaths = [\n";
  RunOutcome outcome;
  for (const auto& f : files) {
    toml += "  " + toml_string(f.string()) + ",\n";
    std::error_code ec;
    outcome.bytes += fs::file_size(f, ec);
  }
  toml += "]\n[[pipeline.eval.parser]]\nplugin = \"html\"\n";
  for (const auto& o : options) toml += option_line(o);
  toml += "[[pipeline.eval.sink]]\nplugin = \"eval_discard\"\n";

  host::Host host;
  host.register_plugin(plugins::eval_pages::descriptor());
  host.register_plugin(plugins::eval_discard::descriptor());
  if (!plugin_dir.empty()) {
    host.use_default_plugin_dir(false);
    host.add_plugin_dir(plugin_dir);
  }
  const host::Config config = host.load_config_string(toml, "html_eval.toml");

  std::mutex mutex;
  host::RunOptions run_options;
  run_options.on_article = [&](const std::string&, const sdk::Article& a) {
    const std::lock_guard lock(mutex);
    Extraction& e = outcome.by_file[a.source_uri.substr(std::string_view("file://").size())];
    e.ok = true;
    e.article = a;
  };
  const std::clock_t cpu_start = std::clock();
  const std::vector<host::RunReport> reports = host.run(config, "eval", run_options);
  outcome.cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  for (const auto& report : reports) {
    if (!report.fatal_error.empty()) throw std::runtime_error("run failed: " + report.fatal_error);
    for (const auto& failure : report.failures) {
      Extraction& e = outcome.by_file[failure.item];
      e.ok = false;
      e.error = failure.stage + ": " + failure.error;
    }
    for (const auto& stage : report.stages) {
      if (stage.kind == "parser") outcome.parser_seconds += stage.seconds;
    }
    outcome.wall_seconds += report.wall_seconds;
  }
  outcome.workers = config.pipelines.front().workers;
  return outcome;
}

}  // namespace sluice::bench::html_eval

// A verb's command line, declared once as a table that drives both parsing
// and `--help`, so the two never disagree.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace sluice::cli {

struct OptionSpec {
  std::string name;   // "--plugin-dir"
  std::string value;  // "DIR" for options taking a value, empty for flags
  std::string help;
  bool repeatable = false;
  // The values a shell may complete (and --help lists), when they are a fixed
  // set; values named FILE, PATH, CONFIG or DIR complete as paths instead.
  std::vector<std::string> choices = {};
};

// What a positional argument completes to in a shell.
enum class Complete { Nothing, Files, Directories, Plugins };

struct VerbSpec {
  std::string usage;  // "sluice run CONFIG [options]"
  std::string summary;
  std::vector<OptionSpec> options;
  std::size_t min_positionals = 0;
  std::size_t max_positionals = 0;
  // Verbs with sub-actions (`plugins describe`, `dlq list`): the first
  // positional's choices, and what the positionals after an action complete to.
  std::vector<std::string> actions = {};
  Complete positionals = Complete::Nothing;  // without actions: every positional
  std::map<std::string, Complete> after_action = {};
};

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Args {
  std::vector<std::string> positionals;
  std::map<std::string, std::vector<std::string>> values;  // option -> values in order
  bool help = false;

  bool has(const std::string& option) const { return values.count(option) > 0; }
  std::string get(const std::string& option, const std::string& fallback = {}) const;
  std::vector<std::string> all(const std::string& option) const;
};

// Parses argv[first..] against `spec`. Throws UsageError with a one-line reason.
Args parse_args(const VerbSpec& spec, int argc, char** argv, int first);
std::string help_text(const VerbSpec& spec);

// The options every plugin-loading verb shares.
OptionSpec plugin_dir_option();

}  // namespace sluice::cli

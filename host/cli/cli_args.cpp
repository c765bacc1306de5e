#include "cli_args.hpp"

#include <sstream>

#include "sluice/host/options_schema.hpp"

namespace sluice::cli {

std::string Args::get(const std::string& option, const std::string& fallback) const {
  auto it = values.find(option);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& option) const {
  auto it = values.find(option);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

namespace {

std::string spelled_choices(const std::vector<std::string>& choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i)
    out += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  return out;
}

// The option table's choices are the one list both completion and this
// check read, so a value a shell offers is always one the verb accepts.
void check_choice(const OptionSpec& opt, const std::string& value) {
  if (opt.choices.empty()) return;
  for (const auto& c : opt.choices)
    if (c == value) return;
  const auto near = host::closest_match(value, opt.choices);
  throw UsageError(opt.name + " must be " + spelled_choices(opt.choices) + ", not '" + value + "'" +
                   (near.empty() ? "" : "; did you mean " + near + "?"));
}

}  // namespace

Args parse_args(const VerbSpec& spec, int argc, char** argv, int first) {
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "-h" || word == "--help") {
      args.help = true;
      continue;
    }
    if (word.size() > 1 && word[0] == '-') {
      std::string value;
      bool inline_value = false;
      if (auto eq = word.find('='); eq != std::string::npos) {
        value = word.substr(eq + 1);
        word = word.substr(0, eq);
        inline_value = true;
      }
      const OptionSpec* opt = nullptr;
      for (const auto& o : spec.options)
        if (o.name == word) opt = &o;
      if (!opt) {
        std::vector<std::string> names;
        for (const auto& o : spec.options) names.push_back(o.name);
        names.push_back("--help");
        const auto near = host::closest_match(word, names);
        throw UsageError("unknown option " + word + (near.empty() ? "" : "; did you mean " + near + "?") +
                         " (see --help)");
      }
      if (opt->value.empty()) {
        if (inline_value) throw UsageError(word + " takes no value");
        args.values[word].push_back("true");
        continue;
      }
      if (!inline_value) {
        if (i + 1 >= argc) throw UsageError(word + " needs a value " + opt->value);
        value = argv[++i];
      }
      check_choice(*opt, value);
      auto& slot = args.values[word];
      if (!slot.empty() && !opt->repeatable) throw UsageError(word + " given twice");
      slot.push_back(value);
      continue;
    }
    args.positionals.push_back(word);
  }
  if (args.help) return args;
  if (args.positionals.size() < spec.min_positionals)
    throw UsageError("missing argument; usage: " + spec.usage);
  if (args.positionals.size() > spec.max_positionals)
    throw UsageError("unexpected argument '" + args.positionals[spec.max_positionals] +
                     "'; usage: " + spec.usage);
  return args;
}

std::string help_text(const VerbSpec& spec) {
  std::ostringstream out;
  out << "usage: " << spec.usage << "\n\n" << spec.summary << "\n";
  if (!spec.options.empty()) out << "\noptions:\n";
  for (const auto& o : spec.options) {
    std::string left = o.name + (o.value.empty() ? "" : " " + o.value);
    out << "  " << left;
    out << std::string(left.size() < 24 ? 24 - left.size() : 1, ' ') << o.help
        << (o.repeatable ? " (repeatable)" : "") << "\n";
  }
  out << "  -h, --help              show this help\n";
  return out.str();
}

OptionSpec plugin_dir_option() {
  return {"--plugin-dir", "DIR",
          "search DIR for plugins first (then $SLUICE_PLUGIN_DIR, [host] plugin_dirs, the default)", true};
}

}  // namespace sluice::cli

#include "shell_completion.hpp"

#include <algorithm>

#include "commands.hpp"
#include "sluice/host/host.hpp"
#include "verbs.hpp"

namespace sluice::cli {
namespace {

bool starts_with(const std::string& word, const std::string& prefix) {
  return word.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> matching(const std::vector<std::string>& candidates, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& c : candidates)
    if (starts_with(c, prefix)) out.push_back(c);
  return out;
}

const OptionSpec* find_option(const VerbSpec& spec, const std::string& name) {
  for (const auto& o : spec.options)
    if (o.name == name) return &o;
  return nullptr;
}

// Plugin names from the same search path the verb would use, including any
// --plugin-dir already on the line.
std::vector<std::string> plugin_names(const std::vector<std::string>& words) {
  host::Host h;
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] == "--plugin-dir") h.add_plugin_dir(words[i + 1]);
  try {
    h.load_plugins();
  } catch (const std::exception&) {
    return {};  // a broken plugin directory must not break the shell
  }
  return h.registry().names();
}

std::vector<std::string> complete_kind(Complete kind, const std::vector<std::string>& words,
                                       const std::string& cur) {
  switch (kind) {
    case Complete::Files: return {":files"};
    case Complete::Directories: return {":dirs"};
    case Complete::Plugins: return matching(plugin_names(words), cur);
    case Complete::Nothing: break;
  }
  return {};
}

std::vector<std::string> complete_option_value(const OptionSpec& option, const std::string& cur) {
  if (!option.choices.empty()) return matching(option.choices, cur);
  const auto& v = option.value;
  if (v == "DIR") return {":dirs"};
  if (v == "FILE" || v == "PATH" || v == "CONFIG") return {":files"};
  return {};
}

// The positionals typed so far (option values skipped).
std::vector<std::string> positionals(const VerbSpec& spec, const std::vector<std::string>& typed) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    if (starts_with(typed[i], "-")) {
      const auto* o = find_option(spec, typed[i]);
      if (o && !o->value.empty()) ++i;
      continue;
    }
    out.push_back(typed[i]);
  }
  return out;
}

std::vector<std::string> complete_positional(const VerbSpec& spec, const std::vector<std::string>& words,
                                             const std::string& cur) {
  const auto given = positionals(spec, std::vector<std::string>(words.begin() + 1, words.end() - 1));
  if (spec.actions.empty())
    return given.empty() ? complete_kind(spec.positionals, words, cur) : std::vector<std::string>{};
  if (given.empty()) return matching(spec.actions, cur);
  const auto it = spec.after_action.find(given.front());
  if (given.size() == 1 && it != spec.after_action.end()) return complete_kind(it->second, words, cur);
  return {};
}

}  // namespace

std::vector<std::string> complete_command_line(const std::vector<std::string>& words) {
  if (words.empty()) return verb_names();
  const auto& cur = words.back();
  if (words.size() == 1) {
    if (starts_with(cur, "-")) return matching({"--help", "--version"}, cur);
    return matching(verb_names(), cur);
  }
  const auto* verb = find_verb(words.front());
  if (!verb || !verb->spec) return {};
  // `plugins check` is its own verb with its own options.
  const bool check = words.front() == "plugins" && words.size() > 2 && words[1] == "check";
  const VerbSpec spec = check ? plugins_check_spec() : verb->spec();
  const auto& prev = words[words.size() - 2];
  if (starts_with(prev, "-"))
    if (const auto* o = find_option(spec, prev); o && !o->value.empty())
      return complete_option_value(*o, cur);
  if (starts_with(cur, "-")) {
    std::vector<std::string> names{"--help"};
    for (const auto& o : spec.options) names.push_back(o.name);
    return matching(names, cur);
  }
  return complete_positional(spec, words, cur);
}

}  // namespace sluice::cli

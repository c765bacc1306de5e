// The checks that read the descriptor only: the gate, the option table and
// the sample.toml written against it.

#include "check_list.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "sluice/sdk/testing/options.hpp"

namespace sluice::conformance::detail {
namespace {

// A TOML bare key in the style of the built-in options: [a-z][a-z0-9_]*.
bool plain_key(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool blank(const char* s) { return s == nullptr || *s == '\0'; }

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

CheckResult check_gate(const Target& target, const std::filesystem::path&, Progress&) {
  host::PluginRegistry registry;
  if (auto refusal = registry.load_file(target.plugin)) return {Status::Fail, refusal->reason};
  const auto& p = *registry.all().front();
  return {Status::Pass, p.name() + " " + p.version() + ", " + host::kind_name(p.kind()) +
                            (p.thread_safe() ? ", thread-safe" : "") + ", " +
                            std::to_string(p.descriptor->option_count) + " option(s)"};
}

CheckResult check_options(const Target& target, const std::filesystem::path&, Progress&) {
  host::PluginRegistry registry;
  if (auto refusal = registry.load_file(target.plugin)) return {Status::Fail, refusal->reason};
  const auto& d = *registry.all().front()->descriptor;
  // Types, duplicates, literals and names the host reads itself were
  // checked by the gate; this is what the docs and `sluice plugins sample` need.
  std::vector<std::string> problems;
  if (blank(d.description)) problems.emplace_back("the plugin has no description");
  for (std::uint32_t i = 0; i < d.option_count; ++i) {
    const auto& o = d.options[i];
    const std::string name = std::string("option '") + o.name + "'";
    if (!plain_key(o.name)) problems.push_back(name + ": names are lowercase letters, digits and '_'");
    if (blank(o.description)) problems.push_back(name + " has no description");
    if (o.required && o.default_toml)
      problems.push_back(name + " is required and has a default: one of the two is wrong");
    if (!o.required && !o.default_toml)
      problems.push_back(name +
                         " is optional but declares no default: the docs cannot say what it does unset");
    if (o.required && !o.example_toml)
      problems.push_back(name + " is required but has no example for `sluice plugins sample` to show");
  }
  if (!problems.empty()) return {Status::Fail, join(problems)};
  return {Status::Pass,
          std::to_string(d.option_count) + " option(s), each named, typed, described and defaulted"};
}

CheckResult check_sample(const Target& target, const std::filesystem::path&, Progress&) {
  if (target.sample.empty())
    return {Status::Skip, "no sample.toml (give --sample FILE, or put sample.toml next to the .so)"};
  host::PluginRegistry registry;
  if (auto refusal = registry.load_file(target.plugin)) return {Status::Fail, refusal->reason};
  try {
    (void)sdk::testing::sample_options(*registry.all().front()->descriptor, target.sample);
  } catch (const sdk::testing::OptionsError& e) {
    return {Status::Fail, e.what()};
  }
  return {Status::Pass, target.sample.string() + " validates"};
}

}  // namespace sluice::conformance::detail

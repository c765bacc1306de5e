#include "sluice/sdk/testing/options.hpp"

#include "plugin_under_test.hpp"

namespace sluice::sdk::testing {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

}  // namespace

OptionsError::OptionsError(std::vector<std::string> problems)
    : std::invalid_argument(join_lines(problems)), problems_(std::move(problems)) {}

Options make_options(const sluice_plugin_descriptor& plugin, const Map& overrides) {
  return detail::PluginUnderTest(&plugin).options_from(overrides);
}

Options sample_options(const sluice_plugin_descriptor& plugin, const std::filesystem::path& sample_toml) {
  return detail::PluginUnderTest(&plugin).options_from_sample(sample_toml);
}

}  // namespace sluice::sdk::testing

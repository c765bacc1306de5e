// A plugin's own option table must be checked when the plugin is
// registered. Today a bad default reaches load_config, where it is either
// reported against the operator's file ("pipeline.toml:1:5: error: option
// 'attempts' expects an integer") or escapes as a raw toml::parse_error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sluice/host/plugin_registry.hpp"

namespace sluice::plugins::config_test_unparsable_default {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::config_test_mistyped_default {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::config_test_mistyped_example {
const sluice_plugin_descriptor* descriptor();
}

namespace sluice::config_test {
namespace {

using ::testing::HasSubstr;

// The refusal message of register_builtin, or "" when it was accepted.
std::string refusal(const sluice_plugin_descriptor* d) {
  host::PluginRegistry registry;
  try {
    registry.register_builtin(d);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(OptionTableGate, RefusesDefaultThatIsNotATomlLiteral) {
  EXPECT_THAT(refusal(plugins::config_test_unparsable_default::descriptor()), HasSubstr("'globs'"));
}

TEST(OptionTableGate, RefusesDefaultOfTheWrongType) {
  EXPECT_THAT(refusal(plugins::config_test_mistyped_default::descriptor()), HasSubstr("'attempts'"));
}

TEST(OptionTableGate, RefusesExampleOfTheWrongType) {
  // `sluice plugins sample` prints the example; it must validate.
  EXPECT_THAT(refusal(plugins::config_test_mistyped_example::descriptor()), HasSubstr("'timeout'"));
}

}  // namespace
}  // namespace sluice::config_test

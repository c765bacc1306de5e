// Plugins whose option tables are wrong in ways only the host can notice:
// a default that is not a TOML literal, a default or an example of the
// wrong type. A plugin bug must be reported as one, at the gate, instead of
// surfacing later as an error in the operator's config file.
#include "sluice/sdk/plugin.hpp"

namespace sluice::config_test {
namespace {

class Dummy : public sdk::Source {
 public:
  explicit Dummy(const sdk::StageInit&) {}
  bool next(sdk::RawDocument&) override { return false; }
};

constexpr sluice_option_desc kUnparsableDefault[] = {
    {.name = "globs",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[\"*.txt\"",  // missing ']'
     .description = "Globs",
     .example_toml = nullptr},
};

constexpr sluice_option_desc kMistypedDefault[] = {
    {.name = "attempts",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "\"three\"",
     .description = "Attempts",
     .example_toml = nullptr},
};

constexpr sluice_option_desc kMistypedExample[] = {
    {.name = "timeout",
     .type = SLUICE_OPT_DURATION,
     .required = 1,
     .default_toml = nullptr,
     .description = "Timeout",
     .example_toml = "\"soon\""},
};

}  // namespace
}  // namespace sluice::config_test

SLUICE_PLUGIN(config_test_unparsable_default, sluice::config_test::Dummy, "unparsable_default",
              "1.0.0", "Default is not a TOML literal", sluice::config_test::kUnparsableDefault, 0)
SLUICE_PLUGIN(config_test_mistyped_default, sluice::config_test::Dummy, "mistyped_default", "1.0.0",
              "Default has the wrong type", sluice::config_test::kMistypedDefault, 0)
SLUICE_PLUGIN(config_test_mistyped_example, sluice::config_test::Dummy, "mistyped_example", "1.0.0",
              "Example has the wrong type", sluice::config_test::kMistypedExample, 0)

// Writing option values as TOML text, so the host's own validator converts
// them (one conversion for config files and tests alike).
#pragma once

#include <string>
#include <string_view>

#include "sluice/sdk/value.hpp"

namespace sluice::sdk::testing::detail {

// A TOML basic string: "..." with quotes, backslashes and control
// characters escaped. Also used for keys, which TOML allows quoted.
std::string toml_string(std::string_view text);

// The TOML literal for a value; lists and maps become inline arrays and
// tables. Throws OptionsError for null, which TOML cannot express.
std::string toml_literal(const Value& value, std::string_view option);

}  // namespace sluice::sdk::testing::detail

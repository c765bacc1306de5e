// `${VAR}` and `${VAR:-default}` in config strings, from the environment.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sluice::host::detail {

struct Substitution {
  std::string value;
  bool substituted = false;  // at least one ${...} was expanded
  std::string error;         // non-empty: unset variable or unterminated ${
};

// Expands every ${NAME} / ${NAME:-fallback}; "$$" stands for a literal '$'.
// An unset variable without a fallback is an error, not an empty string:
// a silently empty path is worse than a refusal.
Substitution substitute_env(std::string_view text);

}  // namespace sluice::host::detail

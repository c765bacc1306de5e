// The one list of `sluice` verbs. Usage, "did you mean", `version`, the
// shell completion and the man page all read it, so a new verb shows up in
// every one of them by being added here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli_args.hpp"

namespace sluice::cli {

struct Verb {
  const char* name;
  int (*run)(int, char**);
  VerbSpec (*spec)();
  const char* synopsis;  // the usage line's left column
  const char* summary;
  bool hidden = false;  // plumbing for scripts (`__complete`): not in usage or the man page
};

const std::vector<Verb>& verbs();
const Verb* find_verb(std::string_view name);
std::vector<std::string> verb_names();  // the visible ones
std::string usage();

}  // namespace sluice::cli

// What a shell should offer for a partly typed `sluice` command line, worked
// out from the verb table and each verb's option table (so completion can't
// drift from what the verbs accept).
#pragma once

#include <string>
#include <vector>

namespace sluice::cli {

// `words` are the words after `sluice`, the last one being the word under
// the cursor (possibly empty). Returns the candidates that start with it,
// plus at most one directive line: ":files" or ":dirs" (let the shell
// complete paths).
std::vector<std::string> complete_command_line(const std::vector<std::string>& words);

// The scripts `sluice completion bash|zsh|fish` print; each asks
// `sluice __complete WORDS...` and turns the directive into path completion.
std::string completion_script(const std::string& shell);

}  // namespace sluice::cli

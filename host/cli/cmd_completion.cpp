// `sluice completion SHELL` prints a completion script; `sluice __complete`
// answers it.
#include <iostream>

#include "commands.hpp"
#include "shell_completion.hpp"

namespace sluice::cli {

VerbSpec completion_spec() {
  return {"sluice completion bash|zsh|fish",
          "Prints the shell completion script for SHELL. It completes verbs, options, option values\n"
          "with a fixed set (--format, --log-level ...), sub-actions (dlq list, plugins describe),\n"
          "plugin names from the search path and config files, by asking `sluice __complete`.\n"
          "  bash:  source <(sluice completion bash)      (or save it as\n"
          "         /usr/share/bash-completion/completions/sluice)\n"
          "  zsh:   source <(sluice completion zsh)       (after compinit; or save it as _sluice on $fpath)\n"
          "  fish:  sluice completion fish | source       (or save it in ~/.config/fish/completions/)\n"
          "`make install` puts all three where each shell looks.",
          {},
          1,
          1,
          {"bash", "zsh", "fish"}};
}

int cmd_completion(int argc, char** argv) {
  const auto spec = completion_spec();
  const auto args = parse_args(spec, argc, argv, 2);
  if (args.help) {
    std::cout << help_text(spec);
    return kExitOk;
  }
  std::cout << completion_script(args.positionals[0]);
  return kExitOk;
}

// Takes the words as they are: no option parsing, since the words under
// completion are incomplete by nature. Prints nothing rather than failing.
int cmd_complete(int argc, char** argv) {
  std::vector<std::string> words(argv + 2, argv + argc);
  for (const auto& line : complete_command_line(words)) std::cout << line << "\n";
  return kExitOk;
}

}  // namespace sluice::cli

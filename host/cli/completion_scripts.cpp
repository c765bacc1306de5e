// The three shells' completion scripts. They hold no knowledge of verbs or
// options: each asks `sluice __complete` (shell_completion.cpp), so an
// installed script stays right when the binary gains a verb.
#include "cli_args.hpp"
#include "shell_completion.hpp"

namespace sluice::cli {
namespace {

constexpr const char* kBash = R"(# bash completion for sluice: `source <(sluice completion bash)`, or install
# as /usr/share/bash-completion/completions/sluice.
_sluice() {
  local cur=${COMP_WORDS[COMP_CWORD]} line
  local IFS=$'\n'
  local lines
  lines=$("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  COMPREPLY=()
  for line in $lines; do
    case $line in
      :files) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$cur")) ;;
      :dirs) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -d -- "$cur")) ;;
      *) COMPREPLY+=("$line") ;;
    esac
  done
}
complete -F _sluice sluice
)";

constexpr const char* kZsh = R"(#compdef sluice
# zsh completion for sluice: `source <(sluice completion zsh)` after compinit,
# or install as _sluice in a directory on $fpath.
_sluice() {
  local -a lines candidates
  local line
  lines=("${(@f)$(${words[1]} __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for line in $lines; do
    case $line in
      :files) _files ;;
      :dirs) _files -/ ;;
      *) candidates+=("$line") ;;
    esac
  done
  (( ${#candidates} )) && compadd -a candidates
  return 0
}
if [[ ${funcstack[1]} == _sluice ]]; then
  _sluice "$@"
else
  compdef _sluice sluice
fi
)";

constexpr const char* kFish = R"(# fish completion for sluice: `sluice completion fish | source`, or install
# as ~/.config/fish/completions/sluice.fish.
function __sluice_complete
    set -l words (commandline -opc) (commandline -ct)
    for line in ($words[1] __complete $words[2..-1] 2>/dev/null)
        switch $line
            case ':files'
                __fish_complete_path (commandline -ct)
            case ':dirs'
                __fish_complete_directories (commandline -ct)
            case '*'
                echo $line
        end
    end
end
complete -c sluice -f -a '(__sluice_complete)'
)";

}  // namespace

std::string completion_script(const std::string& shell) {
  if (shell == "bash") return kBash;
  if (shell == "zsh") return kZsh;
  if (shell == "fish") return kFish;
  throw UsageError("SHELL must be bash, zsh or fish, not '" + shell + "'");
}

}  // namespace sluice::cli

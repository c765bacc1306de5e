#!/bin/bash
# The newcomer's CLI surroundings through the real binary: completion scripts
# sourced in bash, zsh and fish and asked for completions, the man page
# rendered by man(1), and `sluice init` writing a config that validates and
# runs. Usage: cli_shell_test.sh SLUICE_BINARY
set -u
sluice_bin=$(readlink -f "$1")
bin_dir=$(dirname "$sluice_bin")
export PATH="$bin_dir:$PATH" SLUICE_PLUGIN_DIR=
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_has() {  # expect_has WHAT HAYSTACK NEEDLE...
  local what=$1 hay=$2; shift 2
  for needle in "$@"; do
    grep -qxF -- "$needle" <<<"$hay" || fail "$what: '$needle' missing from: $(tr '\n' ' ' <<<"$hay")"
  done
}

# --- bash: the script as `source <(sluice completion bash)` installs it.
bash_complete() {  # bash_complete WORD... (the last word is the one being typed)
  bash -c 'source <(sluice completion bash) || exit 9
           COMP_WORDS=(sluice "$@"); COMP_CWORD=$#; _sluice; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
expect_has "bash verbs" "$(bash_complete '')" run serve validate init dlq completion man
expect_has "bash verb prefix" "$(bash_complete va)" validate
expect_has "bash options" "$(bash_complete run --p)" --pipeline --plugin-dir
expect_has "bash option choices" "$(bash_complete serve --log-level '')" info warn
expect_has "bash actions" "$(bash_complete dlq '')" list show replay purge
expect_has "bash plugin names" "$(bash_complete plugins describe ent)" entities
mkdir -p "$work/cfgs" && touch "$work/cfgs/pipe.toml"
(cd "$work" && expect_has "bash config files" "$(bash_complete run cfgs/p)" cfgs/pipe.toml)
[ -z "$(bash_complete history '')" ] || fail "bash: history takes no positional, yet got completions"

# --- zsh: compadd/_files exist only inside the completion system, so the
# test records what the script hands them.
if command -v zsh >/dev/null; then
  zsh_out=$(zsh -f -c 'compadd() { shift; for w in ${(P)1}; print -r -- "$w"; }
    _files() { print -r -- "<files $*>"; }
    compdef() { print -r -- "<compdef $*>"; }
    source <(sluice completion zsh)
    words=(sluice dlq l); CURRENT=3; _sluice
    words=(sluice run x); CURRENT=3; _sluice' 2>&1)
  expect_has "zsh" "$zsh_out" "<compdef _sluice sluice>" list "<files >"
else
  fail "zsh is not installed (the Makefile's DEB_PACKAGES has it)"
fi

# --- fish: `complete -C` asks fish's own completion machinery.
if command -v fish >/dev/null; then
  expect_has "fish" "$(fish -c 'sluice completion fish | source; complete -C "sluice dlq l"')" list
  expect_has "fish options" "$(fish -c 'sluice completion fish | source; complete -C "sluice run --qu"')" --quiet
else
  fail "fish is not installed (the Makefile's DEB_PACKAGES has it)"
fi

# --- the man page, as the build wrote it and as `sluice man` prints it.
man_file="$bin_dir/../share/man/man1/sluice.1"
[ -f "$man_file" ] || fail "the build did not write $man_file"
page=$(MANWIDTH=100 man -l "$man_file" 2>"$work/man.err")
[ -s "$work/man.err" ] && fail "man -l complained: $(cat "$work/man.err")"
for verb in $(sluice __complete ''); do
  grep -q "sluice $verb" <<<"$page" || fail "man page lacks a section for '$verb'"
done
grep -q -- "--plugin-dir DIR" <<<"$page" || fail "man page lacks the options"
grep -q "EXIT STATUS" <<<"$page" || fail "man page lacks EXIT STATUS"
cmp -s "$man_file" <(sluice man) || fail "the installed page differs from \`sluice man\`"
warnings=$(groff -ww -z -man "$man_file" 2>&1)
[ -z "$warnings" ] || fail "groff warnings: $warnings"

# --- init: the starter validates and runs as written, from its directory.
out=$(sluice init "$work/starter" 2>&1) || fail "init failed: $out"
grep -q "wrote $work/starter/sluice.toml" <<<"$out" || fail "init did not say what it wrote: $out"
sluice validate "$work/starter/sluice.toml" >/dev/null 2>&1 || fail "the starter does not validate"
(cd "$work/starter" && sluice run sluice.toml >"$work/run.out" 2>&1) || fail "the starter does not run: $(cat "$work/run.out")"
articles=$(cat "$work"/starter/out/*.jsonl 2>/dev/null | wc -l)
[ "$articles" = 1 ] || fail "the starter's first run stored $articles articles, not 1"
sluice init "$work/starter" >/dev/null 2>&1; [ $? = 2 ] || fail "init over an existing config must refuse (exit 2)"
sluice init "$work/starter" --force >/dev/null 2>&1 || fail "init --force must overwrite"
msg=$(sluice init "$work/other" --sources filez 2>&1); [ $? = 2 ] || fail "an unknown source must be a usage error"
grep -q "did you mean 'files'" <<<"$msg" || fail "no suggestion for a misspelt plugin: $msg"
msg=$(sluice init "$work/other" --sinks files 2>&1)
grep -q "'files' is a source, not a sink" <<<"$msg" || fail "a plugin of the wrong kind: $msg"
out=$(sluice init "$work/feeds" --sources feed_poll --sinks stdout 2>&1) || fail "init feed_poll: $out"
grep -q 'plugin = "feed"' "$work/feeds/sluice.toml" || fail "feed_poll did not get the feed parser"
sluice validate "$work/feeds/sluice.toml" >/dev/null 2>&1 || fail "the feed starter does not validate"

[ "$failures" = 0 ] && echo "all CLI shell checks passed"
exit $((failures > 0))

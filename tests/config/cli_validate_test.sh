#!/bin/sh
# Drives the real CLI: `sluice validate FILE` with the built-in plugins that
# the binary finds next to itself (build/bin/../plugins).
#
# usage: cli_validate_test.sh SLUICE_BINARY typo|valid
#   typo   a misspelt option of the `files` source: exit status 2 and
#          "FILE:L:C: error: unknown key 'pth' ...; did you mean 'path'?"
#   valid  files + seed_text + jsonl: exit status 0 and "FILE: ok (...)"
set -u

sluice=$1
mode=$2

fail() {
  echo "FAIL: $*" >&2
  echo "--- config:" >&2
  cat -n "$config" >&2
  echo "--- stdout:" >&2
  cat "$dir/out" >&2
  echo "--- stderr:" >&2
  cat "$dir/err" >&2
  exit 1
}

if [ ! -x "$sluice" ]; then
  echo "FAIL: $sluice is missing; build the config_cli_deps target first" >&2
  exit 1
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
config=$dir/pipeline.toml
# Only the build-tree default directory may supply plugins.
unset SLUICE_PLUGIN_DIR

case $mode in
  typo)
    # Line numbers below are asserted: pth on line 5, max_size's value on 6:12.
    cat >"$config" <<'EOF'
[pipeline.seeds]

[[pipeline.seeds.source]]
plugin = "files"
pth = "seeds"
max_size = "lots"

[[pipeline.seeds.parser]]
plugin = "seed_text"

[[pipeline.seeds.sink]]
plugin = "jsonl"
path = "out.jsonl"
EOF
    "$sluice" validate "$config" >"$dir/out" 2>"$dir/err"
    status=$?
    [ "$status" -eq 2 ] || fail "exit status $status, expected 2"
    grep -qF "$config:5:1: error: unknown key 'pth'" "$dir/err" ||
      fail "no positioned error for pth"
    grep -qF "did you mean 'path'?" "$dir/err" || fail "no suggestion of 'path'"
    grep -qF "$config:6:12: error: option 'max_size' expects a size" "$dir/err" ||
      fail "no positioned type error for max_size"
    grep -qF "$config:3:1: error: stage 'files' (plugin files) is missing required option 'path'" \
      "$dir/err" || fail "no missing-option error for path"
    grep -qF "is invalid" "$dir/err" || fail "no summary line"
    [ ! -s "$dir/out" ] || fail "an invalid config printed to stdout"
    ;;
  valid)
    mkdir -p "$dir/seeds"
    cat >"$config" <<'EOF'
[pipeline.seeds]
workers = "${SLUICE_CFGTEST_WORKERS:-2}"

[[pipeline.seeds.source]]
plugin = "files"
path = "seeds"

[[pipeline.seeds.parser]]
plugin = "seed_text"

[[pipeline.seeds.sink]]
plugin = "jsonl"
path = "out.jsonl"
EOF
    "$sluice" validate "$config" >"$dir/out" 2>"$dir/err"
    status=$?
    [ "$status" -eq 0 ] || fail "exit status $status, expected 0"
    grep -qxF "$config: ok (1 pipeline, 3 stages)" "$dir/out" || fail "no ok line"
    # Validation writes nothing: the sink's output must not appear.
    [ ! -e "$dir/out.jsonl" ] || fail "validate created the sink's output"
    ;;
  *)
    echo "usage: $0 SLUICE_BINARY typo|valid" >&2
    exit 2
    ;;
esac
echo "ok: $mode"

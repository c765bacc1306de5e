#!/usr/bin/env bash
# What a plugin author does, from scratch (docs/writing-plugins.md):
#   install sluice to a temporary prefix; scaffold one plugin of each kind;
#   build each out of tree against the installed package and run its tests;
#   run the four in one pipeline with `sluice run` and check their effect;
#   build a plugin against a bumped SDK ABI and see it refused with the
#   message the docs show.
# usage: author_workflow_test.sh BUILD_DIR SOURCE_DIR [extra CMake args for the plugin builds]
set -euo pipefail
build=$1
src=$2
shift 2
plugin_cmake_args=("$@")

work=$(mktemp -d "${TMPDIR:-/tmp}/sluice-author-XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
log=$work/step.log

step() { echo "== $*"; }
fail() {
  echo "FAIL: $*" >&2
  [ -s "$log" ] && tail -n 60 "$log" >&2
  exit 1
}
run() { "$@" >"$log" 2>&1 || fail "$*"; }

step "cmake --install $build --prefix $prefix"
run cmake --install "$build" --prefix "$prefix"
sluice=$prefix/bin/sluice
[ -x "$sluice" ] || fail "no $sluice"
[ -f "$prefix/lib/cmake/SluiceSDK/SluiceSDKConfig.cmake" ] || fail "no SluiceSDK package"
"$sluice" plugins >"$log" 2>&1 || fail "sluice plugins"
grep -q "seed_text" "$log" || fail "the installed sluice does not find its built-in plugins"

# Everything below uses the prefix and nothing else from the source tree.
plugin_dirs=()
for kind in source parser enricher sink; do
  name=demo_$kind
  dir=$work/$name
  step "sluice new-plugin $kind $name; configure, build, ctest"
  (cd "$work" && run "$sluice" new-plugin "$kind" "$name")
  run cmake -S "$dir" -B "$dir/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
    "${plugin_cmake_args[@]}"
  run cmake --build "$dir/build" -j2
  run ctest --test-dir "$dir/build" --output-on-failure
  grep -q "conformance.$name .*Passed" "$log" || fail "$name: no passing conformance test"
  grep -q "readme.$name .*Passed" "$log" || fail "$name: no passing README test"
  plugin_dirs+=(--plugin-dir "$dir/build")
done

step "sluice run with the four plugins (and the built-in jsonl sink)"
mkdir -p "$work/run"
cat >"$work/run/demo.toml" <<'TOML'
[pipeline.demo]
workers = 2

[[pipeline.demo.source]]
plugin = "demo_source"
count = 4

[[pipeline.demo.parser]]
plugin = "demo_parser"

[[pipeline.demo.enrich]]
plugin = "demo_enricher"

[[pipeline.demo.sink]]
plugin = "demo_sink"
path = "out/demo.jsonl"

[[pipeline.demo.sink]]
plugin = "jsonl"
path = "out/builtin.jsonl"
TOML
(cd "$work/run" && run "$sluice" validate demo.toml "${plugin_dirs[@]}")
(cd "$work/run" && run "$sluice" run demo.toml --quiet "${plugin_dirs[@]}")
out=$work/run/out/demo.jsonl
[ "$(wc -l <"$out")" = 4 ] || fail "expected 4 articles in $out, got: $(cat "$out")"
for n in 1 2 3 4; do
  # Source: "Generated document N" is the first line; parser: it becomes the
  # title; enricher: 3 title words + 10 body words.
  grep -q "\"title\":\"Generated document $n\".*\"fields\":{\"demo_enricher\":13}" "$out" ||
    fail "article $n is missing or lacks the enricher's field:
$(cat "$out")"
done
grep -q '"lineage":\[{"stage":"demo_parser","plugin":"demo_parser","version":"0.1.0"},{"stage":"demo_enricher"' "$out" ||
  fail "lineage does not show the parser and enricher: $(head -n1 "$out")"
# Both sinks write the canonical article shape.
cmp -s <(sort "$out") <(sort "$work/run/out/builtin.jsonl") || fail "demo_sink and jsonl wrote different lines"

step "a plugin built against SDK 2.0 is refused"
cp -a "$prefix" "$work/future"
header=$work/future/include/sluice/sdk/descriptor.h
sed -i 's/^#define SLUICE_SDK_ABI_MAJOR 1$/#define SLUICE_SDK_ABI_MAJOR 2/' "$header"
grep -qx '#define SLUICE_SDK_ABI_MAJOR 2' "$header" || fail "could not bump the ABI major in $header"
sed -i 's/^#define SLUICE_SDK_ABI_MINOR [0-9]*$/#define SLUICE_SDK_ABI_MINOR 0/' "$header"
grep -qx '#define SLUICE_SDK_ABI_MINOR 0' "$header" || fail "could not reset the ABI minor in $header"
(cd "$work" && run "$sluice" new-plugin enricher future_enricher)
run cmake -S "$work/future_enricher" -B "$work/future_enricher/build" -DCMAKE_PREFIX_PATH="$work/future" \
  -DBUILD_TESTING=OFF "${plugin_cmake_args[@]}"
run cmake --build "$work/future_enricher/build" -j2
future=$work/future_enricher/build/future_enricher.so
reason="built against SDK 2.0, host speaks 1.x; rebuild the plugin against SDK 1.x"
"$sluice" plugins --plugin-dir "$work/future_enricher/build" >/dev/null 2>"$log" || true
grep -qxF "sluice: warning: refused plugin $future: $reason" "$log" || fail "no refusal line for $future"
grep -qF "refused plugin plugins/future_enricher.so: $reason" "$src/docs/writing-plugins.md" ||
  fail "docs/writing-plugins.md does not show the refusal as sluice prints it"
if "$sluice" plugins check "$future" >"$log" 2>&1; then fail "plugins check passed a refused plugin"; fi
grep -qF "FAIL  descriptor passes the gate                $reason" "$log" || fail "plugins check did not show the refusal"
step "ok"

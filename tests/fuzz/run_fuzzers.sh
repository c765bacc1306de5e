#!/usr/bin/env bash
# run_fuzzers.sh SOURCE_DIR BUILD_DIR
#
# Builds the libFuzzer targets of tests/fuzz/build_fuzzers with clang
# (-fsanitize=fuzzer,address,undefined) and runs each one for
# $SLUICE_FUZZ_SECONDS (default 20) over its seed corpus. Fails on the first
# crash, leak, sanitizer report or timeout, leaving the input that caused it
# in BUILD_DIR/artifacts/. Exits 77 (ctest: skipped) without clang.
set -euo pipefail

src=$(cd "$1" && pwd)
build=$2
seconds=${SLUICE_FUZZ_SECONDS:-20}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

cxx=$(command -v clang++-14 || command -v clang++ || true)
cc=$(command -v clang-14 || command -v clang || true)
if [ -z "$cxx" ] || [ -z "$cc" ]; then
  echo "run_fuzzers: clang not found (Debian: clang libclang-rt-14-dev); skipping"
  exit 77
fi

cmake -S "$src/tests/fuzz/build_fuzzers" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" -DSLUICE_SOURCE_DIR="$src" >"$build.configure.log" 2>&1 ||
  { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$jobs" --target sluice_fuzzers

mkdir -p "$build/artifacts"
failed=0
for target in $(cat "$build/fuzz_targets.txt"); do
  # Seeds: corpus/<target>/ plus the hand-made fixtures the plugin's own
  # tests use (and the example configs for the config loader).
  seeds=("$src/tests/fuzz/corpus/$target")
  name=${target#fuzz_}
  case $name in
    config) extra="$src/config" ;;
    *) extra="$src/plugins/parser/$name/testdata" ;;
  esac
  if [ -d "$extra" ]; then seeds+=("$extra"); fi
  work="$build/corpus/$target"  # what the fuzzer learns; kept between runs
  mkdir -p "$work"
  echo "== $target: ${seconds}s, seeds from ${seeds[*]#$src/}"
  # Findings go to artifacts/; -timeout: one input may take at most 10 s.
  if ! (cd "$build" && "./$target" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 \
          -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 "$work" "${seeds[@]}" \
          >"$build/$target.log" 2>&1); then
    echo "!! $target failed; last lines of $build/$target.log:"
    tail -n 40 "$build/$target.log"
    failed=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$build/$target.log" | tr '\n' ' '
    echo
  fi
done
exit "$failed"

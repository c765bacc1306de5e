#!/usr/bin/env bash
# Embedding from an install prefix, the way a user outside the source tree
# does (docs/embedding.md):
#   cmake --install BUILD --prefix P;
#   a separate CMake project: find_package(SluiceSDK CONFIG REQUIRED
#   COMPONENTS host) with CMAKE_PREFIX_PATH=P only, built and run
#   (tests/embedding/installed/consumer.cpp checks push/pull, stop, threads);
#   the program of docs/embedding.md, extracted from the page, built the
#   same way and run;
#   pkg-config --cflags --libs sluice: a program built without CMake.
# usage: installed_package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2

work=$(mktemp -d "${TMPDIR:-/tmp}/sluice-embed-XXXXXX")
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

# Only the prefix from here on: the projects are copied out of the tree.
step "consumer project: configure, build, run"
cp -r "$src/tests/embedding/installed" "$work/consumer"
run cmake -S "$work/consumer" -B "$work/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release
grep -q "sluice plugins: $prefix/lib/sluice/plugins" "$log" || fail "SluiceSDK_PLUGIN_DIR does not name the prefix"
run cmake --build "$work/consumer/build" -j2
"$work/consumer/build/consumer" "$work/consumer-run" | tee "$log"
grep -q "^FAIL" "$log" && fail "consumer checks"

step "the program in docs/embedding.md: extract, build, run"
mkdir -p "$work/doc"
bash "$src/tests/embedding/extract_snippets.sh" "$src/docs/embedding.md" "$work/doc"
run cmake -S "$work/doc" -B "$work/doc/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release
run cmake --build "$work/doc/build" -j2
(cd "$work/doc" && run ./build/news_feed)
grep -q "stored" "$log" || fail "the docs' program printed no acknowledgement"

step "pkg-config --cflags --libs sluice"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
pkg-config --exists sluice || fail "no sluice.pc in $PKG_CONFIG_PATH"
cat >"$work/pc.cpp" <<'CPP'
// Built with pkg-config only; plugins from $SLUICE_PLUGIN_DIR (the .pc's plugindir).
#include <iostream>
#include "sluice/host/host.hpp"
int main() {
  sluice::host::Host host;
  const auto config = host.load_config_string(
      "[pipeline.p]\n[[pipeline.p.source]]\nplugin = \"push\"\n[[pipeline.p.parser]]\nplugin = \"plain_text\"\n"
      "[[pipeline.p.sink]]\nplugin = \"pull\"\n");
  auto run = host.start(config, "p");
  sluice::sdk::RawDocument doc;
  doc.key = "a.txt";
  doc.content_type = "text/plain";
  doc.bytes = "Hello\n\nWorld.\n";
  const auto ack = run.push(doc).get();
  run.close();
  run.wait();
  std::cout << (ack.stored() ? "stored" : "failed") << "\n";
  return ack.stored() ? 0 : 1;
}
CPP
# shellcheck disable=SC2046
run c++ -O1 -o "$work/pc" "$work/pc.cpp" $(pkg-config --cflags --libs sluice)
SLUICE_PLUGIN_DIR=$(pkg-config --variable=plugindir sluice) run "$work/pc"
grep -q "^stored$" "$log" || fail "pkg-config program"
echo "all passed"

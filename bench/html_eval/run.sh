#!/usr/bin/env bash
# Evaluates the `html` parser's main-text extraction (see README.md):
#   1. the hand-written pages in plugins/parser/html/testdata (gold text);
#   2. the trafilatura evaluation set from ../shared/data/html-dev, unpacked
#      to a temporary directory (skipped with a message when absent);
#   3. optionally any set in the article-extraction-benchmark layout:
#      GOLD_JSON=ground-truth.json GOLD_PAGES=dir/with/<id>.html[.gz].
# Extra arguments go to every html_eval run (e.g. --option favor=precision).
# BUILD_DIR (default: build) is where `cmake --build ... --target html_eval` built.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
html_eval="$build/bin/html_eval"
data="${SLUICE_SHARED_DATA:-$root/../shared/data}"
tarball="$data/html-dev/trafilatura-eval.tar.xz"

if [ ! -x "$html_eval" ]; then
  echo "run.sh: $html_eval not found; build it first: cmake --build $build --target html_eval" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== hand-written pages (plugins/parser/html/testdata)"
"$html_eval" --gold "$root/plugins/parser/html/testdata/gold.json" \
  --pages "$root/plugins/parser/html/testdata" "$@"

echo
if [ -f "$tarball" ]; then
  echo "== trafilatura evaluation set ($tarball)"
  tar -xJf "$tarball" -C "$tmp"
  "$html_eval" --evaldata "$tmp/tests/evaldata.json" --pages "$tmp/tests/eval" --pages "$tmp/tests/cache" "$@"
else
  echo "== trafilatura evaluation set: $tarball not found, skipped"
fi

if [ -n "${GOLD_JSON:-}" ]; then
  echo
  echo "== $GOLD_JSON"
  pages="${GOLD_PAGES:?set GOLD_PAGES to the directory of <id>.html or <id>.html.gz files}"
  if compgen -G "$pages/*.html.gz" > /dev/null; then
    mkdir -p "$tmp/gold"
    for f in "$pages"/*.html.gz; do gunzip -c "$f" > "$tmp/gold/$(basename "$f" .gz)"; done
    pages="$tmp/gold"
  fi
  "$html_eval" --gold "$GOLD_JSON" --pages "$pages" "$@"
fi

#!/usr/bin/env bash
# Writes the code blocks of a Markdown page that name a file, e.g.
#   ```cmake file=CMakeLists.txt
# into OUT_DIR/<file>, so a test can build exactly what the page shows.
# Blocks without file= are prose examples and are left alone.
# usage: extract_snippets.sh PAGE.md OUT_DIR
set -euo pipefail
page=$1
out=$2
mkdir -p "$out"
awk -v out="$out" '
  /^```[a-z+]* +file=/ {
    match($0, /file=[^ ]+/)
    file = out "/" substr($0, RSTART + 5, RLENGTH - 5)
    printf "" > file
    next
  }
  /^```/ && file != "" { close(file); file = ""; n++; next }
  file != "" { print >> file }
  END { if (n == 0) { print "no file= blocks in the page" > "/dev/stderr"; exit 1 } }
' "$page"

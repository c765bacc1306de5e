#!/bin/sh
# The README's shell examples that read the outputs of `make run` must work
# as written: run the seed pipeline the way `make run` does, then every line
# of a ```sh block in README.md that reads out/ or runs `build/bin/sluice
# search` runs here, exits 0 and prints something.
#
# usage: readme_examples_test.sh SLUICE_BINARY SOURCE_DIR
set -u
sluice=$1
src=$2

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/config" "$dir/build/bin"
ln -s "$sluice" "$dir/build/bin/sluice"
cp "$src/config/seeds.toml" "$dir/config/"
cp -r "$src/seeds" "$dir/seeds"
unset SLUICE_PLUGIN_DIR

cd "$dir" || exit 1
if ! "$sluice" run config/seeds.toml --quiet >run.out 2>&1; then
  echo "FAIL: sluice run config/seeds.toml" >&2
  cat run.out >&2
  exit 1
fi

# Lines inside ```sh fences that read out/ or search it, not make targets.
awk '/^```sh$/ {inside = 1; next} /^```/ {inside = 0}
     inside && (/out\// || /^build\/bin\/sluice search /) && !/^make / {print}' \
  "$src/README.md" >examples.sh
count=$(wc -l <examples.sh)
if [ "$count" -eq 0 ]; then
  echo "FAIL: README.md has no shell example that reads out/ (the test would check nothing)" >&2
  exit 1
fi

status=0
while IFS= read -r line; do
  if ! output=$(sh -c "$line" 2>&1) || [ -z "$output" ]; then
    echo "FAIL: README example: $line" >&2
    echo "$output" >&2
    status=1
  else
    echo "ok: $line"
    echo "$output" | sed 's/^/    /'
  fi
done <examples.sh
exit $status

#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# bench/run_bench.sh BUILD_DIR — the end-to-end benchmark (`make bench`).
#
# Runs, on generated corpora of each size in BENCH_SIZES, the hand-written
# baseline and the same work through sluice (see README.md for the rows),
# then prints a table and PASS/MISS per target. Repetitions are interleaved
# (every row once, then again) so a noisy neighbour hits all rows alike.
#
# Environment (all optional):
#   BENCH_SIZES      corpus sizes, in articles          default "20000 200000"
#   BENCH_REPS       runs per row below 100,000 articles (1 above)  default 3
#   BENCH_SEED       corpus seed                         default 42
#   BENCH_TIMEOUT_S  a run is stopped after this long; it reports what it
#                    delivered by then, and the row is not run again
#                    default 60 + 1 s per 100 articles: a row slower than
#                    100 articles/s is stopped
#   BENCH_ROWS       only these rows (names as in `variants` below)  default all
#   BENCH_STARTUPS   `sluice validate` runs for the start-up median   default 11
#   BENCH_CORPUS_DIR where corpora are kept              default BUILD_DIR/bench-corpus
#   BENCH_WORK_DIR   configs, outputs, logs, results     default BUILD_DIR/bench-work
#   BENCH_STATE_DIR  where each run's fresh state database goes  default BENCH_WORK_DIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
source "$here/scripts/configs.sh"

build=$(cd "${1:?usage: bench/run_bench.sh BUILD_DIR}" && pwd)
sizes=${BENCH_SIZES:-20000 200000}
reps=${BENCH_REPS:-3}
seed=${BENCH_SEED:-42}
timeout_s=60  # start-up runs; each size sets its own
startups=${BENCH_STARTUPS:-11}
corpus_root=${BENCH_CORPUS_DIR:-$build/bench-corpus}
work=${BENCH_WORK_DIR:-$build/bench-work}
state_dir=${BENCH_STATE_DIR:-$work}
bin=$build/bin
plugins=$build/plugins

# Plugins come from --plugin-dir (or are compiled in), never from the caller's environment.
unset SLUICE_PLUGIN_DIR SLUICE_EXTRA_PLUGIN_DIR

for tool in sluice bench_gen_corpus bench_baseline bench_measure; do
  [[ -x $bin/$tool ]] || { echo "run_bench.sh: $bin/$tool is missing; build first (make bench)" >&2; exit 2; }
done

# Rows: name | chain | workers | runner | state db | label. The order is the table's.
# `sluice run` always keeps a state database (var/sluice.db beside the config
# when [host] names none), so "no state db" can only be measured in-process.
variants=(
  "baseline|-|1|baseline|no|baseline: hand-written, no framework"
  "min_so_1|minimal|1|sluice|yes|minimal chain, .so plugins, 1 worker"
  "min_so_2|minimal|2|sluice|yes|minimal chain, .so plugins, 2 workers"
  "min_in_1|minimal|1|inprocess|yes|minimal chain, in-process, 1 worker"
  "min_nostate_1|minimal|1|inprocess|no|  info: minimal, in-process, no state db"
  "min_fsync_1|minimal_fsync|1|sluice|yes|  info: minimal, 1 worker, jsonl fsync on"
  "full_so_1|full|1|sluice|yes|full chain + sqlite, 1 worker"
  "full_so_2|full|2|sluice|yes|full chain + sqlite, 2 workers"
  "full_sinks_1|full_sinks|1|sluice|yes|  info: full chain without enrichers, 1 worker"
)

# The full chain: the enrichers of the default pipeline (config/seeds.toml),
# in its order, that this build has.
known_enrichers=$(awk '/^\[\[pipeline\.[^]]*\.enrich\]\]/ { wanted = 1; next }
  wanted && /^plugin *=/ { gsub(/^plugin *= *"|".*$/, ""); print; wanted = 0 }' "$repo/config/seeds.toml")
built=$("$bin/sluice" plugins --plugin-dir "$plugins" | awk '$1 == "enricher" { print $2 }')
BENCH_ENRICHERS=""
for e in $known_enrichers; do
  if grep -qx "$e" <<<"$built"; then BENCH_ENRICHERS+="${BENCH_ENRICHERS:+ }$e"; fi
done
export BENCH_ENRICHERS

declare -A disabled=()  # row -> why it is not run (any more)
if [[ -z $BENCH_ENRICHERS ]]; then
  disabled[full_so_1]="no enricher is built"
  disabled[full_so_2]="no enricher is built"
  disabled[full_sinks_1]="no enricher is built"
fi
if [[ ! -x $bin/bench_inprocess ]]; then disabled[min_in_1]="bench_inprocess is not built"; fi
if [[ -n ${BENCH_ROWS:-} ]]; then
  for row in "${variants[@]}"; do
    [[ " $BENCH_ROWS " == *" ${row%%|*} "* ]] || disabled[${row%%|*}]="not in BENCH_ROWS"
  done
fi

mkdir -p "$work/logs" "$corpus_root" "$state_dir"
results=$work/results.tsv
: >"$results"
: >"$work/sizes.tsv"
: >"$work/startup.tsv"
: >"$work/enrichers.tsv"
: >"$work/load.tsv"
: >"$work/threads.tsv"
checks=()

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# measure LOG WATCH_DIR -- COMMAND...: runs COMMAND under bench_measure
# (WATCH_DIR "" samples no open files); fills m[wall_s], m[user_s], ...
declare -A m=()
measure() {
  local log=$1 watch=$2 line kv
  shift 3
  line=$("$bin/bench_measure" --log "$log" ${watch:+--watch "$watch"} --timeout "$timeout_s" -- "$@")
  for kv in $line; do m[${kv%%=*}]=${kv#*=}; done
}

# The output with fetched_at_ms (the only field that differs run to run) removed.
stripped() { sed 's/"fetched_at_ms":[0-9]*,//' "$1"; }

# ensure_corpus N: generates the corpus once; a complete one has its manifest.
ensure_corpus() {
  local n=$1 dir=$corpus_root/n$1-s$seed
  if ! grep -qx "articles $n" "$dir/.corpus" 2>/dev/null; then
    rm -rf "$dir"
    echo "generating $n articles (seed $seed) in $dir ..." >&2
    "$bin/bench_gen_corpus" "$n" "$seed" "$dir" >&2
  fi
  echo "$dir"
}

# run_row SIZE CORPUS ROW REP
run_row() {
  local size=$1 corpus=$2 rep=$4 name chain workers runner use_state label
  IFS='|' read -r name chain workers runner use_state label <<<"$3"
  local out=$work/out-$name config=$work/$name.toml log=$work/logs/$size-$name-$rep.log state=""
  rm -rf "$out" && mkdir -p "$out"
  if [[ $use_state == yes ]]; then
    state=$state_dir/state-$name.db
    rm -f "$state" "$state"-wal "$state"-shm
  fi
  case $runner in
    baseline) measure "$log" "$corpus" -- "$bin/bench_baseline" "$corpus" "$out/out.jsonl" ;;
    sluice)
      write_config "$config" "$chain" "$workers" "$corpus" "$out" "$state"
      measure "$log" "$corpus" -- "$bin/sluice" run "$config" --plugin-dir "$plugins" ;;
    inprocess)
      write_config "$config" "$chain" "$workers" "$corpus" "$out" "$state"
      measure "$log" "$corpus" -- "$bin/bench_inprocess" "$config" ;;
  esac
  local delivered=0
  [[ -f $out/out.jsonl ]] && delivered=$(wc -l <"$out/out.jsonl")
  # The columns report.awk reads, in its order.
  local field columns=("$size" "$name" "$rep")
  for field in wall_s user_s sys_s max_rss_kb exit timed_out open_max fds_max; do columns+=("${m[$field]}"); done
  columns+=("$delivered" "${m[samples]}")
  (IFS=$'\t' && echo "${columns[*]}") >>"$results"
  printf '%s\t%s\t%s\t%s\n' "$size" "$name" "$rep" "${m[threads]:--}" >>"$work/threads.tsv"
  printf '  %-8s %-46s run %d: %8.3f s  %s articles  exit %s%s\n' "$size" "$label" "$rep" "${m[wall_s]}" \
    "$delivered" "${m[exit]}" "$([[ ${m[timed_out]} == 1 ]] && echo '  (time limit)')" >&2

  if [[ ${m[timed_out]} == 1 ]]; then
    disabled[$name]="stopped at the ${timeout_s} s limit at $size articles"
  elif [[ ${m[exit]} != 0 || $delivered != "$size" ]]; then
    disabled[$name]="failed at $size articles (exit ${m[exit]}, $delivered of $size delivered; see $log)"
  elif awk -v w="${m[wall_s]}" -v t="$timeout_s" 'BEGIN { exit !(w > t / 5) }'; then
    slow[$name]=1  # long enough that one run says enough at this size
  fi

  # Same output as the baseline, except fetched_at_ms: checked on the first
  # run of each size, then the outputs go (200,000 articles are ~1 GB each).
  if [[ $rep == 1 && $name == baseline && ${m[exit]} == 0 ]]; then
    stripped "$out/out.jsonl" >"$work/baseline.expected"
  elif [[ $rep == 1 && ($name == min_so_1 || $name == min_in_1) && -f $work/baseline.expected ]]; then
    if stripped "$out/out.jsonl" | cmp -s - "$work/baseline.expected"; then
      checks+=("  $size  $name output = baseline output, byte for byte (fetched_at_ms aside): PASS")
    else
      checks+=("  $size  $name output differs from the baseline's: MISS (kept: $out/out.jsonl)")
      return
    fi
  fi
  rm -rf "$out"
  if [[ -n $state ]]; then rm -f "$state" "$state"-wal "$state"-shm; fi
}

echo "sluice benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo |
  cut -d: -f2 | sed 's/^ //')), load average $(loadavg)"
echo "build: $build    full chain enrichers: ${BENCH_ENRICHERS:-none built}"

# Start-up: load every plugin in the build and validate the default config.
echo "start-up: $startups x sluice validate config/seeds.toml ..." >&2
for ((i = 0; i < startups; i++)); do
  (
    cd "$repo"
    export SLUICE_EXTRA_PLUGIN_DIR=$plugins  # config/seeds.toml's plugin_dirs
    measure "$work/logs/startup.log" "" -- "$bin/sluice" validate config/seeds.toml
    printf '%s\t%s\n' "${m[wall_s]}" "$(awk -v u="${m[user_s]}" -v s="${m[sys_s]}" 'BEGIN { print u + s }')"
  ) >>"$work/startup.tsv"
done
if ! grep -q ': ok' "$work/logs/startup.log"; then
  echo "sluice validate config/seeds.toml failed:" >&2
  cat "$work/logs/startup.log" >&2
fi
n_plugins=$("$bin/sluice" plugins --plugin-dir "$plugins" | tail -n +2 | grep -c '')
echo "start-up loads $n_plugins plugins from $plugins"

for size in $sizes; do
  # Corpus (4 KB/article) plus two JSONL outputs and an SQLite file alive at once.
  need_kb=$((size * 16))
  free_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
  if ((free_kb < need_kb)); then
    echo "skipping $size articles: $((free_kb / 1024)) MB free under $work, it needs about $((need_kb / 1024)) MB"
    continue
  fi
  timeout_s=${BENCH_TIMEOUT_S:-$((60 + size / 100))}
  corpus=$(ensure_corpus "$size")
  printf '%s\t%s\n' "$size" "$(awk '$1 == "bytes" { print $2 }' "$corpus/.corpus")" >>"$work/sizes.tsv"
  "$bin/bench_baseline" "$corpus" /dev/null >/dev/null  # warm the page cache: every row reads from memory
  n_reps=$reps
  if ((size >= 100000)); then n_reps=1; fi
  declare -A slow=()
  echo "$size articles: $n_reps run(s) per row, time limit ${timeout_s} s per run, load average $(loadavg)"
  for ((rep = 1; rep <= n_reps; rep++)); do
    for row in "${variants[@]}"; do
      name=${row%%|*}
      # A disabled row is skipped; a slow one runs once per size.
      if [[ -n ${disabled[$name]:-} || (rep -gt 1 && -n ${slow[$name]:-}) ]]; then continue; fi
      run_row "$size" "$corpus" "$row" "$rep"
    done
  done
  rm -f "$work/baseline.expected"
  # The enrichers' own cost, outside any run (bench_enrichers: one thread,
  # a real state store), to compare with what they cost inside the full chain.
  if [[ -n $BENCH_ENRICHERS && -z ${disabled[full_so_1]:-} && -x $bin/bench_enrichers ]]; then
    iso_n=$((size < 5000 ? size : 5000))
    echo "bench_enrichers $iso_n (isolated enricher cost) ..." >&2
    "$bin/bench_enrichers" "$iso_n" >"$work/logs/$size-bench_enrichers.log" 2>&1 &&
      awk -v size="$size" '$1 == "all" && $2 == "nine" { print size "\t" $3 }' \
        "$work/logs/$size-bench_enrichers.log" >>"$work/enrichers.tsv"
  fi
  printf '%s\t%s\n' "$size" "$(loadavg)" >>"$work/load.tsv"
  echo "$size articles done, load average $(loadavg)"
done

printf '%s\n' "${variants[@]}" | awk -F'|' -v OFS='\t' '{ print $1, $6 }' >"$work/variants.tsv"
awk -f "$here/scripts/report.awk" "$work/variants.tsv" "$work/sizes.tsv" "$results" "$work/startup.tsv" \
  "$work/enrichers.tsv" "$work/load.tsv"
echo "load average at the end: $(loadavg) (wall-time figures on a loaded machine measure the neighbours too)"
echo
echo "CPU s by thread (main thread first, then in start order: source, workers, sink), first run of each:"
awk -F'\t' '$2 ~ /^full_so_|^min_so_1$/ && $3 == 1 { printf "  %-8s %-12s %s\n", $1, $2, $4 }' "$work/threads.tsv"
echo
echo "Output checks"
if ((${#checks[@]})); then printf '%s\n' "${checks[@]}"; else echo "  none ran"; fi
for name in "${!disabled[@]}"; do echo "not run (further): $name: ${disabled[$name]}"; done
echo "logs (each run's summary with per-stage seconds): $work/logs"
! printf '%s\n' "${checks[@]}" | grep -q MISS

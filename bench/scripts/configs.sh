# shellcheck shell=bash
# The pipelines the benchmark runs, as TOML. Sourced by run_bench.sh.
#
# write_config FILE CHAIN WORKERS CORPUS OUTPUT_DIR STATE_FILE
#   CHAIN    minimal        files -> seed_text -> jsonl (fsync off: the
#                           baseline does not sync either)
#            minimal_fsync  the same with the jsonl default, fsync on
#            full           files -> seed_text -> every enricher in
#                           $BENCH_ENRICHERS -> jsonl (fsync off) + sqlite
#            full_sinks     the full chain without its enrichers: what the
#                           enrichers cost in a run is full minus this
#   STATE_FILE  a fresh state database, or "" for none
# Every option not named here is the plugin's default. No plugin_dirs: the
# caller says where plugins come from (--plugin-dir, or compiled in).

write_config() {
  local file=$1 chain=$2 workers=$3 corpus=$4 out=$5 state=$6
  {
    if [[ -n $state ]]; then
      printf '[host]\nstate = "%s"\n\n' "$state"
    fi
    printf '[pipeline.bench]\nschedule = "once"\nworkers = %s\n\n' "$workers"
    printf '[[pipeline.bench.source]]\nplugin = "files"\npath = "%s"\ninclude = ["*.txt"]\nincremental = false\n\n' \
      "$corpus"
    printf '[[pipeline.bench.parser]]\nplugin = "seed_text"\n\n'
    if [[ $chain == full ]]; then
      local e
      for e in $BENCH_ENRICHERS; do printf '[[pipeline.bench.enrich]]\nplugin = "%s"\n\n' "$e"; done
    fi
    printf '[[pipeline.bench.sink]]\nplugin = "jsonl"\npath = "%s/out.jsonl"\nmode = "truncate"\n' "$out"
    [[ $chain == minimal_fsync ]] || printf 'fsync = false\n'
    if [[ $chain == full || $chain == full_sinks ]]; then
      printf '\n[[pipeline.bench.sink]]\nplugin = "sqlite"\npath = "%s/out.db"\n' "$out"
    fi
  } >"$file"
}

#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# bench/peers/run_peers.sh BUILD_DIR — `make bench-peers`: rsyslog and
# syslog-ng (unpacked by install_peers.sh under BUILD_DIR/peers/root) on the
# benchmark corpus, one file = one record written as a JSON line, alternated
# with sluice's minimal chain (files -> seed_text -> jsonl, 1 worker); prints
# files/s, MB/s, CPU s and peak RSS side by side, with ratios to sluice.
#
# How each peer makes one record of one file (neither has a "whole file"
# mode; both read files line by line and join lines into a message):
#   rsyslog    imfile over "*.txt" (inotify), startmsg.regex "^ date " (every
#              corpus file starts with its dateline), readTimeout 1 s: a
#              file's last message is only complete after 1 s without data;
#              omfile with a list template of the file name and the message
#              as JSON strings.
#   syslog-ng  wildcard-file() over "*.txt", multi-line-mode(prefix-garbage)
#              with prefix "^ date ", multi-line-timeout(2) (the least its
#              check allows with follow-freq(1)) for the same reason;
#              file() with $(format-json) of the message.
# Both are daemons: a run ends when the output holds every file's record
# (polled every 50 ms) or at the time limit, and the daemon is stopped then,
# so their wall time includes the flush timeout once, and CPU time what they
# spent polling. sluice parses the seed format into articles; the peers only
# move bytes, so this compares plumbing, not the same work.
#
# Environment: PEERS_SIZE (20000), PEERS_REPS (3), PEERS_TIMEOUT_S (60 +
# 1 s per 100 files), BENCH_SEED (42), BENCH_CORPUS_DIR, PEERS_WORK_DIR.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../scripts/configs.sh"
build=$(cd "${1:?usage: bench/peers/run_peers.sh BUILD_DIR}" && pwd)
size=${PEERS_SIZE:-20000}
reps=${PEERS_REPS:-3}
seed=${BENCH_SEED:-42}
timeout_s=${PEERS_TIMEOUT_S:-$((60 + size / 100))}
root=$build/peers/root
bin=$build/bin
corpus=${BENCH_CORPUS_DIR:-$build/bench-corpus}/n$size-s$seed
work=${PEERS_WORK_DIR:-$build/peers-work}
unset SLUICE_PLUGIN_DIR SLUICE_EXTRA_PLUGIN_DIR

[[ -x $root/usr/sbin/rsyslogd && -x $root/usr/sbin/syslog-ng ]] ||
  { echo "run_peers.sh: peers missing under $root; run bench/peers/install_peers.sh $build/peers" >&2; exit 2; }
if ! grep -qx "articles $size" "$corpus/.corpus" 2>/dev/null; then
  rm -rf "$corpus"
  "$bin/bench_gen_corpus" "$size" "$seed" "$corpus" >&2
fi
mkdir -p "$work"
results=$work/results.tsv
: >"$results"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

rsyslog_conf() {  # DIR
  cat <<CONF
global(workDirectory="$1/state" maxMessageSize="1m")
module(load="$root/usr/lib/x86_64-linux-gnu/rsyslog/imfile.so" mode="inotify")
template(name="record" type="list") {
  constant(value="{\"file\":\"") property(name="\$!metadata!filename" format="json")
  constant(value="\",\"text\":\"") property(name="msg" format="json") constant(value="\"}\n")
}
input(type="imfile" file="$corpus/*.txt" tag="corpus" addMetadata="on" startmsg.regex="^ date "
      readTimeout="1" escapeLF="off" ruleset="out")
ruleset(name="out") { action(type="omfile" file="$1/out.jsonl" template="record") }
CONF
}

syslog_ng_conf() {  # DIR
  cat <<CONF
@version: 3.38
options { log-msg-size(1048576); stats-freq(0); };
source s_corpus {
  wildcard-file(base-dir("$corpus") filename-pattern("*.txt") recursive(no) flags(no-parse)
    multi-line-mode(prefix-garbage) multi-line-prefix("^ date ") multi-line-timeout(2)
    follow-freq(1) max-files($((size + 16))) log-msg-size(1048576));
};
destination d_out { file("$1/out.jsonl" template("\$(format-json text=\${MESSAGE})\n")); };
log { source(s_corpus); destination(d_out); };
CONF
}

# run_daemon NAME REP PIDFILE -- COMMAND...: until the output has $size lines.
run_daemon() {
  local name=$1 rep=$2 pidfile=$3 dir=$work/$1
  shift 4
  "$bin/bench_measure" --log "$dir/log-$rep.txt" --timeout "$timeout_s" -- "$@" >"$dir/measure-$rep.txt" &
  local measure=$! waited=0
  while (($( (wc -l <"$dir/out.jsonl") 2>/dev/null || echo 0) < size)) && ((waited < timeout_s * 20)); do
    sleep 0.05
    waited=$((waited + 1))
  done
  [[ -f $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  wait "$measure" || true
}

run_one() {  # NAME REP
  local name=$1 rep=$2 dir=$work/$1
  rm -rf "$dir" && mkdir -p "$dir/state"
  case $name in
    sluice)
      write_config "$dir/chain.toml" minimal 1 "$corpus" "$dir" "$dir/state/sluice.db"
      "$bin/bench_measure" --log "$dir/log-$rep.txt" --timeout "$timeout_s" -- \
        "$bin/sluice" run "$dir/chain.toml" --plugin-dir "$build/plugins" >"$dir/measure-$rep.txt" ;;
    rsyslog)
      rsyslog_conf "$dir" >"$dir/rsyslog.conf"
      run_daemon rsyslog "$rep" "$dir/pid" -- "$root/usr/sbin/rsyslogd" -n -f "$dir/rsyslog.conf" \
        -i "$dir/pid" -M "$root/usr/lib/x86_64-linux-gnu/rsyslog" ;;
    syslog-ng)
      syslog_ng_conf "$dir" >"$dir/syslog-ng.conf"
      run_daemon syslog-ng "$rep" "$dir/pid" -- env LD_LIBRARY_PATH="$root/usr/lib/syslog-ng" \
        "$root/usr/sbin/syslog-ng" -F -f "$dir/syslog-ng.conf" --module-path="$root/usr/lib/syslog-ng/3.38" \
        -R "$dir/state/persist" -p "$dir/pid" -c "$dir/state/ctl" ;;
  esac
  local delivered=0 line kv
  delivered=$( (wc -l <"$dir/out.jsonl") 2>/dev/null || echo 0)
  declare -A m=()
  line=$(cat "$dir/measure-$rep.txt")
  for kv in $line; do m[${kv%%=*}]=${kv#*=}; done
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rep" "${m[wall_s]}" "$(awk -v u="${m[user_s]}" -v s="${m[sys_s]}" \
    'BEGIN { print u + s }')" "${m[max_rss_kb]}" "$delivered" >>"$results"
  printf '  %-10s run %d: %8.3f s  %s of %s records\n' "$name" "$rep" "${m[wall_s]}" "$delivered" "$size" >&2
}

echo "peers — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $size files ($(du -sh "$corpus" | cut -f1)), load average $(loadavg)"
"$bin/bench_baseline" "$corpus" /dev/null >/dev/null  # warm the page cache
for ((rep = 1; rep <= reps; rep++)); do
  for name in sluice rsyslog syslog-ng; do run_one "$name" "$rep"; done
done
bytes=$(awk '$1 == "bytes" { print $2 }' "$corpus/.corpus")
awk -F'\t' -v size="$size" -v bytes="$bytes" -f "$here/peers_report.awk" "$results"
echo "load average at the end: $(loadavg)"
echo "modes: rsyslog imfile + startmsg.regex (1 s readTimeout), syslog-ng wildcard-file + multi-line prefix"
echo "(2 s multi-line-timeout): neither has a whole-file mode; sluice parses articles, the peers copy text."

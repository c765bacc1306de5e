#!/usr/bin/env bash
# A real, throw-away PostgreSQL server for tests.
#
#   postgres_server.sh start  STATE_DIR [WATCH_PID]
#   postgres_server.sh pause  STATE_DIR   # stop the server, keep its data
#   postgres_server.sh resume STATE_DIR   # start it again, same port and data
#   postgres_server.sh stop   STATE_DIR   # stop it and delete everything
#   postgres_server.sh exec   STATE_DIR COMMAND [ARGS...]
#
# `start` runs initdb into a fresh temporary directory, starts postgres on
# 127.0.0.1 with a free port (and a unix socket in that directory), waits
# for pg_isready and creates the database `sluice`. It writes:
#   STATE_DIR/env      sourceable: PGHOST PGPORT PGUSER PGDATABASE and
#                      SLUICE_POSTGRES_URL (postgresql://sluice@127.0.0.1:PORT/sluice)
#   STATE_DIR/url      the URL alone
# `exec` runs COMMAND with those variables exported, e.g. around a test
# whose config says connection = "${SLUICE_POSTGRES_URL}".
#
# CMake users: tests/support/PostgresFixture.cmake wraps this as the ctest
# fixture `postgres`. C++ tests: tests/support/postgres_fixture.hpp.
#
# initdb and postgres refuse to run as root; as root they run as the
# `postgres` system user (from the postgresql package) in a directory it
# owns. A watchdog stops the server when WATCH_PID (default: the caller,
# e.g. ctest; from an interactive shell pass $$) is gone, so an aborted
# test run leaves no server behind.
set -euo pipefail
SELF="$(readlink -f "$0")"

die() {
  echo "postgres_server.sh: $*" >&2
  exit 1
}

bindir() {
  local dir
  dir="$(pg_config --bindir 2>/dev/null || true)"
  if [[ -x "$dir/initdb" ]]; then
    echo "$dir"
    return
  fi
  # Debian keeps the server binaries out of PATH, one directory per version.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" ]]; then
      echo "$dir"
      return
    fi
  done
  die "no PostgreSQL server binaries (initdb) found; install the postgresql package"
}

# Runs a server binary as the user that owns the data directory.
as_owner() {
  # From / so the server user never needs access to the caller's directory.
  if [[ "$(id -u)" == 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

load_state() {
  [[ -f "$STATE/datadir" ]] || die "$STATE holds no server (run start first)"
  DATA="$(cat "$STATE/datadir")"
  PORT="$(cat "$STATE/port")"
}

pg_start() {
  as_owner "$BIN/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w -t 120 -o "-p $PORT" start >/dev/null
}

wait_ready() {
  local i
  for i in $(seq 1 240); do
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d postgres; then return 0; fi
    sleep 0.5
  done
  return 1
}

# Stops the server when the watched process is gone (ctest aborted, a test
# killed). Runs detached, so it outlives this script.
watchdog() {
  local pid="$1"
  (
    trap '' HUP INT
    while kill -0 "$pid" 2>/dev/null && [[ -f "$STATE/datadir" ]]; do sleep 2; done
    if [[ -f "$STATE/datadir" ]] && [[ "$(cat "$STATE/datadir")" == "$DATA" ]]; then
      "$SELF" stop "$STATE" >/dev/null 2>&1 || true
    fi
  ) </dev/null >/dev/null 2>&1 &
  disown
}

on_start_exit() {
  [[ "${START_OK:-1}" == 1 ]] && return
  echo "postgres_server.sh: start failed; server log:" >&2
  cat "$DATA/pg_ctl.log" "$DATA/server.log" >&2 2>/dev/null || true
  "$SELF" stop "$STATE" >/dev/null 2>&1 || true
}

cmd_start() {
  local watch="${1:-$PPID}"
  [[ ! -f "$STATE/datadir" ]] || "$SELF" stop "$STATE" || true
  mkdir -p "$STATE"
  DATA="$(mktemp -d "${TMPDIR:-/tmp}/sluice-pg.XXXXXX")"
  chmod 755 "$DATA"
  [[ "$(id -u)" != 0 ]] || chown postgres: "$DATA"
  echo "$DATA" >"$STATE/datadir"
  # From here on, a failure stops whatever was started and removes the dir.
  START_OK=0
  trap 'on_start_exit' EXIT

  as_owner "$BIN/initdb" -D "$DATA/db" -U sluice --auth=trust -E UTF8 --no-locale --no-sync >"$DATA/initdb.log" 2>&1 ||
    { cat "$DATA/initdb.log" >&2; false; }
  # Throw-away data: no fsync. Small memory, so parallel test servers fit.
  as_owner tee -a "$DATA/db/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DATA'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 60
log_min_messages = warning
EOF
  # A free port: random, and another one if something else holds it.
  local attempt started=0
  for attempt in $(seq 1 20); do
    PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    echo "$PORT" >"$STATE/port"
    if pg_start 2>>"$DATA/pg_ctl.log"; then
      started=1
      break
    fi
  done
  [[ "$started" == 1 ]] || die "postgres did not start on any of 20 ports"
  wait_ready || die "postgres on port $PORT never became ready"
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U sluice sluice
  local url="postgresql://sluice@127.0.0.1:$PORT/sluice"
  cat >"$STATE/env" <<EOF
export PGHOST=127.0.0.1
export PGPORT=$PORT
export PGUSER=sluice
export PGDATABASE=sluice
export SLUICE_POSTGRES_URL=$url
EOF
  echo "$url" >"$STATE/url"
  START_OK=1
  watchdog "$watch"
  echo "postgres_server.sh: PostgreSQL on $url (data in $DATA)"
}

cmd_pause() {
  load_state
  as_owner "$BIN/pg_ctl" -D "$DATA/db" -m fast -w -t 120 stop >/dev/null
}

cmd_resume() {
  load_state
  pg_start
  wait_ready || die "postgres on port $PORT never became ready again"
}

cmd_stop() {
  [[ -f "$STATE/datadir" ]] || return 0
  DATA="$(cat "$STATE/datadir")"
  if [[ -f "$DATA/db/postmaster.pid" ]]; then
    as_owner "$BIN/pg_ctl" -D "$DATA/db" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DATA"
  rm -f "$STATE/datadir" "$STATE/port" "$STATE/env" "$STATE/url"
}

cmd_exec() {
  [[ -f "$STATE/env" ]] || die "$STATE holds no running server (did the postgres fixture start?)"
  # shellcheck source=/dev/null
  . "$STATE/env"
  exec "$@"
}

[[ $# -ge 2 ]] || die "usage: postgres_server.sh start|pause|resume|stop|exec STATE_DIR [...]"
verb="$1"
STATE="$2"
shift 2
[[ "$STATE" == /* ]] || STATE="$PWD/$STATE"
BIN="$(bindir)"
case "$verb" in
  start) cmd_start "$@" ;;
  pause) cmd_pause ;;
  resume) cmd_resume ;;
  stop) cmd_stop ;;
  exec) cmd_exec "$@" ;;
  *) die "unknown verb '$verb'" ;;
esac

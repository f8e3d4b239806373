#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests (CI's real-PostgreSQL leg), from Debian's postgresql-15 binaries.
#
#   scripts/pg15.sh start   initdb into a temp dir, start on 127.0.0.1:<free port> (trust auth, fsync off)
#   scripts/pg15.sh url     print postgres://postgres@127.0.0.1:<port>/postgres
#   scripts/pg15.sh stop    stop the postmaster (by its pid file) and remove the data dir
#
# State (data dir, port) lives in $YX_PG15_STATE (default /tmp/yx-pg15.state), so `url` and `stop` find it.
# initdb refuses to run as root: as root, the cluster runs as the `postgres` OS user (created by the
# postgresql-common package), which then owns the temp dir.
set -euo pipefail

BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
STATE=${YX_PG15_STATE:-/tmp/yx-pg15.state}

die() {
  echo "pg15.sh: $*" >&2
  exit 1
}

# Run a command as the cluster's OS user (postgres when we are root, else ourselves).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

read_state() {
  [ -f "$STATE" ] || die "not running (no state file $STATE); run: scripts/pg15.sh start"
  # shellcheck disable=SC1090
  . "$STATE"
  [ -n "${PGDIR:-}" ] && [ -n "${PGPORT:-}" ] || die "state file $STATE is incomplete"
}

running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
  [ -f "$PGDIR/data/postmaster.pid" ] && kill -0 "$(head -1 "$PGDIR/data/postmaster.pid")" 2>/dev/null
}

cmd_start() {
  [ -x "$BIN/initdb" ] || die "no $BIN/initdb; install it with: apt-get install -y postgresql-15"
  if running; then
    die "already running on port $PGPORT (data $PGDIR); run: scripts/pg15.sh stop"
  elif [ -f "$STATE" ]; then
    # a cluster that died without `stop` (a killed CI job, a reboot): forget it
    rm -rf "${PGDIR:-/nonexistent}"
    rm -f "$STATE"
  fi
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user"
  fi

  local port=${YX_PG15_PORT:-55432}
  while ! port_free "$port"; do
    port=$((port + 1))
    [ "$port" -lt 55532 ] || die "no free port in 55432-55531"
  done

  local dir
  dir=$(mktemp -d /tmp/yx-pg15.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"

  if ! as_owner "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    die "initdb failed"
  fi
  # Unix socket in the data dir (not /var/run/postgresql, which may not exist); TCP on loopback only. A port that
  # looked free can still be taken when we bind (another cluster starting, a busy ephemeral range): try the next.
  local attempt
  for attempt in 1 2 3 4 5; do
    printf 'PGDIR=%q\nPGPORT=%q\n' "$dir" "$port" >"$STATE"
    if as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      return 0
    fi
    grep -q 'could not bind' "$dir/server.log" 2>/dev/null || break
    port=$((port + 1 + RANDOM % 50))
  done
  cat "$dir/server.log" >&2 || true
  die "pg_ctl start failed"
}

cmd_stop() {
  if [ ! -f "$STATE" ]; then
    echo "pg15.sh: not running" >&2
    return 0
  fi
  read_state
  local pidfile="$PGDIR/data/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pid
    pid=$(head -1 "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -INT "$pid" # fast shutdown
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
  fi
  rm -rf "$PGDIR"
  rm -f "$STATE"
}

cmd_url() {
  read_state
  echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
url) cmd_url ;;
*)
  echo "usage: scripts/pg15.sh start|stop|url" >&2
  exit 2
  ;;
esac

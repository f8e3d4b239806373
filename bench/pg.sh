#!/usr/bin/env bash
# A throwaway, durable (fsync on) PostgreSQL 15 cluster for the benchmarks, on port $BENCH_PG_PORT (55433).
#   bench/pg.sh start   initdb into a fresh temp dir (as the `postgres` OS user when run as root) and start it
#   bench/pg.sh url     print the DATABASE_URL of the running cluster
#   bench/pg.sh stop    stop it (SIGINT to the postmaster pid: "fast" shutdown) and delete the temp dir
# Two benchmarks can run side by side with their own BENCH_PG_PORT and BENCH_PG_STATE.
# BENCH_PG_OPTS adds server settings, e.g. "-c max_connections=1100" for pgbench at 1,000 clients.
set -euo pipefail

PORT=${BENCH_PG_PORT:-55433}
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
STATE=${BENCH_PG_STATE:-/tmp/yanxun-bench-pg-$PORT.dir}   # holds the path of the running cluster's temp dir

as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    if [ -f "$STATE" ] && [ -f "$(cat "$STATE")/data/postmaster.pid" ]; then
      echo "already running in $(cat "$STATE")" >&2
      exit 0
    fi
    DIR=$(mktemp -d /tmp/yanxun-bench-pg.XXXXXX)
    chmod 755 "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    as_pg "'$BIN/initdb' -D '$DIR/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$DIR/initdb.log'"
    # fsync stays on (the default): the figures are those of a durable server.
    as_pg "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w \
      -o \"-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB ${BENCH_PG_OPTS:-}\" start >/dev/null"
    echo "$DIR" >"$STATE"
    as_pg "'$BIN/psql' -h 127.0.0.1 -p $PORT -U postgres -qAt -c 'CREATE DATABASE bench'" >/dev/null
    echo "started PostgreSQL 15 in $DIR on 127.0.0.1:$PORT"
    ;;
  url)
    echo "postgres://postgres@127.0.0.1:$PORT/bench"
    ;;
  stop)
    if [ ! -f "$STATE" ]; then
      echo "not running" >&2
      exit 0
    fi
    DIR=$(cat "$STATE")
    if [ -f "$DIR/data/postmaster.pid" ]; then
      PID=$(head -1 "$DIR/data/postmaster.pid")
      kill -INT "$PID"
      for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$DIR" "$STATE"
    echo "stopped"
    ;;
  *)
    echo "usage: bench/pg.sh start|stop|url" >&2
    exit 2
    ;;
esac

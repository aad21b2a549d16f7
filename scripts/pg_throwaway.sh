#!/bin/sh
# A throwaway PostgreSQL cluster for tests: temp dir, 127.0.0.1 only, a free port, trust auth.
#
#   eval "$(scripts/pg_throwaway.sh start)"   # exports REKENSCHAP_TEST_DATABASE_URL, PG_THROWAWAY_DIR
#   ... run tests ...
#   scripts/pg_throwaway.sh stop "$PG_THROWAWAY_DIR"
#
# In CI:  eval "$(scripts/pg_throwaway.sh start)"; trap 'scripts/pg_throwaway.sh stop "$PG_THROWAWAY_DIR"' EXIT
# Needs Debian's postgresql (binaries in /usr/lib/postgresql/<version>/bin). As root the cluster
# runs as the "postgres" user (initdb refuses root).
set -eu
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$BIN/initdb" ] || { echo "pg_throwaway: no PostgreSQL binaries (apt-get install postgresql)" >&2; exit 2; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    DIR=$(mktemp -d /tmp/pg-throwaway.XXXXXX)
    chmod 755 "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$BIN/initdb" -D "$DIR/data" -U rekenschap -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$DIR/server.log" >&2; exit 1; }
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U rekenschap rekenschap
    echo "export PG_THROWAWAY_DIR=$DIR"
    echo "export REKENSCHAP_TEST_DATABASE_URL=postgresql://rekenschap@127.0.0.1:$PORT/rekenschap"
    ;;
stop)
    DIR=${2:?usage: pg_throwaway.sh stop DIR}
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac

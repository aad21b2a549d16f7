#!/usr/bin/env bash
# Set up and run every test: lint, types, the whole suite (SQLite as the web app's database),
# then the database-backed web tests again on a real, throwaway PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# shellcheck disable=SC1091
. .venv/bin/activate

echo "== ruff"
ruff check src tests bench scripts
echo "== mypy"
mypy

# A throwaway PostgreSQL cluster on 127.0.0.1, stopped and removed on exit.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
pg_tmp=""
stop_pg() {
  if [ -n "$pg_tmp" ] && [ -d "$pg_tmp" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_tmp"
  fi
}
as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ -n "$pg_bin" ]; then
  pg_tmp="$(mktemp -d /tmp/rekenschap-pg.XXXXXX)"
  trap stop_pg EXIT
  [ "$(id -u)" = "0" ] && chown postgres "$pg_tmp"
  pg_port="$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_pg "$pg_bin/initdb" -D "$pg_tmp/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w \
    -o "-h 127.0.0.1 -p $pg_port -k $pg_tmp -F -c fsync=off" start >/dev/null
  pg_url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
  echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
else
  pg_url=""
  echo "== PostgreSQL not installed: its tests will skip"
fi

echo "== pytest (SQLite)"
env -u REKENSCHAP_TEST_DATABASE_URL python -m pytest -q -n 2 --dist loadfile "$@"
if [ -n "$pg_url" ]; then
  echo "== pytest tests/web (PostgreSQL)"
  REKENSCHAP_TEST_DATABASE_URL="$pg_url" python -m pytest -q -n 2 --dist loadfile tests/web
fi

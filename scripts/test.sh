#!/usr/bin/env bash
# Set up and run every test: lint, types, the whole suite (SQLite as the web app's database),
# then the web tests again on a real, throwaway PostgreSQL cluster (scripts/pg_throwaway.sh).
# Extra arguments go to the first pytest run, e.g.  bash scripts/test.sh tests/model
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# shellcheck disable=SC1091
. .venv/bin/activate

echo "== ruff"
ruff check src tests bench scripts
echo "== mypy (strict)"
mypy

PG_THROWAWAY_DIR=""
stop_pg() {
  if [ -n "$PG_THROWAWAY_DIR" ]; then scripts/pg_throwaway.sh stop "$PG_THROWAWAY_DIR"; fi
}
trap stop_pg EXIT
if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  pg_env="$(scripts/pg_throwaway.sh start)"
  eval "$pg_env"
  pg_url="$REKENSCHAP_TEST_DATABASE_URL"
  unset REKENSCHAP_TEST_DATABASE_URL
  echo "== PostgreSQL cluster at ${pg_url}"
else
  pg_url=""
  echo "== PostgreSQL not installed: the PostgreSQL run is skipped"
fi

echo "== pytest, everything (web app on SQLite)"
python -m pytest -q -n 2 --dist loadfile "$@"
if [ -n "$pg_url" ] && [ "$#" -eq 0 ]; then
  echo "== pytest tests/web (web app on PostgreSQL)"
  REKENSCHAP_TEST_DATABASE_URL="$pg_url" python -m pytest -q -n 2 --dist loadfile tests/web
fi

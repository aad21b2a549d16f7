#!/usr/bin/env bash
# The main job on the embedded default (SQLite): set up, import the Groningen seed page, check it,
# publish it as a static site and serve the web application with it imported and published.
#   bash scripts/main.sh             # serves on http://127.0.0.1:8000/ until Ctrl-C
#   REKENSCHAP_NO_SERVE=1 bash scripts/main.sh   # everything but serving
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck disable=SC1091
. .venv/bin/activate

shared="${REKENSCHAP_SHARED:-../shared}"
seed="$shared/seeds/groningen-2024-veiligheid.txt"
out="out"
mkdir -p "$out"
report="$out/groningen-2024-veiligheid.json"

echo "== 1. import"
if [ -f "$seed" ]; then
  # The page prints no scale line; Groningen's jaarstukken state amounts x EUR 1.000.
  rekenschap import "$seed" -o "$out" --organisation "Gemeente Groningen" --cbs-code GM0014 \
    --kind jaarstukken --year 2024 --scale 1000 || [ $? -eq 1 ]
else
  echo "(seed $seed not found: using the hand transcription in examples/ instead)"
  rekenschap convert examples/groningen-2024-veiligheid.yaml --to json -o "$report"
fi

echo "== 2. check (the problems a controller, auditor and council member would raise)"
rekenschap check "$report" || true

echo "== 3. publish"
rekenschap publish "$report" -o "$out/site"
rekenschap export "$report" --to pdf -o "$out/groningen-2024-veiligheid.pdf"
rekenschap export "$report" --to xlsx -o "$out/groningen-2024-veiligheid.xlsx"
echo "static site: $out/site/index.html"

if [ -n "${REKENSCHAP_NO_SERVE:-}" ]; then
  exit 0
fi
echo "== 4. serve"
exec rekenschap serve --data rekenschap-data --seed "$report"

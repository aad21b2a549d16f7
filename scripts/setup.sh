#!/usr/bin/env bash
# Set up Rekenschap on a fresh Debian machine with Python 3.11 (run as root, or with the
# system packages already installed): system libraries, a virtualenv in .venv, the package.
#   bash scripts/setup.sh          # what the application needs
#   bash scripts/setup.sh test     # plus what the test suite needs (browser, PostgreSQL, OCR)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-main}"

# WeasyPrint needs pango/harfbuzz; pdftoppm (poppler-utils) renders PDF pages; gettext compiles
# the Dutch/English UI messages; tesseract is the optional OCR for scanned pages.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core
          poppler-utils gettext tesseract-ocr tesseract-ocr-nld)
if [ "$mode" = "test" ]; then
  # Real components for the tests: headless Chromium + driver, a PostgreSQL server.
  packages+=(chromium chromium-driver postgresql)
fi
PY="${PYTHON:-python3}"
if ! "$PY" -c "import ensurepip, venv" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages (install them as root): ${missing[*]}" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
pip_install() {
  # Some machines carry pip find-links to absent local mirrors; their warnings are noise.
  .venv/bin/python -m pip install -q "$@" 2>&1 | { grep -v "^WARNING: Location '" || true; }
}
pip_install --upgrade pip
if [ "$mode" = "test" ]; then
  pip_install -e ".[dev]"
else
  pip_install -e .
fi
echo "setup: ready ($(.venv/bin/rekenschap --version))"

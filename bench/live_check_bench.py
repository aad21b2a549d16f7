"""Check while typing: the cost of one ``_check=1`` POST of the finance form (parse the cells,
validate with the domain model, run the checks registry, answer JSON; nothing saved), against
the baseline of rendering the same form page (GET) in the same run.

    python bench/live_check_bench.py [--n 50]

In-process Django test client on a throwaway SQLite database with the seed example (the web
tests' world). Prints median and p90 in ms and the ratio check/GET. The browser sends at most one
check per 600 ms pause in typing (static/rekenschap/check.js).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))
os.environ["DJANGO_SETTINGS_MODULE"] = "rekenschap.web.settings"
os.environ["REKENSCHAP_DATA_DIR"] = tempfile.mkdtemp(prefix="rekenschap-bench-")
os.environ.pop("REKENSCHAP_DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.test.utils import setup_databases, setup_test_environment  # noqa: E402


def timed(call: object, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50)
    n = parser.parse_args().n
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)
    from web_world import make_world

    from rekenschap.web.core.models import Role

    world = make_world()
    client = world.client(Role.AUTEUR)
    url = f"/programmas/{world.own.pk}/financien/"
    data = {"_check": "1", "base_version": "1", "cell-0-actual": "46.000"}
    client.get(url)
    client.post(url, data)
    page = timed(lambda: client.get(url), n)
    check = timed(lambda: client.post(url, data), n)
    for name, values in (("GET form page (baseline)", page), ("POST _check=1", check)):
        p90 = values[int(len(values) * 0.9) - 1]
        print(f"{name:26s} median {statistics.median(values):6.1f} ms  p90 {p90:6.1f} ms  n={n}")
    print(f"ratio check / page: {statistics.median(check) / statistics.median(page):.2f}")


if __name__ == "__main__":
    main()

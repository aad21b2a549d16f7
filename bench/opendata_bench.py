"""Benchmark: load and aggregate a whole Iv3 year (all municipalities x taakvelden).

Prints, per Iv3 file and for all files together, the time to load the CSV and compute lasten
per inhabitant per (size class, taakveld) with quartiles:

* DuckDB (``rekenschap.opendata.iv3_sql.year_summary``), the implementation used by ``compare``;
* a plain-Python baseline (``csv`` + ``statistics``) computing the same figures, in the same run;
* the validating row-by-row loader (``rekenschap.importers.iv3.load_iv3``) for reference.

Also checks that DuckDB and the baseline agree on every median. Usage::

    python bench/opendata_bench.py [IV3_DIR]     # default ../shared/corpus/iv3
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from rekenschap.importers.iv3 import load_iv3
from rekenschap.opendata.iv3_sql import year_summary

T = TypeVar("T")
_TAAKVELD = re.compile(r"^\s*(\d{1,2}\.\d{1,3}[a-z]?)")
Row = tuple[str, str, int, float, float, float]


def baseline(path: Path) -> list[Row]:
    """The same aggregation as ``year_summary`` with the standard library only."""
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if row["Gemeenten"].strip().lower() == "nederland":
                continue
            m = _TAAKVELD.match(row["Taakveld"])
            try:
                lasten, population = float(row["Lasten"]), float(row["Inwonertal"])
            except ValueError:
                continue
            if m and population > 0:
                key = (row["Gemeentegrootte"].strip(), m.group(1))
                groups[key].append(1000 * lasten / population)
    out: list[Row] = []
    for (size, taakveld), values in sorted(groups.items()):
        if len(values) > 1:
            q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
        else:
            q1 = q2 = q3 = values[0]
        out.append((size, taakveld, len(values), q1, q2, q3))
    return out


def best_of(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/corpus/iv3")
    files = sorted(root.glob("*_*.csv"))
    if not files:
        print(f"no Iv3 files in {root}")
        return 2
    print(f"{'file':28} {'rows':>7} {'duckdb s':>9} {'python s':>9} {'ratio':>6} "
          f"{'loader s':>9}  agree")
    totals = [0.0, 0.0, 0.0]
    for path in files:
        rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
        t_duck, duck = best_of(partial(year_summary, path))
        t_base, base = best_of(partial(baseline, path))
        t_load, _ = best_of(partial(load_iv3, path), repeat=1)
        agree = {(r[0], r[1]): round(r[4], 6) for r in duck} == {
            (r[0], r[1]): round(r[4], 6) for r in base}
        totals = [totals[0] + t_duck, totals[1] + t_base, totals[2] + t_load]
        print(f"{path.name:28} {rows:7d} {t_duck:9.3f} {t_base:9.3f} {t_base / t_duck:6.1f} "
              f"{t_load:9.3f}  {'yes' if agree else 'NO'}")
    print(f"{'all files':28} {'':7} {totals[0]:9.3f} {totals[1]:9.3f} "
          f"{totals[1] / totals[0]:6.1f} {totals[2]:9.3f}")
    print("ratio = python baseline time / DuckDB time (higher: DuckDB faster); best of 3 runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

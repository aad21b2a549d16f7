"""How fast are the checks? All checks over a large synthetic report and over corpus documents.

Run: ``python bench/check_bench.py [--repeat N] [--corpus-limit N]``. Prints, per report, the time
to import it and the time to run every check over it, and the ratio (target: checks well under
10% of import). The synthetic report is "imported" from its own JSON and YAML dumps through the
native loader (rekenschap.importers.native), measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_report

from rekenschap.checks import run_checks

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if repeat < 3 else statistics.median(times)


def _line(name: str, imported: float, checked: float, problems: int) -> None:
    ratio = checked / imported * 100 if imported else float("nan")
    print(
        f"{name:<48} import {imported * 1000:9.1f} ms   checks {checked * 1000:8.1f} ms   "
        f"{ratio:6.2f}% of import   {problems:5d} problems"
    )


def bench_synthetic(repeat: int) -> None:
    """Import = loading the report's JSON / YAML through the native loader (a real import)."""
    from rekenschap.importers.native import loads_json, loads_yaml
    from rekenschap.render.native import dump_json, dump_yaml

    report = synthetic_report()
    as_json, as_yaml = dump_json(report), dump_yaml(report)
    checked = _best(lambda: run_checks(report), repeat)
    problems = len(run_checks(report))
    for fmt, load, text in (("json", loads_json, as_json), ("yaml", loads_yaml, as_yaml)):
        loaded, _ = load(text, f"synthetic.{fmt}")
        assert loaded == report
        imported = _best(lambda ld=load, t=text, f=fmt: ld(t, f"synthetic.{f}"), repeat)
        _line(f"synthetic 40/400/300 (native {fmt}, {len(text) // 1024} KiB)", imported, checked,
              problems)


def bench_corpus(repeat: int, limit: int) -> None:
    try:
        from rekenschap.importers import import_path
    except ImportError:
        print("importers.import_path not available: corpus skipped")
        return
    files = [
        ROOT / "examples" / "groningen-2024-veiligheid.yaml",
        SHARED / "seeds" / "groningen-2024-veiligheid.txt",
    ]
    files += sorted((SHARED / "corpus" / "wassenaar").glob("*.pdf"))
    for path in files[:limit]:
        if not path.exists():
            print(f"{path.name}: absent, skipped")
            continue
        start = time.perf_counter()
        try:
            report, problems = import_path(path)
        except Exception as exc:
            print(f"{path.name:<48} import crashed: {type(exc).__name__}: {exc}")
            continue
        imported = time.perf_counter() - start
        if report is None:
            codes = sorted({p.code for p in problems})
            print(f"{path.name:<48} does not import (yet): {', '.join(codes[:3])}")
            continue
        found = run_checks(report)
        checked = _best(lambda r=report: run_checks(r), repeat)
        _line(path.name, imported, checked, len(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--corpus-limit",
        type=int,
        default=100,
        help="import at most this many corpus files (PDF imports are slow)",
    )
    args = parser.parse_args()
    bench_synthetic(args.repeat)
    bench_corpus(args.repeat, args.corpus_limit)


if __name__ == "__main__":
    main()

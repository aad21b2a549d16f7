"""How fast is publishing? The whole site and every export, for a large synthetic report and for
the Wassenaar jaarstukken 2023 import.

Run: ``python bench/publish_bench.py [--skip-corpus] [--indicators N]``.

Every figure is wall-clock seconds and, in brackets, CPU seconds of this process and its worker
processes: on a shared machine the CPU figure is the one to compare. For each report it prints:
the site built cold (no chart cache) and the share of that spent rendering charts, with the
time per phase (page data, charts, pages = templates and writes, search index, static files);
the site rebuilt with a warm chart cache (the baseline measured in the same run: everything but
chart rendering); the two-language site (Dutch at the root, English under en/) cold and warm,
with the charts shared between the languages and its chart time against the Dutch-only one;
chart rendering in-process against this process plus worker processes; and each export (pdf,
docx, xlsx, csv, json, fdp; skip with --no-exports). Target: the whole site for a 200-page
annual report in under 10 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_report

from rekenschap.model import Report
from rekenschap.render.builder import build_document
from rekenschap.render.chartpool import render_shared, useful_processes
from rekenschap.render.charts import PROCESS_THRESHOLD, ChartRenderer, _render_specs
from rekenschap.render.exports import ExportFormat, export
from rekenschap.render.site import SiteResult, build_site

ROOT = Path(__file__).resolve().parents[1]
WASSENAAR = ROOT.parent / "shared" / "corpus" / "wassenaar" / "jaarstukken-2023.pdf"
T = TypeVar("T")


CPU: list[float] = [0.0]
"""CPU seconds of the last :func:`timed` call (this process plus finished children)."""


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start, cpu = time.perf_counter(), _cpu()
    result = fn()
    CPU[0] = _cpu() - cpu
    return time.perf_counter() - start, result


def describe(report: Report) -> str:
    progs = report.all_programmes()
    inds = sum(len(p.indicators) for p in progs)
    goals = sum(len(p.goals) for p in progs)
    tables = sum(1 for p in progs if p.finance)
    return (f"{len(progs)} programmes/deelprogramma's, {goals} goals, {tables} finance tables, "
            f"{inds} indicators")


def _phases(result: SiteResult) -> str:
    total = result.seconds or 1.0
    return ", ".join(f"{k} {v:.2f} s ({v / total:.0%})" for k, v in result.timings.items())


def bench(name: str, report: Report, work: Path, exports: bool = True) -> None:
    print(f"\n== {name}: {describe(report)}")
    cache = work / f"{name}-cache"
    cold_s, cold = timed(lambda: build_site([report], work / f"{name}-cold", chart_cache=cache))
    share = cold.chart_seconds / cold.seconds if cold.seconds else 0.0
    cold_cpu = CPU[0]
    print(f"site cold     {cold_s:7.2f} s ({cold_cpu:.2f} cpu)  {len(cold.pages)} pages, "
          f"{cold.charts_rendered} charts, charts {cold.chart_seconds:.2f} s = {share:.0%} "
          "of the build (Dutch only)")
    print(f"  phases      {_phases(cold)}")
    warm_s, _ = timed(lambda: build_site([report], work / f"{name}-warm", chart_cache=cache))
    print(f"site warm     {warm_s:7.2f} s ({CPU[0]:.2f} cpu)  (chart cache hit; baseline) -> "
          f"cold/warm {cold_s / warm_s:.1f}x")
    both_s, both = timed(lambda: build_site([report], work / f"{name}-both",
                                            languages=("nl", "en")))
    both_cpu = CPU[0]
    print(f"site nl+en    {both_s:7.2f} s ({both_cpu:.2f} cpu)  {len(both.pages)} pages, "
          f"{both.charts_rendered} charts rendered + {both.charts_shared} shared between the "
          f"languages, charts {both.chart_seconds:.2f} s = "
          f"{both.chart_seconds / cold.chart_seconds if cold.chart_seconds else 0:.2f}x the "
          "Dutch-only chart time (cold, no cache)")
    print(f"  phases      {_phases(both)}")
    both_warm_s, _ = timed(lambda: build_site([report], work / f"{name}-both-warm",
                                              languages=("nl", "en"), chart_cache=cache))
    print(f"site nl+en    {both_warm_s:7.2f} s ({CPU[0]:.2f} cpu)  warm (Dutch charts cached, "
          "English ones rendered into the same cache)")
    verdict = "meets" if cold_s < 10 and both_s < 10 else "MISSES"
    print(f"target        {verdict} the 10 s target for the whole site (cold, wall clock; "
          f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    charts = build_document(report).charts()
    serial_s, _ = timed(lambda: ChartRenderer(workers=1).render_all(charts))
    serial_cpu = CPU[0]
    pool = ChartRenderer()
    pooled_s, _ = timed(lambda: render_shared([c.spec_json for c in charts], "nl-NL",
                                              pool.workers, _render_specs))
    if len(charts) >= PROCESS_THRESHOLD and pool.workers > 1:
        print(f"charts        {serial_s:7.2f} s ({serial_cpu:.2f} cpu) in-process, "
              f"{pooled_s:.2f} s ({CPU[0]:.2f} cpu) in this process and {pool.workers - 1} "
              f"worker process(es) -> {serial_s / pooled_s if pooled_s else 0:.2f}x (the site "
              f"uses workers only for idle cores: now {useful_processes(pool.workers)} "
              "process(es))")
    else:
        print(f"charts        {serial_s:7.2f} s ({serial_cpu:.2f} cpu) in-process (fewer than "
              f"{PROCESS_THRESHOLD} charts: no worker processes)")
    if not exports:
        return
    for fmt in ExportFormat:
        suffix = "" if fmt in (ExportFormat.CSV, ExportFormat.FDP) else f".{fmt.value}"
        seconds, files = timed(lambda fmt=fmt, suffix=suffix: export(  # type: ignore[misc]
            report, fmt, work / f"{name}-export{suffix}" if suffix else work / f"{name}-{fmt}"))
        size = sum(f.stat().st_size for f in files)
        print(f"export {fmt.value:<6} {seconds:7.2f} s ({CPU[0]:.2f} cpu)  {size / 1024:,.0f} KiB")


def bench_comparison(work: Path) -> None:
    """The comparison page (publish --compare): open-data comparison, then the page itself."""
    from rekenschap.importers.opendata_municipalities import load_register
    from rekenschap.opendata.compare import build_comparison, vega_lite_spec
    from rekenschap.opendata.sources import discover
    from rekenschap.render.comparison import comparison_page

    paths = discover(ROOT.parent / "shared" / "corpus")
    if paths.register is None or not paths.iv3_file(2023, "jaarrekening").is_file():
        print("\n(skipped the comparison page: no open data under ../shared/corpus)")
        return
    register, _ = load_register(paths.register)
    data_s, (comparison, _) = timed(lambda: build_comparison(
        "GM0629", iv3_file=paths.iv3_file(2023, "jaarrekening"), register=register, year=2023,
        phase="jaarrekening", size_classes=paths.size_classes(2023),
        definitions=paths.definitions(2023)))
    if comparison is None:
        print("\n(comparison for GM0629 failed; skipped)")
        return
    data_cpu = CPU[0]
    specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
    page = comparison_page(comparison, specs)
    empty_s, _ = timed(lambda: build_site([], work / "cmp-empty", public=True))
    page_s, site = timed(lambda: build_site([], work / "cmp", public=True, comparisons=[page]))
    print(f"\n== comparison GM0629 ({len(comparison.rows)} taakveld rows, "
          f"{len(comparison.peers)} peers)")
    print(f"open data     {data_s:7.2f} s ({data_cpu:.2f} cpu)  Iv3 jaarrekening 2023 via DuckDB")
    print(f"page          {page_s:7.2f} s ({CPU[0]:.2f} cpu)  {site.charts_rendered} charts "
          f"{site.chart_seconds:.2f} s; site without it {empty_s:.2f} s (baseline)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-corpus", action="store_true", help="only the synthetic report")
    parser.add_argument("--programmes", type=int, default=40)
    parser.add_argument("--indicators", type=int, default=400)
    parser.add_argument("--goals", type=int, default=300)
    parser.add_argument("--no-exports", action="store_true", help="only the site figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rekenschap-bench-") as tmp:
        work = Path(tmp)
        synthetic = synthetic_report(args.programmes, args.indicators, args.goals)
        bench("synthetic", synthetic, work, exports=not args.no_exports)
        if args.skip_corpus:
            return 0
        if not WASSENAAR.exists():
            print(f"\n(skipped Wassenaar: {WASSENAAR} absent)")
            return 0
        from rekenschap.importers import import_path

        seconds, (report, problems) = timed(lambda: import_path(WASSENAAR))
        print(f"\n(imported {WASSENAAR.name} in {seconds:.1f} s, {len(problems)} problems; "
              "the import is not part of the publish figures)")
        if report is None:
            print("Wassenaar import gave no report; skipped")
            return 0
        bench("wassenaar-2023", report, work, exports=not args.no_exports)
        bench_comparison(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

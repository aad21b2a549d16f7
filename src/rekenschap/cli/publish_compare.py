"""``rekenschap publish --compare``: comparison pages from the CBS open data (issue 7).

Builds ``rekenschap.opendata.compare`` comparisons for the site. The Iv3 file is the one of the
report's year and phase (jaarrekening for jaarstukken, begroting otherwise); when that file is
absent, the newest Iv3 file found. Problems are printed like every other problem; a comparison
that cannot be made is left out and the site is still built.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from rekenschap.importers.opendata_municipalities import load_register
from rekenschap.model import DocumentKind, Problem, Report, Severity
from rekenschap.opendata.compare import build_comparison, vega_lite_spec
from rekenschap.opendata.crime_sources import crime_for
from rekenschap.opendata.sources import OpenDataPaths, discover
from rekenschap.render.comparison import ComparisonPage, comparison_page
from rekenschap.render.messages import check_lang

_PAST = {DocumentKind.JAARSTUKKEN, DocumentKind.JAARVERSLAG}


def _iv3_choice(paths: OpenDataPaths, report: Report | None) -> tuple[int, str] | None:
    if report is not None:
        phase = "jaarrekening" if report.document.kind in _PAST else "begroting"
        if paths.iv3_file(report.document.year, phase).is_file():
            return report.document.year, phase
    found: list[tuple[int, bool, str]] = []
    for file in sorted(paths.iv3_dir.glob("*_*.csv")) if paths.iv3_dir.is_dir() else []:
        text, _, phase = file.stem.partition("_")
        if text.isdigit() and phase in ("jaarrekening", "begroting"):
            found.append((int(text), phase == "jaarrekening", phase))
    if not found:
        return None
    best = max(found)
    return best[0], best[2]


def _print(problems: list[Problem], console: Console) -> None:
    for problem in problems:
        if problem.severity is not Severity.NOTICE:
            style = "red" if problem.severity is Severity.ERROR else "yellow"
            console.print(problem.format(), style=style, markup=False)


def comparison_pages(compare: str, peers: str, reports: list[Report], root: Path | None,
                     lang: str, console: Console, table: str | None = None,
                     ) -> tuple[list[ComparisonPage], bool]:
    """Comparison page data for ``compare`` (a CBS code or ``auto``); and whether one failed.

    ``table`` (83648NED or 47018NED) picks the crime file of the data root; ``None`` takes
    whichever is there (83648NED first). The page's sources name the table read."""
    language = check_lang(lang)
    if compare.lower() == "auto":
        codes = list(dict.fromkeys(r.organisation.cbs_code for r in reports
                                   if r.organisation.cbs_code))
        if not codes:
            console.print("--compare auto: no report has a CBS code (organisation.cbs_code)",
                          style="red", markup=False)
            return [], True
    else:
        codes = [compare.strip().upper()]
    paths = discover(root)
    if paths.register is None:
        console.print(f"--compare: no CBS municipality list (cbs/*gemeenten*.csv) under "
                      f"{paths.root}; no comparison page", style="red", markup=False)
        return [], True
    register, problems = load_register(paths.register)
    _print(problems, console)
    pages: list[ComparisonPage] = []
    failed = False
    for code in codes:
        report = next((r for r in reports if r.organisation.cbs_code == code), None)
        choice = _iv3_choice(paths, report or (reports[0] if reports else None))
        if choice is None:
            console.print(f"--compare {code}: no Iv3 file under {paths.iv3_dir}",
                          style="red", markup=False)
            failed = True
            continue
        crime, found = crime_for(code, paths, None, None, table=table)
        _print(found, console)
        comparison, found = build_comparison(
            code, iv3_file=paths.iv3_file(*choice), register=register, year=choice[0],
            phase=choice[1], peers=peers, size_classes=paths.size_classes(choice[0]),
            definitions=paths.definitions(choice[0]), crime=crime)
        _print(found, console)
        if comparison is None:
            console.print(f"--compare {code}: no comparison page", style="red", markup=False)
            failed = True
            continue
        specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
        pages.append(comparison_page(comparison, specs, language))
    return pages, failed

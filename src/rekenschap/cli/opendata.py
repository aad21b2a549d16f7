"""``indicators fill`` and ``compare``: CBS and Iv3 open data on the command line.

Exit codes: 0 done, 1 done with differences or errors found, 2 unusable input.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rekenschap.cli import app
from rekenschap.importers.native import load_report
from rekenschap.importers.opendata_municipalities import load_register
from rekenschap.model import Problem, Severity
from rekenschap.model.numbers import format_number
from rekenschap.opendata.compare import Comparison, build_comparison, vega_lite_spec
from rekenschap.opendata.crime_sources import crime_for
from rekenschap.opendata.fill import fill_indicators
from rekenschap.opendata.sources import OpenDataPaths, discover
from rekenschap.render.native import dump_json, dump_yaml

indicators_app = typer.Typer(help="Indicators from open data (indicatoren uit open data).",
                             no_args_is_help=True)
app.add_typer(indicators_app, name="indicators")

_Root = Annotated[Path | None, typer.Option(
    "--data-root", help="Open-data directory (default $REKENSCHAP_OPENDATA or ../shared/corpus).")]

LABELS = {
    "nl": {"taakveld": "Taakveld", "per": "€ per inwoner", "median": "Mediaan",
           "iqr": "Q1 – Q3", "rank": "Rang", "indicator": "Indicator", "year": "Jaar",
           "nl": "Nederland", "peers": "vergeleken met", "none": "geen gegevens"},
    "en": {"taakveld": "Taakveld (policy field)", "per": "€ per inhabitant", "median": "Median",
           "iqr": "Q1 – Q3", "rank": "Rank", "indicator": "Indicator", "year": "Year",
           "nl": "Netherlands", "peers": "compared with", "none": "no data"},
}


class CrimeTableId(StrEnum):
    """The two crime tables: CBS's 83648NED and the police's 47018NED (dataderden.cbs.nl)."""

    CBS = "83648NED"
    POLICE = "47018NED"


_Table = Annotated[CrimeTableId | None, typer.Option(
    "--table", help="Crime table: 83648NED (CBS, geregistreerde criminaliteit) or 47018NED "
    "(politie, on dataderden.cbs.nl; counts only, no geweldsmisdrijven). Picks the table "
    "--online asks for and the file read from the data root's cbs/ folder (47018NED*.json); "
    "default 83648NED online, else whichever file is there. A --data file says its own table.",
    case_sensitive=False)]


class Measure(StrEnum):
    LASTEN = "lasten"
    BATEN = "baten"


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _print_problems(problems: list[Problem]) -> None:
    console = _err()
    for problem in problems:
        style = {"error": "red", "warning": "yellow"}.get(problem.severity.value, "dim")
        console.print(problem.format(), style=style, markup=False)


@indicators_app.command("fill")
def fill(
    report: Annotated[Path, typer.Argument(help="Report (.yaml/.json) to fill.")],
    cbs: Annotated[str | None, typer.Option(
        "--cbs", help="CBS code, e.g. GM0629 (default: the report's organisation.cbs_code).",
    )] = None,
    data: Annotated[Path | None, typer.Option("--data", help="83648NED StatLine CSV export, or "
                                              "saved OData TypedDataSet JSON of 83648NED or "
                                              "47018NED (police classes).")] = None,
    population: Annotated[Path | None, typer.Option("--population",
                                                    help="70072NED export (population).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the filled report "
                                                "here (.json or .yaml); default stdout.")] = None,
    reference_date: Annotated[str | None, typer.Option("--reference-date", help="Peildatum "
                                                       "(default: today).")] = None,
    online: Annotated[bool, typer.Option("--online", help="Ask the CBS OData API first (the "
                                         "table of --table).")] = False,
    table: _Table = None,
    data_root: _Root = None,
) -> None:
    """Add CBS crime observations to the report's indicators; report where the document differs."""
    loaded, problems = load_report(report)
    if loaded is None:
        _print_problems(problems)
        raise typer.Exit(2)
    code = cbs or loaded.organisation.cbs_code
    if code is None:
        _err().print("no CBS code: pass --cbs GMxxxx", markup=False)
        raise typer.Exit(2)
    values, found = crime_for(code.upper(), discover(data_root), data, population, online,
                              table.value if table else None)
    problems.extend(found)
    own = [v for v in values if v.region == code.upper()]
    result = fill_indicators(loaded, own, reference_date=reference_date or date.today().isoformat())
    problems.extend(result.problems)
    _print_problems(problems)
    _err().print(f"{code}: {len(own)} CBS values, {result.added} observations added, "
                 f"{result.updated} updated", markup=False)
    text = dump_json(result.report) if output and output.suffix == ".json" \
        else dump_yaml(result.report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    if not own and not values:
        raise typer.Exit(2)
    if any(p.severity is Severity.ERROR or p.code == "OD-CBS-DIFFERS" for p in problems):
        raise typer.Exit(1)


def _latest(paths: OpenDataPaths, year: int | None, phase: str | None) -> tuple[int, str] | None:
    files = sorted(paths.iv3_dir.glob("*_*.csv")) if paths.iv3_dir.is_dir() else []
    found = [(int(p.stem[:4]), p.stem[5:]) for p in files if p.stem[:4].isdigit()]
    found = [(y, ph) for y, ph in found if (year is None or y == year)
             and (phase is None or ph == phase)]
    if not found:
        return None
    best = max(y for y, _ in found)
    phases = [ph for y, ph in found if y == best]
    return best, "jaarrekening" if "jaarrekening" in phases else phases[0]


@app.command("compare")
def compare(
    cbs: Annotated[str, typer.Argument(help="CBS code of the municipality, e.g. GM0629.")],
    peers: Annotated[str, typer.Option("--peers", help="size-class, province, or CBS codes "
                                       "separated by commas.")] = "size-class",
    year: Annotated[int | None, typer.Option("--year", help="Iv3 year (default: newest).")] = None,
    phase: Annotated[str | None, typer.Option("--phase", help="jaarrekening or begroting.")] = None,
    measure: Annotated[Measure, typer.Option("--measure")] = Measure.LASTEN,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
    spec: Annotated[Path | None, typer.Option("--spec", help="Write the Vega-Lite spec here.",
                                              )] = None,
    lang: Annotated[str, typer.Option("--lang", help="nl or en.")] = "nl",
    table: _Table = None,
    data_root: _Root = None,
) -> None:
    """Lasten/baten per inhabitant per taakveld against peers, and indicators against Nederland."""
    paths = discover(data_root)
    chosen = _latest(paths, year, phase)
    if chosen is None or paths.register is None:
        _err().print(f"no Iv3 files or municipality list under {paths.root}", markup=False)
        raise typer.Exit(2)
    register, problems = load_register(paths.register)
    crime, found = crime_for(cbs.upper(), paths, None, None,
                             table=table.value if table else None)
    problems.extend(p for p in found if p.severity is not Severity.NOTICE)
    comparison, found = build_comparison(
        cbs.upper(), iv3_file=paths.iv3_file(*chosen), register=register, year=chosen[0],
        phase=chosen[1], peers=peers, size_classes=paths.size_classes(chosen[0]),
        definitions=paths.definitions(chosen[0]), crime=crime)
    problems.extend(found)
    _print_problems(problems)
    if comparison is None:
        raise typer.Exit(2)
    if spec is not None:
        spec.write_text(json.dumps(vega_lite_spec(comparison, measure.value), indent=2),
                        encoding="utf-8")
    if as_json:
        typer.echo(comparison.model_dump_json(indent=2))
    else:
        _show(comparison, measure.value, LABELS.get(lang, LABELS["nl"]))
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(1)


def _fmt(value: object, decimals: int = 0) -> str:
    return format_number(value, decimals) if isinstance(value, Decimal) else "–"


def _show(c: Comparison, measure: str, t: dict[str, str]) -> None:
    console = Console(highlight=False)
    title = (f"{c.name} ({c.cbs_code}) — {measure} {c.phase} {c.year}, {t['peers']} "
             f"{c.peer_label} ({len(c.peers)})")
    table = Table(title=title)
    for header in (t["taakveld"], f"{c.name} {t['per']}", t["median"], t["iqr"], t["rank"]):
        table.add_column(header, justify="left" if header == t["taakveld"] else "right")
    for row in (r for r in c.rows if r.measure == measure):
        rank = f"{row.rank} / {row.n}" if row.rank is not None else "–"
        table.add_row(f"{row.taakveld} {row.name}", _fmt(row.value), _fmt(row.median),
                      f"{_fmt(row.q1)} – {_fmt(row.q3)}", rank)
    console.print(table)
    if c.indicators:
        ind = Table(title=f"{t['indicator']} (per 1.000 inwoners)")
        for header in (t["indicator"], t["year"], c.name, t["nl"]):
            ind.add_column(header)
        for i in c.indicators:
            ind.add_row(i.indicator, str(i.year), _fmt(i.value, 1), _fmt(i.national, 1))
        console.print(ind)
    console.print(f"Bron: {'; '.join(c.sources)}", markup=False)

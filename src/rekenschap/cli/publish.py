"""``rekenschap publish FILE... -o SITE/`` and ``rekenschap export FILE --to FORMAT``.

Inputs are anything the importers read (JSON/YAML, PDF, text). Problems from import and from the
checks are printed as ``file:page:line: CODE severity message`` and, unless ``--public``, shown
on the site's problems page. A file that cannot be read is skipped with its problem; the others
are still published.

Exit codes: 0 written, 1 written but some input could not be read, 2 nothing to write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rekenschap.checks import run_checks
from rekenschap.cli import app
from rekenschap.cli.opendata import CrimeTableId
from rekenschap.cli.publish_compare import comparison_pages
from rekenschap.importers import import_path
from rekenschap.model import Problem, Report, Severity
from rekenschap.render.comparison import ComparisonPage
from rekenschap.render.exports import DIRECTORY_FORMATS, ExportFormat, default_output, export
from rekenschap.render.messages import LANGS
from rekenschap.render.site import build_site

_Lang = Annotated[str, typer.Option("--lang", help=f"Language of the output: {', '.join(LANGS)}.")]


def _console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _load(path: Path, console: Console, with_checks: bool) -> tuple[Report | None, list[Problem]]:
    report, problems = import_path(path)
    if report is not None and with_checks:
        problems = [*problems, *run_checks(report)]
    problems = [p if p.location.file else p.model_copy(update={
        "location": p.location.model_copy(update={"file": str(path)})}) for p in problems]
    for problem in problems:
        style = "red" if problem.severity is Severity.ERROR else "yellow"
        console.print(problem.format(), style=style, markup=False)
    if report is None:
        console.print(f"{path}: skipped, could not be read as a report", style="red",
                      markup=False)
    return report, problems


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise typer.BadParameter(f"use one of {', '.join(LANGS)}", param_hint="--lang")


_Peers = Annotated[str, typer.Option(
    "--peers", help="Peers for --compare: size-class, province, or CBS codes separated by "
                    "commas.")]
_OpenData = Annotated[Path | None, typer.Option(
    "--open-data", help="Folder with cbs/, iv3/ and iv3-definities/ (default: "
                        "$REKENSCHAP_OPENDATA, else ../shared/corpus).")]
_CrimeTable = Annotated[CrimeTableId | None, typer.Option(
    "--table", help="With --compare: the crime table of the open-data folder's cbs/ to read, "
    "83648NED (CBS) or 47018NED (politie); default whichever file is there (83648NED first).",
    case_sensitive=False)]


@app.command("publish")
def publish(
    files: Annotated[list[Path], typer.Argument(help="Reports: JSON/YAML, PDF or text.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Site directory.")] = Path("site"),
    lang: Annotated[str | None, typer.Option(
        "--lang", help=f"Build one language only ({', '.join(LANGS)}). Default: Dutch at the "
                       "root of the site and English under en/, with a language switch on "
                       "every page.")] = None,
    public: Annotated[bool, typer.Option(
        "--public", help="Leave out the problems page (public build).")] = False,
    chart_cache: Annotated[Path | None, typer.Option(
        "--chart-cache", help="Keep rendered charts here; unchanged charts are not rendered "
                              "again on the next build.")] = None,
    compare: Annotated[str | None, typer.Option(
        "--compare", help="Add a comparison page for this CBS code (GM0629), or 'auto' for "
                          "the CBS code of each report; needs the CBS open data (--open-data).",
    )] = None,
    peers: _Peers = "size-class",
    open_data: _OpenData = None,
    table: _CrimeTable = None,
) -> None:
    """Build the static website: overview, a page per programme, charts, search.

    Bouw de statische website: overzicht, een pagina per programma, grafieken, zoeken.
    """
    languages = LANGS if lang is None else (lang,)
    for code in languages:
        _check_lang(code)
    console = _console()
    reports: list[Report] = []
    found: list[list[Problem]] = []
    for file in files:
        report, problems = _load(file, console, with_checks=not public)
        if report is not None:
            reports.append(report)
            found.append(problems)
    if not reports:
        console.print("nothing to publish", style="red")
        raise typer.Exit(2)
    pages: dict[str, list[ComparisonPage]] = {}
    failed = False
    for code in languages if compare is not None else ():
        assert compare is not None
        # Problems are the same in every language: print them once.
        quiet = console if code == languages[0] else Console(quiet=True)
        pages[code], failed_here = comparison_pages(compare, peers, reports, open_data, code,
                                                    quiet, table.value if table else None)
        failed = failed or failed_here
    result = build_site(reports, output, languages=languages, public=public, problems=found,
                        chart_cache=chart_cache, comparisons=pages)
    typer.echo(f"{output}: {len(result.pages)} pages for {len(reports)} document(s) "
               f"({'/'.join(result.languages)}) in "
               f"{result.seconds:.1f}s ({result.charts_rendered} charts, "
               f"{result.charts_shared} shared between languages, "
               f"{result.chart_seconds:.1f}s); open {output / 'index.html'}")
    if len(reports) < len(files) or failed:
        raise typer.Exit(1)


@app.command("export")
def export_command(
    file: Annotated[Path, typer.Argument(help="A report: JSON/YAML, PDF or text.")],
    to: Annotated[ExportFormat, typer.Option("--to", help="Output format.")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Output file (a directory for csv and fdp).")] = None,
    lang: _Lang = "nl",
    public: Annotated[bool, typer.Option(
        "--public", help="PDF/DOCX without the problems chapter.")] = False,
    compare: Annotated[str | None, typer.Option(
        "--compare", help="DOCX/XLSX: add the comparison with peer municipalities for this CBS "
                          "code (GM0629), or 'auto' for the report's own; needs the CBS open "
                          "data (--open-data).")] = None,
    peers: _Peers = "size-class",
    open_data: _OpenData = None,
    table: _CrimeTable = None,
) -> None:
    """Export one report as PDF, DOCX, XLSX, CSV, JSON or a Fiscal Data Package.

    Exporteer een rapport als PDF, DOCX, XLSX, CSV, JSON of Fiscal Data Package.
    """
    _check_lang(lang)
    console = _console()
    report, problems = _load(file, console, with_checks=not public)
    if report is None:
        raise typer.Exit(2)
    out = output or default_output(file, to)
    if to in DIRECTORY_FORMATS and out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} exists and is not a directory", param_hint="-o")
    pages: list[ComparisonPage] = []
    failed = False
    if compare is not None:
        pages, failed = comparison_pages(compare, peers, [report], open_data, lang, console,
                                         table.value if table else None)
    written = export(report, to, out, lang=lang, problems=None if public else problems,
                     comparisons=pages)
    for path in written:
        typer.echo(str(path))
    if failed:
        raise typer.Exit(1)

"""``rekenschap check FILE...``: every registered check over imported or authored reports.

Exit codes: 0 nothing at or above the ``--fail-on`` level, 1 something is, 2 usage error.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rekenschap.checks import (
    CHECKS,
    CheckConfig,
    code_specs,
    load_config,
    run_checks,
    run_cross_checks,
)
from rekenschap.checks.docs import markdown
from rekenschap.cli import app
from rekenschap.importers import ImportOptions
from rekenschap.importers.batch import import_one
from rekenschap.model import Problem, Report, Severity


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"
    NEVER = "never"


def _listing(fmt: OutputFormat) -> str:
    if fmt is OutputFormat.MARKDOWN:
        return markdown()
    owner = {c.code: check.name for check in CHECKS for c in check.codes}
    specs = code_specs()
    if fmt is OutputFormat.JSON:
        return json.dumps([{"code": s.code, "severity": s.severity.value,
                            "check": owner.get(s.code),
                            "title": s.title, "rationale": s.rationale, "rule": s.rule}
                           for s in specs], ensure_ascii=False, indent=2) + "\n"
    width = max(len(s.code) for s in specs)
    return "".join(f"{s.code:<{width}}  {s.severity.value:<7}  {s.title}  ({s.rule})\n"
                   for s in specs)


def _with_file(problems: list[Problem], file: str) -> list[Problem]:
    return [p if p.location.file else
            p.model_copy(update={"location": p.location.model_copy(update={"file": file})})
            for p in problems]


_ARITHMETIC = frozenset({"FIN-SALDO", "FIN-SIGN", "FIN-RESERVES", "FIN-DIFFERENCE"})


def _one_owner(imported: list[Problem], checked: list[Problem]) -> list[Problem]:
    """The import's problems without a ``PDF-FIN-ROUNDING`` notice on a row a check reports
    too (possible when ``arithmetic.tolerance`` is below one unit): one finding, one problem."""
    rows = {(p.location.file, p.location.page, p.location.line) for p in checked
            if p.code in _ARITHMETIC and p.location.page is not None}
    return [p for p in imported if p.code != "PDF-FIN-ROUNDING"
            or (p.location.file, p.location.page, p.location.line) not in rows]


def _fails(problems: list[Problem], fail_on: FailOn) -> bool:
    if fail_on is FailOn.NEVER:
        return False
    level = Severity(fail_on.value).rank
    return any(p.severity.rank >= level for p in problems)


@app.command("check")
def check(
    files: Annotated[list[Path] | None,
                     typer.Argument(help="Reports: JSON/YAML, PDF or text.")] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c",
                                                help="rekenschap.toml (default: ./rekenschap.toml "
                                                     "when it exists).")] = None,
    fmt: Annotated[OutputFormat,
                   typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TEXT,
    fail_on: Annotated[FailOn, typer.Option("--fail-on",
                                            help="Exit 1 when a problem of this severity or worse "
                                                 "is found.")] = FailOn.ERROR,
    cbs: Annotated[str | None,
                   typer.Option("--cbs", help="CBS code (GM0629) of the municipality, when the "
                                              "documents do not carry it.")] = None,
    list_checks: Annotated[bool,
                           typer.Option("--list", help="List the checks and exit.")] = False,
) -> None:
    """Check reports the way a controller, an auditor and a sharp council member would."""
    if list_checks:
        typer.echo(_listing(fmt), nl=False)
        return
    if not files:
        typer.echo("check: give at least one FILE (or --list)", err=True)
        raise typer.Exit(2)
    settings = CheckConfig()
    problems: list[Problem] = []
    config_path = config or (Path("rekenschap.toml") if Path("rekenschap.toml").is_file() else None)
    if config_path is not None:
        if not config_path.is_file():
            typer.echo(f"{config_path}: no such config file", err=True)
            raise typer.Exit(2)
        settings, problems = load_config(config_path)
    reports: list[Report] = []
    for path in files:
        result = import_one(path, ImportOptions(cbs_code=cbs))  # a crash becomes IMPORT-CRASH
        report, found = result.report, result.problems
        checked = [] if report is None else _with_file(run_checks(report, settings), str(path))
        problems.extend(_one_owner(_with_file(found, str(path)), checked))
        if report is not None:
            reports.append(report)
            problems.extend(checked)
    if len(reports) > 1:
        problems.extend(run_cross_checks(reports, settings))
    _print(problems, fmt, len(files))
    if _fails(problems, fail_on):
        raise typer.Exit(1)


def _print(problems: list[Problem], fmt: OutputFormat, files: int) -> None:
    counts = {s: sum(1 for p in problems if p.severity is s) for s in Severity}
    summary = {"files": files, "problems": len(problems), **{s.value: n for s, n in counts.items()}}
    if fmt is OutputFormat.JSON:
        typer.echo(json.dumps({"problems": [p.model_dump(mode="json") for p in problems],
                               "summary": summary}, ensure_ascii=False, indent=2))
        return
    for p in problems:
        typer.echo(p.format())
    typer.echo(f"{len(problems)} problem(s) in {files} file(s): {counts[Severity.ERROR]} error(s), "
               f"{counts[Severity.WARNING]} warning(s), {counts[Severity.NOTICE]} "
               "notice(s)", err=True)

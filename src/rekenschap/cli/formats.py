"""``validate``, ``convert`` and ``schema``: the native file formats on the command line.

Exit codes: 0 all files valid, 1 some file invalid, 2 usage error or unreadable file.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rekenschap.cli import app
from rekenschap.importers.native import load_report
from rekenschap.model import Problem, Severity
from rekenschap.model.schema import json_schema
from rekenschap.render.native import dump_json, dump_yaml

__all__ = ["format_problem"]


_Output = Annotated[Path | None, typer.Option("-o", "--output", help="Write here, not stdout.")]


class Target(StrEnum):
    JSON = "json"
    YAML = "yaml"


def format_problem(problem: Problem) -> str:
    """``file:line: path: message [severity CODE]`` — one line per problem, grep-friendly."""
    loc = problem.location
    where = f"{loc.file or '-'}:{loc.line}" if loc.line is not None else f"{loc.file or '-'}"
    path = f" {loc.path}:" if loc.path else ""
    return f"{where}:{path} {problem.message} [{problem.severity.value} {problem.code}]"


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _print_problems(problems: list[Problem], console: Console) -> None:
    for problem in problems:
        style = "red" if problem.severity is Severity.ERROR else "yellow"
        console.print(format_problem(problem), style=style, markup=False)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        _console(stderr=True).print(f"{out}: cannot write: {exc.strerror}", markup=False)
        raise typer.Exit(2) from None


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Report files (.yaml, .yml, .json).")],
    as_json: Annotated[bool, typer.Option("--json", help="Problems as JSON on stdout.")] = False,
) -> None:
    """Check report files; print every problem as file:line: field: message.

    Controleer rapportbestanden; elk probleem als bestand:regel: veld: melding.
    """
    console = _console()
    invalid = unreadable = 0
    results: list[dict[str, object]] = []
    for file in files:
        report, problems = load_report(file)
        is_unreadable = any(p.code == "FMT-UNREADABLE" for p in problems)
        unreadable += is_unreadable
        invalid += report is None and not is_unreadable
        if as_json:
            results.append({"file": str(file), "valid": report is not None,
                            "problems": [p.model_dump(mode="json") for p in problems]})
        else:
            _print_problems(problems, console)
    valid = len(files) - invalid - unreadable
    if as_json:
        typer.echo(json.dumps({"valid": valid, "invalid": invalid, "unreadable": unreadable,
                               "files": results}, ensure_ascii=False, indent=2))
    else:
        summary = f"{len(files)} file(s): {valid} valid, {invalid} invalid"
        if unreadable:
            summary += f", {unreadable} unreadable"
        console.print(summary, style="green" if valid == len(files) else "red", markup=False)
    if unreadable:
        raise typer.Exit(2)
    if invalid:
        raise typer.Exit(1)


@app.command()
def convert(
    file: Annotated[Path, typer.Argument(help="Report file to read (.yaml, .yml, .json).")],
    to: Annotated[Target, typer.Option("--to", help="Output format.")],
    output: _Output = None,
) -> None:
    """Convert a report between YAML and JSON (lossless). Zet een rapport om (YAML <-> JSON)."""
    report, problems = load_report(file)
    _print_problems(problems, _console(stderr=True))
    if report is None:
        raise typer.Exit(2 if any(p.code == "FMT-UNREADABLE" for p in problems) else 1)
    _write(dump_json(report) if to is Target.JSON else dump_yaml(report), output)


@app.command()
def schema(
    output: _Output = None,
) -> None:
    """Print the JSON Schema of the report format. Toon het JSON-schema van het formaat."""
    _write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", output)

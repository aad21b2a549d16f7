"""``rekenschap import``: P&C documents (PDF, text dump, native) to the JSON interchange format.

Exit codes: 0 every file imported without errors, 1 some file failed or had errors, 2 usage.
Problems are printed as ``file:page:line: CODE severity message`` (``--json``: one document).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rekenschap.cli import app
from rekenschap.importers import ImportOptions
from rekenschap.importers.batch import FileResult, import_paths
from rekenschap.model import DocumentKind, Location, Problem, Severity
from rekenschap.render.native import dump_json


def parse_pages(spec: str) -> tuple[int, ...]:
    """``"1-3,7"`` -> ``(1, 2, 3, 7)``; raises ``typer.BadParameter`` on anything else."""
    numbers: list[int] = []
    for part in spec.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise typer.BadParameter(f"{spec!r}: use page numbers and ranges like 1-3,7")
        low, high = int(first), int(last or first)
        if low < 1 or high < low:
            raise typer.BadParameter(f"{part!r}: pages count from 1, ranges go up")
        numbers.extend(range(low, high + 1))
    return tuple(dict.fromkeys(numbers))


def targets(paths: list[Path], out: Path | None) -> dict[Path, Path]:
    """Where each input's JSON goes: ``OUT/<stem>.json``; inputs sharing a stem get their
    suffix added (``a.txt`` and ``a.yaml`` -> ``a-txt.json``, ``a-yaml.json``), then a number."""
    if out is not None and len(paths) == 1 and out.suffix.lower() == ".json" and not out.is_dir():
        return {paths[0]: out}
    folder = out if out is not None else Path.cwd()
    stems = [p.stem for p in paths]
    chosen: dict[Path, Path] = {}
    used: set[str] = set()
    for path, stem in zip(paths, stems, strict=True):
        name = stem if stems.count(stem) == 1 else f"{stem}-{path.suffix.lstrip('.') or 'x'}"
        candidate, n = name, 2
        while candidate in used:
            candidate, n = f"{name}-{n}", n + 1
        used.add(candidate)
        chosen[path] = folder / f"{candidate}.json"
    return chosen


def _write(result: FileResult, target: Path, inputs: set[Path]) -> Problem | None:
    assert result.report is not None
    if target.resolve() in inputs:
        return Problem(code="IMPORT-WOULD-OVERWRITE", severity=Severity.ERROR,
                       message=f"not writing {target}: it is one of the inputs",
                       location=Location(file=str(result.path)))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_json(result.report), encoding="utf-8")
    except OSError as exc:
        return Problem(code="IMPORT-CANNOT-WRITE", severity=Severity.ERROR,
                       message=f"cannot write {target}: {exc.strerror}",
                       location=Location(file=str(result.path)))
    return None


@app.command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="PDF, text dump (.txt) or report files.")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output",
        help="Directory for one JSON per input (a .json file name for a single input). "
             "Default: the current directory.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0,
                                      help="Parallel imports; 0 = all cores.")] = 0,
    ocr: Annotated[bool, typer.Option("--ocr", help="Read pages without text by OCR "
                                                    "(needs tesseract).")] = False,
    organisation: Annotated[str | None, typer.Option(help="Organisation name.")] = None,
    cbs_code: Annotated[str | None, typer.Option("--cbs-code",
                                                 help="CBS code, e.g. GM0629.")] = None,
    kind: Annotated[DocumentKind | None, typer.Option(help="Document kind.")] = None,
    year: Annotated[int | None, typer.Option(min=1900, max=2200, help="Document year.")] = None,
    scale: Annotated[int | None, typer.Option(
        min=1, help="Amount scale when the document states none, e.g. 1000 for x € 1.000.")] = None,
    max_pages: Annotated[int, typer.Option("--max-pages", min=1,
                                           help="Refuse PDFs with more pages.")] = 3000,
    pages: Annotated[str | None, typer.Option(
        "--pages", help="Only these PDF pages, e.g. 1-30,45.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as one JSON "
                                                         "document instead of lines.")] = False,
) -> None:
    """Import documents; print problems as file:page:line: CODE severity message.

    Importeer documenten naar JSON; meldingen als bestand:pagina:regel: CODE ernst melding.
    """
    if cbs_code is not None and not re.fullmatch(r"(GM|PV|WS)\d{4}", cbs_code):
        raise typer.BadParameter(f"{cbs_code!r}: GM, PV or WS and four digits, e.g. GM0629",
                                 param_hint="--cbs-code")
    options = ImportOptions(organisation=organisation, cbs_code=cbs_code, kind=kind, year=year,
                            scale=scale, ocr=ocr, max_pages=max_pages,
                            pages=parse_pages(pages) if pages else None)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    single = len(paths) == 1
    if output is not None and not single and output.exists() and not output.is_dir():
        err.print(f"{output}: with several inputs, -o must be a directory", markup=False)
        raise typer.Exit(2)
    inputs = {p.resolve() for p in paths}
    where = targets(paths, output)
    failed = 0
    summary: list[dict[str, object]] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True,
                  disable=single) as progress:
        task = progress.add_task("import", total=len(paths))
        for result in import_paths(paths, options, jobs):
            problems = list(result.problems)
            if result.report is not None:
                trouble = _write(result, where[result.path], inputs)
                if trouble is not None:
                    problems.append(trouble)
            bad = result.report is None or any(p.severity is Severity.ERROR for p in problems)
            failed += bad
            if as_json:
                written = result.report is not None and not any(
                    p.code in ("IMPORT-WOULD-OVERWRITE", "IMPORT-CANNOT-WRITE") for p in problems)
                summary.append({"file": str(result.path),
                                "output": str(where[result.path]) if written else None,
                                "failed": bad, "seconds": round(result.seconds, 3),
                                "problems": [p.model_dump(mode="json") for p in problems]})
            for problem in [] if as_json else problems:
                style = {"error": "red", "warning": "yellow"}.get(problem.severity.value)
                out.print(problem.format(), style=style, markup=False)
            progress.advance(task)
    if as_json:
        typer.echo(json.dumps({"files": summary, "imported": len(paths) - failed,
                               "failed": failed}, ensure_ascii=False, indent=1))
    else:
        out.print(f"{len(paths)} file(s): {len(paths) - failed} imported, {failed} failed",
                  markup=False)
    raise typer.Exit(1 if failed else 0)


@app.command("pdf-debug")
def pdf_debug(
    pdf: Annotated[Path, typer.Argument(help="A PDF file.")],
    page: Annotated[int, typer.Option("--page", "-p", min=1, help="Page number (1-based).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="PNG file to write.")],
    ocr: Annotated[bool, typer.Option("--ocr", help="OCR the page if it has no text.")] = False,
) -> None:
    """Draw what extraction found on one page: text segments blue, shapes red (PNG).

    Toon wat de extractie op een pagina vond: tekstfragmenten blauw, vlakken rood (PNG).
    """
    from rekenschap.importers.pdf.debug import debug_image
    from rekenschap.importers.pdf.extract import extract_pages

    out = Console(highlight=False, soft_wrap=True)
    pages, problems = extract_pages(pdf, pages=[page], ocr=ocr)
    for problem in problems:
        out.print(problem.format(), markup=False)
    if not pages:
        raise typer.Exit(1)
    debug_image(pdf, pages[0], output)
    lines = len(pages[0].lines)
    out.print(f"{output}: {lines} line(s), {len(pages[0].rects)} shape(s)", markup=False)

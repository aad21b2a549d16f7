"""One entry point for every export format (``rekenschap export FILE --to FORMAT``)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from rekenschap.model import Problem, Report
from rekenschap.render.builder import build_document
from rekenschap.render.comparison import ComparisonPage
from rekenschap.render.docx_export import write_docx
from rekenschap.render.fdp import write_fdp
from rekenschap.render.messages import check_lang
from rekenschap.render.pdf import write_pdf
from rekenschap.render.tabular import write_csv_dir, write_json
from rekenschap.render.xlsx_export import write_xlsx


class ExportFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"
    FDP = "fdp"


DIRECTORY_FORMATS = {ExportFormat.CSV, ExportFormat.FDP}
"""Formats that write a directory (several files) rather than one file."""


def default_output(source: Path, fmt: ExportFormat) -> Path:
    """``report.yaml`` -> ``report.pdf``; directory formats -> ``report-csv/``, ``report-fdp/``."""
    if fmt in DIRECTORY_FORMATS:
        return source.with_name(f"{source.stem}-{fmt.value}")
    suffix = ".opendata.json" if fmt is ExportFormat.JSON else f".{fmt.value}"
    return source.with_name(source.stem + suffix)


def export(report: Report, fmt: ExportFormat, out: Path, *, lang: str = "nl",
           problems: Sequence[Problem] | None = None,
           comparisons: Sequence[ComparisonPage] = ()) -> list[Path]:
    """Write ``report`` as ``fmt`` to ``out``; returns the files written.

    ``problems`` adds a problems chapter to the document formats (PDF, DOCX); the data formats
    (CSV, JSON, FDP) carry data only. ``comparisons`` (pages with peer municipalities, in
    ``lang``) add a chapter to the DOCX and sheets to the XLSX.
    """
    if fmt is ExportFormat.CSV:
        return write_csv_dir(report, out)
    if fmt is ExportFormat.JSON:
        return [write_json(report, out)]
    if fmt is ExportFormat.FDP:
        package = write_fdp(report, out)
        return [package, *sorted(p for p in out.iterdir() if p != package)]
    doc = build_document(report, lang=check_lang(lang), problems=problems)
    if fmt is ExportFormat.PDF:
        return [write_pdf(doc, out)]
    if fmt is ExportFormat.DOCX:
        return [write_docx(doc, out, comparisons=comparisons)]
    return [write_xlsx(doc, out, comparisons)]

"""Golden test for the per-programme beleidsindicatoren tables of begroting 2021-2024
(columns: voorgaande / laatst bekende realisatie, landelijk vergelijkingscijfer).

The golden file holds the indicators of P0, P3, P4 and P8, compared with the rendered page 54
(pdftoppm -r 80) and the text runs of pages 33, 54, 62 and 111 (their x-positions printed by
extract_pages + build_flow, and pdftotext -layout); each file's first line says so.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from tests.conftest import corpus_file
from tests.importers_pdf.golden import GOLDEN, check, strip_provenance

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.structure import StructureOptions, build_report
from rekenschap.model import Problem, Report

NAME = "begroting-2021-2024"
CHECKED = ("P0", "P3", "P4", "P8")


@cache
def _import() -> tuple[Report, list[Problem]]:
    path = corpus_file("wassenaar", f"{NAME}.pdf")
    pages, _ = extract_pages(path)
    return build_report(pages, file=f"{NAME}.pdf", options=StructureOptions(source=str(path)))


def _indicators(report: Report) -> dict[str, Any]:
    return {p.code or "?": [strip_provenance(i.model_dump(mode="json", exclude_defaults=True))
                            for i in p.indicators]
            for p in report.programmes if p.code in CHECKED}


@pytest.mark.corpus
def test_realisation_tables_match_golden() -> None:
    report, _ = _import()
    check(GOLDEN / NAME / "beleidsindicatoren.yaml", _indicators(report), "33, 54, 62, 111")


@pytest.mark.corpus
def test_every_table_row_is_read_without_value_problems() -> None:
    """Thirty rows in the nine programme chapters' tables, every value a number or n.v.t."""
    report, problems = _import()
    counts = {p.code: len(p.indicators) for p in report.programmes}
    assert counts == {"P0": 5, "P1": 0, "P2": 0, "P3": 2, "P4": 3, "P5": 1, "P6": 11,
                      "P7": 2, "P8": 5}
    assert not [p for p in problems if p.code.startswith(("PDF-IND-", "PDF-INDICATOR-"))]
    every = [i for p in report.programmes for i in p.indicators]
    assert all(len(i.observations) == 2 and len(i.benchmarks) == 1 for i in every)
    assert all(i.name and i.unit is not None and i.source for i in every)

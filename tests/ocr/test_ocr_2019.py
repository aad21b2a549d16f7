"""The 2019 annual report with unmapped fonts, read by OCR: programme P0 and its finance table.

Pages 23 (P0's heading), 35 and 36 (its "Wat heeft het gekost?" table, over two pages) and 45
(P2's heading, in 12 pt like P0's but without descenders, so its OCR box is smaller) are OCR'd,
about 10 s. Expected amounts were checked by eye against the rendered pages
(``pdftoppm -r 70 -f 35 -l 36``).
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from tests.conftest import corpus_file

from rekenschap.checks import run_checks
from rekenschap.importers import import_path
from rekenschap.importers.options import ImportOptions
from rekenschap.model import Problem, Report, RowKind

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="needs the apt packages tesseract-ocr and tesseract-ocr-nld")


@pytest.fixture(scope="module")
def p0() -> tuple[Report, list[Problem]]:
    path = corpus_file("wassenaar", "jaarstukken-2019-unmapped-fonts.pdf")
    report, problems = import_path(path, ImportOptions(pages=(23, 35, 36, 45), ocr=True))
    assert report is not None
    return report, problems


def test_programme_heading_read_by_ocr(p0: tuple[Report, list[Problem]]) -> None:
    report, problems = p0
    assert [(p.code, p.name) for p in report.programmes] == [("P0", "Bestuur en ondersteuning"),
                                                             ("P2", "Verkeer en vervoer")]
    assert report.programmes[0].provenance is not None
    assert report.programmes[0].provenance.page == 23
    fixes = [p for p in problems if p.code == "PDF-OCR-CODE"]
    assert (fixes[0].location.page, fixes[0].location.line) == (23, 1)
    assert "'PO'" in fixes[0].message
    assert not any(p.code == "PDF-PROGRAMME-NONE" for p in problems)


def test_finance_table_over_two_pages(p0: tuple[Report, list[Problem]]) -> None:
    report, problems = p0
    table = report.programmes[0].finance
    assert table is not None
    assert len(table.columns) == 4
    keys = [c.key for c in table.columns]
    assert keys[0] == "original_budget_2019" and keys[2] == "actual_2019"

    def row(kind: RowKind) -> list[Decimal | None]:
        found = table.row(kind)
        assert found is not None, kind
        return [found.values[k] for k in keys]

    assert row(RowKind.BATEN) == [41159, 41320, 41839, 519]
    assert row(RowKind.LASTEN) == [-13394, -13609, -13230, 379]
    assert row(RowKind.SALDO) == [27765, 27710, 28609, 899]
    assert row(RowKind.RESERVE_WITHDRAWAL) == [6872, 7652, 7517, -135]
    assert row(RowKind.RESERVE_ADDITION) == [-5985, -6485, -6485, 0]
    assert row(RowKind.RESULT) == [28651, 28877, 29640, 764]
    assert table.sign_note == '("-" = nadeel / "+" = voordeel)'  # OCR read (*-"
    assert any(p.code == "PDF-OCR-QUOTE" and p.location.page == 35 for p in problems)
    assert table.title == "P0 Bestuur en ondersteuning"
    first = table.rows[0]
    assert first.label.startswith("0.1 Bestuur") and first.values[keys[1]] == 0
    assert first.provenance is not None and first.provenance.page == 35
    # 12 taakvelden x baten/lasten/saldo, 3 totals, 3 reserve rows, the result: none skipped
    assert len(table.rows) == 43
    assert not any(p.code in {"PDF-FIN-CELLS", "PDF-FIN-NUMBER"} for p in problems)
    # the printed table is rounded to thousands: only differences of one (rounding) remain;
    # a misread digit would break a sum, which the checks (not the importer) report
    assert any(p.code == "PDF-FIN-ROUNDING" for p in problems)
    arithmetic = {"FIN-SALDO", "FIN-SIGN", "FIN-RESERVES", "FIN-DIFFERENCE"}
    assert not [p.format() for p in run_checks(report) if p.code in arithmetic]

"""The 2019 annual report by OCR: P1 and P6 keep their finance tables after "Beleidsindicatoren".

Pages 43 (P1) and 76 (P6) start with "Beleidsindicatoren" in 11 pt, larger than the programmes'
own section headings (10 pt) and smaller than the programme headings (12 pt); the programmes'
"Wat heeft het gekost?" tables follow (pages 43-44 and 83-84) and their column "Begroting 2019
actueel" is the budget after amendments. Pages 39 and 70 are the programme headings; eight pages
are OCR'd. Totals checked by eye against the rendered pages (``pdftoppm -r 90 -f 43 -l 43``,
``-f 83 -l 83``).
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from tests.conftest import corpus_file

from rekenschap.importers import import_path
from rekenschap.importers.options import ImportOptions
from rekenschap.model import ColumnKind, FinanceTable, Problem, Report, RowKind

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="needs the apt packages tesseract-ocr and tesseract-ocr-nld")


@pytest.fixture(scope="module")
def imported() -> tuple[Report, list[Problem]]:
    path = corpus_file("wassenaar", "jaarstukken-2019-unmapped-fonts.pdf")
    options = ImportOptions(pages=(39, 43, 44, 70, 76, 83, 84), ocr=True)
    report, problems = import_path(path, options)
    assert report is not None
    return report, problems


def _totals(table: FinanceTable) -> list[list[Decimal | None]]:
    keys = [c.key for c in table.columns]
    out = []
    for kind in (RowKind.BATEN, RowKind.LASTEN, RowKind.SALDO):
        row = table.row(kind)
        assert row is not None, kind
        out.append([row.values[k] for k in keys])
    return out


def test_both_programmes_keep_their_finance_table(imported: tuple[Report, list[Problem]]) -> None:
    report, _ = imported
    assert [p.code for p in report.programmes] == ["P1", "P6"]
    p1, p6 = report.programmes
    assert p1.finance is not None and p6.finance is not None
    assert p1.finance.provenance is not None and p1.finance.provenance.page == 43
    assert p6.finance.provenance is not None and p6.finance.provenance.page == 83
    assert _totals(p1.finance) == [[46, 72, 52, -20], [-2778, -2855, -2773, 82],
                                   [-2732, -2783, -2721, 62]]
    assert _totals(p6.finance) == [[6127, 6370, 6663, 292], [-20340, -20801, -20161, 640],
                                   [-14213, -14430, -13498, 932]]


def test_actueel_column_is_the_amended_budget(imported: tuple[Report, list[Problem]]) -> None:
    report, problems = imported
    for programme in report.programmes:
        assert programme.finance is not None
        assert [c.kind for c in programme.finance.columns] == [
            ColumnKind.ORIGINAL_BUDGET, ColumnKind.AMENDED_BUDGET, ColumnKind.ACTUAL,
            ColumnKind.DIFFERENCE]
    assert not any(p.code == "PDF-FIN-COLUMN" for p in problems)

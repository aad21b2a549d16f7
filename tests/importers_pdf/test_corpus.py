"""The whole Wassenaar corpus imports without a crash; finance tables add up.

Every programme of every text-layer document has a baten/lasten table whose arithmetic is
consistent under its sign convention. Where the printed amounts are off by one unit (rounding
in the source: the amounts are rounded to € 1.000 separately), the import reports exactly that
as PDF-FIN-ROUNDING; the expected list per document is spelled out here, checked against the
pages. Any other finance problem fails the test.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
from tests.conftest import corpus_file

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.structure import StructureOptions, build_report
from rekenschap.model import ColumnKind, Problem, Report, RowKind, Severity

TEXT_DOCS = ["begroting-2021-2024", "begroting-2024", "begroting-2025", "begroting-2026",
             "jaarstukken-2023"]
NO_TEXT = ["jaarstukken-2019-unmapped-fonts", "scan-taakvelden-2020", "scan-taakvelden-a",
           "scan-taakvelden-b"]
PROGRAMMES = {
    "begroting-2021-2024": ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"],
    "begroting-2024": ["P1", "P2", "P3", "P4", "P5"],
    "begroting-2025": ["P1", "P2", "P3", "P4", "P5"],
    "begroting-2026": ["P1", "P2", "P3", "P4", "P5"],
    "jaarstukken-2023": ["P1", "P2", "P3", "P4", "P5"],
}
# Rounding differences of one unit printed in the documents (page: count), checked by hand on
# the pages for jaarstukken-2023 (e.g. p64 P4 begroting na wijziging: baten 2.938 + lasten
# -6.465 = -3.527, printed saldo -3.528).
ROUNDING = {
    "begroting-2021-2024": 22,
    "begroting-2024": 14,
    "begroting-2025": 15,
    "begroting-2026": 13,
    "jaarstukken-2023": 13,
}


@cache
def _import(name: str) -> tuple[Report, list[Problem]]:
    path = corpus_file("wassenaar", f"{name}.pdf")
    pages, problems = extract_pages(path)
    report, found = build_report(pages, file=f"{name}.pdf", options=StructureOptions(
        source=str(path)))
    return report, problems + found


@pytest.mark.corpus
@pytest.mark.parametrize("name", TEXT_DOCS)
def test_programmes_and_finance_tables(name: str) -> None:
    report, problems = _import(name)
    assert [p.code for p in report.programmes] == PROGRAMMES[name]
    for programme in report.programmes:
        table = programme.finance
        assert table is not None, f"{programme.code} has no finance table"
        kinds = {r.kind for r in table.rows}
        assert {RowKind.BATEN, RowKind.LASTEN, RowKind.SALDO} <= kinds
        assert table.unit is not None and table.unit.scale == 1000
        assert all(c.kind is not ColumnKind.OTHER for c in table.columns)
        assert 4 <= len(table.columns) <= 6
        assert programme.taakvelden, f"{programme.code} has no taakvelden"
        assert programme.taakveld_finance is not None
        assert programme.taakveld_finance.row(RowKind.SALDO) is not None
    assert not [p for p in problems if p.code in {"PDF-TAAKVELD-SUM", "PDF-STAGE-FAILED"}]
    # The recapitulatie: four budget years (three columns in the annual report), a baten,
    # lasten and saldo row per programme, overhead, reserves and totals; read without a problem
    # (begroting 2026 p60 prints a caption naming "Baten en lasten" above its header line).
    assert report.overview is not None
    assert len(report.overview.columns) == (3 if name.startswith("jaarstukken") else 4)
    assert len(report.overview.rows) >= 39
    assert not [p for p in problems if p.code.startswith("PDF-OVERVIEW")]
    finance = [p for p in problems if p.code.startswith("PDF-FIN")]
    assert Counter(p.code for p in finance) == Counter({"PDF-FIN-ROUNDING": ROUNDING[name]})
    assert all(p.severity is Severity.NOTICE for p in finance)


@pytest.mark.corpus
@pytest.mark.parametrize("name", TEXT_DOCS)
def test_difference_column_is_actual_minus_amended(name: str) -> None:
    report, _ = _import(name)
    for programme in report.programmes:
        table = programme.finance
        assert table is not None
        diff, actual = table.column(ColumnKind.DIFFERENCE), table.column(ColumnKind.ACTUAL)
        amended = table.column(ColumnKind.AMENDED_BUDGET)
        if diff is None:
            assert name.startswith("begroting")
            continue
        assert actual is not None and amended is not None
        for row in table.rows:
            d, a, b = (row.values[diff.key], row.values[actual.key], row.values[amended.key])
            assert d is not None and a is not None and b is not None
            assert abs(d - (a - b)) <= 1, (programme.code, row.label)


@pytest.mark.corpus
@pytest.mark.parametrize("name", NO_TEXT)
def test_documents_without_text_import_without_crash(name: str) -> None:
    report, problems = _import(name)
    assert report.programmes == ()
    codes = {p.code for p in problems}
    assert "PDF-PROGRAMME-NONE" in codes
    assert codes & {"PDF-NO-TEXT", "PDF-UNMAPPED-FONT", "PDF-GARBLED-TEXT"}

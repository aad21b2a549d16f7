"""Ruled tables via pdfplumber, only on the pages asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import corpus_file
from tests.importers_pdf_core.pdfgen import ruled_table_pdf

from rekenschap.importers.pdf.tables import ruled_tables


def test_generated_ruled_table_cells_and_boxes(tmp_path: Path) -> None:
    path = ruled_table_pdf(tmp_path / "tabel.pdf")
    tables, problems = ruled_tables(path, [2])
    assert problems == []
    (table,) = tables
    assert table.page == 2
    assert (table.x0, table.top, table.x1, table.bottom) == pytest.approx((100, 100, 400, 160),
                                                                          abs=1)
    assert table.texts() == [["Programma", "Begroting", "Realisatie"],
                             ["Totaal baten", "1.101", "2.483"],
                             ["Totaal lasten", "-4.346", "-6.628"]]
    cell = table.rows[2][1]
    assert cell is not None
    assert (cell.x0, cell.top, cell.x1, cell.bottom) == pytest.approx((250, 140, 325, 160), abs=1)


def test_only_requested_pages_and_bad_requests(tmp_path: Path) -> None:
    path = ruled_table_pdf(tmp_path / "tabel.pdf")
    assert ruled_tables(path, [1]) == ([], [])
    tables, problems = ruled_tables(path, [2, 7])
    assert len(tables) == 1 and [p.code for p in problems] == ["IMPORT-NO-SUCH-PAGE"]
    assert ruled_tables(path, []) == ([], [])


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    junk = tmp_path / "rommel.pdf"
    junk.write_bytes(b"%PDF-1.4\nkapot")
    tables, problems = ruled_tables(junk, [1])
    assert tables == [] and [p.code for p in problems] == ["PDF-TABLES-FAILED"]


@pytest.mark.corpus
def test_finance_table_of_jaarstukken_2023_page_23() -> None:
    tables, problems = ruled_tables(corpus_file("wassenaar", "jaarstukken-2023.pdf"), [23])
    assert problems == []
    rows = [row for t in tables for row in t.texts()]
    assert ["Totaal baten", None, "1.101", "2.631", "2.483", "-148"] in rows
    assert ["Programma resultaat", None, "-3.245", "-3.966", "-4.145", "-179"] in rows

"""Real documents as text dumps: the Wassenaar PDFs' text (pypdfium2, pages joined by form
feeds) imports without a crash, and the programme finance tables read from jaarstukken-2023
are the ones printed (values checked by eye against page 23 of the PDF) and add up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from tests.conftest import corpus_file

from rekenschap.importers.text import import_text
from rekenschap.model import ColumnKind, DifferenceConvention, FinanceTable, RowKind, SignConvention

pytestmark = pytest.mark.corpus


def corpus_pdf(name: str) -> Path:
    return corpus_file("wassenaar", name)


def _dump(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for i in range(len(pdf)):
            textpage = pdf[i].get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
        return "\f".join(pages)
    finally:
        pdf.close()


def _column_sum(table: FinanceTable, kinds: tuple[RowKind, ...], key: str) -> Decimal:
    total = Decimal(0)
    for kind in kinds:
        row = table.row(kind)
        assert row is not None, kind
        value = row.values[key]
        assert value is not None
        total += value
    return total


@pytest.mark.parametrize("name", ["jaarstukken-2023.pdf", "begroting-2024.pdf",
                                  "begroting-2026.pdf", "begroting-2021-2024.pdf",
                                  "jaarstukken-2019-unmapped-fonts.pdf"])
def test_corpus_dump_imports_without_crash(name: str) -> None:
    path = corpus_pdf(name)
    report, problems = import_text(_dump(path), file=name)
    assert not [p for p in problems if p.code == "TXT-INTERNAL"]
    assert report.document.year in {2019, 2021, 2023, 2024, 2026}


def test_jaarstukken_2023_finance_tables_from_the_dump() -> None:
    path = corpus_pdf("jaarstukken-2023.pdf")
    report, problems = import_text(_dump(path), file="jaarstukken-2023.pdf")
    with_finance = [p for p in report.all_programmes() if p.finance is not None]
    assert [(p.code, p.name) for p in with_finance] == [
        ("1", "Veiligheid en handhaving"), ("2", "Mens en maatschappij"),
        ("3", "Bestuur en middelen"), ("4", "Fysieke leefomgeving"),
        ("5", "Natuur, klimaat en mobiliteit")]
    p1 = with_finance[0].finance
    assert p1 is not None
    assert [c.kind for c in p1.columns] == [ColumnKind.ORIGINAL_BUDGET, ColumnKind.AMENDED_BUDGET,
                                            ColumnKind.ACTUAL, ColumnKind.DIFFERENCE]
    assert [c.year for c in p1.columns] == [2023] * 4
    lasten = p1.row(RowKind.LASTEN)
    assert lasten is not None
    assert list(lasten.values.values()) == [Decimal(-4346), Decimal(-6875), Decimal(-6628),
                                            Decimal(247)]
    assert p1.unit is not None and p1.unit.scale == 1000
    assert p1.sign_convention is SignConvention.LASTEN_NEGATIVE
    assert p1.sign_note == '"-" = nadeel / "+" = voordeel'
    assert p1.difference_convention is DifferenceConvention.FAVOURABLE_POSITIVE
    assert p1.provenance is not None and p1.provenance.page == 23
    for programme in with_finance:
        table = programme.finance
        assert table is not None
        # Amounts are rounded to thousands, so a sum of two printed amounts may be 1 off.
        for column in table.columns:
            key = column.key
            saldo = _column_sum(table, (RowKind.SALDO,), key)
            mutations = _column_sum(table, (RowKind.RESERVE_MUTATIONS,), key)
            where = (programme.code, key)
            assert abs(_column_sum(table, (RowKind.LASTEN, RowKind.BATEN), key) - saldo) <= 1, where
            assert abs(_column_sum(table, (RowKind.RESERVE_WITHDRAWAL, RowKind.RESERVE_ADDITION),
                                   key) - mutations) <= 1, where
            assert abs(saldo + mutations - _column_sum(table, (RowKind.RESULT,), key)) <= 1, where
        for row in table.rows:
            actual, amended = row.values["actual"], row.values["amended_budget"]
            assert actual is not None and amended is not None
            assert abs((row.values["difference"] or 0) - (actual - amended)) <= 1, row.label
    stacked = [p for p in problems if p.code == "TXT-FINANCE-STACKED"]
    assert len(stacked) == 5

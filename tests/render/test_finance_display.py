"""Variance item amounts in euros by their unit, and the computed Verschil column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest

from rekenschap.model import (
    ColumnKind,
    DifferenceConvention,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    MoneyUnit,
    RowKind,
    SignConvention,
    VarianceExplanation,
    VarianceItem,
)
from rekenschap.render.builder import build_document
from rekenschap.render.builder_parts import finance_data, variance_data
from rekenschap.render.formatting import Formatter
from rekenschap.render.site import build_site

from .conftest import example_report
from .sample import rich_report

COLUMNS = (FinanceColumn(key="prim", kind=ColumnKind.ORIGINAL_BUDGET, label="Primair"),
           FinanceColumn(key="wijz", kind=ColumnKind.AMENDED_BUDGET, label="Na wijziging"),
           FinanceColumn(key="real", kind=ColumnKind.ACTUAL, label="Realisatie"))


def _table(sign: SignConvention, convention: DifferenceConvention | None,
           lasten: tuple[int, int, int], baten: tuple[int, int, int | None]) -> FinanceTable:
    def row(kind: RowKind, label: str, values: tuple[int, int, int | None]) -> FinanceRow:
        return FinanceRow(kind=kind, label=label, values={
            c.key: (Decimal(v) if v is not None else None)
            for c, v in zip(COLUMNS, values, strict=True)})
    return FinanceTable(columns=COLUMNS, sign_convention=sign, difference_convention=convention,
                        rows=(row(RowKind.LASTEN, "Lasten", lasten),
                              row(RowKind.BATEN, "Baten", baten)))


def test_variance_item_in_thousands_shows_whole_euros() -> None:
    expl = VarianceExplanation(items=(
        VarianceItem(title="Brandweer", amount=Decimal(40), unit=MoneyUnit(scale=1000)),
        VarianceItem(title="Leges", amount=Decimal(86000)),
        VarianceItem(title="Onbekend")))
    data = variance_data(expl, Formatter("nl"))
    assert data.table is not None
    amounts = [(r[0].text, r[1].text, r[1].value) for r in data.table.rows]
    assert amounts == [("Brandweer", "40.000", Decimal(40000)),
                       ("Leges", "86.000", Decimal(86000)), ("Onbekend", "", None)]
    assert data.table.note == "Bedragen in euro's"


@pytest.mark.parametrize(("sign", "convention", "expected"), [
    # Groningen-like: lasten positive, no stated convention -> realisatie - begroting
    (SignConvention.POSITIVE, None, ["702", "-66"]),
    (SignConvention.POSITIVE, DifferenceConvention.AMENDED_MINUS_ACTUAL, ["-702", "66"]),
    # "+" = voordeel with positive lasten: spending more than budgeted is a disadvantage
    (SignConvention.POSITIVE, DifferenceConvention.FAVOURABLE_POSITIVE, ["-702", "-66"]),
])
def test_computed_difference_follows_the_table_convention(
        sign: SignConvention, convention: DifferenceConvention | None,
        expected: list[str]) -> None:
    table = _table(sign, convention, (42668, 44622, 45324), (5447, 6506, 6440))
    data = finance_data(table, MoneyUnit(scale=1000), Formatter("nl"), "P", (), ())
    assert data.table.headers[-1] == "Realisatie"       # the printed table is untouched
    assert data.compared is not None and data.display is data.compared
    assert data.compared.headers[-1] == "Verschil (berekend)"
    assert [r[-1].text for r in data.compared.rows] == expected
    assert "niet in het document" in (data.compared.note or "")


def test_negative_lasten_favourable_positive_is_actual_minus_budget() -> None:
    table = _table(SignConvention.LASTEN_NEGATIVE, DifferenceConvention.FAVOURABLE_POSITIVE,
                   (-100, -120, -90), (50, 60, None))
    data = finance_data(table, MoneyUnit(scale=1000), Formatter("en"), "P", (), ())
    assert data.compared is not None
    cells = [r[-1] for r in data.compared.rows]
    assert [c.value for c in cells] == [Decimal(-90 + 120), None]   # blank stays blank
    assert cells[1].text == ""
    assert data.compared.headers[-1] == "Difference (computed)"


def test_printed_difference_column_is_not_duplicated() -> None:
    doc = build_document(rich_report(), problems=None)
    first = doc.programmes[0].finance
    assert first is not None
    assert first.compared is None and first.display is first.table
    assert sum(1 for h in first.table.headers if h.startswith("Verschil")) == 1


def test_site_shows_computed_column_with_note(tmp_path: Path) -> None:
    site = build_site([example_report()], tmp_path, public=True)
    page = next(p for p in site.pages if p.name == "2-2-veiligheid.html")
    tree = lxml.html.fromstring(page.read_bytes())
    table = tree.xpath("//section[@aria-labelledby='financien']//table")[0]
    headers = [th.text_content() for th in table.xpath(".//thead//th")]
    assert headers[-1] == "Verschil (berekend)"
    lasten = [c.text_content() for c in table.xpath(".//tbody/tr[1]/*")]
    assert lasten[0] == "Lasten" and lasten[-1] == "702"      # 45.324 − 44.622
    notes = " ".join(p.text_content() for p in tree.xpath("//p[@class='rs-note']"))
    assert "realisatie − begroting na wijziging" in notes

"""The comparison column of the beleidsindicatoren table becomes benchmarks (hand-made pages)."""

from __future__ import annotations

from decimal import Decimal

from tests.importers_pdf.pages import make_page

from rekenschap.importers.pdf.flow import build_flow
from rekenschap.importers.pdf.indicators import IndicatorRow, find_indicator_tables
from rekenschap.model import Problem

XS = (72, 110, 140, 270, 400, 460, 520)  # Progr., Nr., Naam, Eenheid, Bron, own, compare


def _row(top: float, cells: list[str]) -> tuple[float, list[tuple[str, float]]]:
    return top, [(text, x) for text, x in zip(cells, XS, strict=True) if text]


def _page(region: str, compare: list[str]) -> list[tuple[float, list[tuple[str, float]]]]:
    return [
        _row(100, ["Progr.", "Nr.", "Naam Indicator", "Eenheid", "Bron", "Wassenaar", region]),
        _row(130, ["1", "6.", "Verwijzingen Halt", "Aantal per 1.000 jongeren", "Halt",
                   "10 (2022)", compare[0]]),
        _row(160, ["1", "8.", "Winkeldiefstallen", "Aantal per 1.000 inwoners", "CBS",
                   "0,9 (2023)", compare[1]]),
    ]


def _rows(region: str, compare: list[str]) -> tuple[list[IndicatorRow], list[Problem]]:
    flow = build_flow([make_page(1, _page(region, compare))])  # type: ignore[arg-type]
    return find_indicator_tables(flow, file="t.pdf")


def test_the_comparison_column_becomes_a_benchmark_of_nederland() -> None:
    rows, problems = _rows("Nederland", ["8 (2022)", "2,5 (2023)"])
    assert problems == []
    halt, theft = (r.indicator for r in rows)
    (bench,) = halt.benchmarks
    assert (bench.region, bench.region_code) == ("Nederland", "NL01")
    assert bench.value_for("2022") == Decimal(8)
    assert theft.benchmarks[0].value_for("2023") == Decimal("2.5")
    assert theft.benchmarks[0].provenance is not None
    assert theft.benchmarks[0].provenance.page == 1


def test_another_region_is_named_without_a_code() -> None:
    rows, _ = _rows("Zuid-Holland", ["8 (2022)", "2,5 (2023)"])
    bench = rows[0].indicator.benchmarks[0]
    assert (bench.region, bench.region_code) == ("Zuid-Holland", None)


def test_a_comparison_value_that_is_not_a_number_is_reported_and_the_rest_kept() -> None:
    rows, problems = _rows("Nederland", ["acht (2022)", "2,5 (2023)"])
    assert [p.code for p in problems] == ["PDF-INDICATOR-VALUE"]
    assert "acht" in problems[0].message and problems[0].location.page == 1
    halt, theft = (r.indicator for r in rows)
    assert halt.benchmarks == () and halt.value_for("2022") == Decimal(10)
    assert theft.benchmarks[0].value_for("2023") == Decimal("2.5")


def test_an_empty_comparison_cell_gives_no_benchmark() -> None:
    rows, problems = _rows("Nederland", ["", "2,5 (2023)"])
    assert problems == [] and rows[0].indicator.benchmarks == ()

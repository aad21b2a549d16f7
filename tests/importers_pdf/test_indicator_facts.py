"""The facts line under an indicator's heading: a year alone is not a target value."""

from __future__ import annotations

from decimal import Decimal

from tests.importers_pdf.flowlines import flow_line

from rekenschap.importers.pdf.indicatorfacts import add_indicator_facts, read_indicator_facts
from rekenschap.model import DesiredDirection, Indicator


def _read(facts: str) -> tuple[Indicator, list[str]]:
    lines = [flow_line(1, 100, ("Banen", 50, 80), size=10.5),
             flow_line(2, 115, (facts, 50, 300), size=10)]
    (banen,), problems = read_indicator_facts([Indicator(name="Banen")], lines, body=10.0,
                                              file="b.pdf", path="programmes[1].indicators")
    return banen, [p.format() for p in problems]


def test_a_year_alone_after_streefwaarde_is_not_the_value() -> None:
    banen, problems = _read("Peiljaar: 2019. Streefwaarde: 2025.")
    assert banen.baseline_period == "2019"
    assert banen.target is None
    assert problems == ["b.pdf:7:2: PDF-INDICATOR-TARGET-YEAR warning 'Streefwaarde: 2025' under "
                        "'Banen' names a year, not a value; no target value is taken "
                        "[programmes[1].indicators]"]


def test_a_year_alone_at_the_end_of_the_line_is_not_the_value_either() -> None:
    banen, problems = _read("Streefwaarde: 2030")
    assert banen.target is None and len(problems) == 1


def test_a_year_alone_keeps_the_direction_that_follows() -> None:
    banen, problems = _read("Streefwaarde: 2025, lager is beter.")
    # "2025," followed by a direction: the value pattern reads 2025 as the value; a year
    # with a direction after it is still a year, so no value and a problem
    assert banen.target is not None and banen.target.value is None
    assert banen.target.direction is DesiredDirection.DOWN
    assert len(problems) == 1


def test_value_then_year_is_still_read() -> None:
    banen, problems = _read("Streefwaarde: 5,2, 2025, lager is beter.")
    assert banen.target is not None
    assert (banen.target.value, banen.target.period) == (Decimal("5.2"), "2025")
    assert problems == []


def test_a_number_that_is_not_a_year_is_a_value() -> None:
    banen, problems = _read("Streefwaarde: 1.250.")
    assert banen.target is not None and banen.target.value == Decimal(1250)
    assert problems == []


def test_add_indicator_facts_gives_the_same_indicators() -> None:
    lines = [flow_line(1, 100, ("Banen", 50, 80), size=10.5),
             flow_line(2, 115, ("Streefwaarde: 2025.", 50, 300), size=10)]
    assert add_indicator_facts([Indicator(name="Banen")], lines, body=10.0) == [
        Indicator(name="Banen")]

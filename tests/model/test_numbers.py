"""Dutch number handling: every printed form the issue lists, and formatting back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekenschap.model.numbers import (
    NUMBER_TOKEN,
    format_amount,
    format_number,
    format_percent,
    parse_number,
    parse_scale,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("42.668", Decimal("42668")),
        ("-4.346", Decimal("-4346")),
        ("\u22124.346", Decimal("-4346")),
        ("(1.234)", Decimal("-1234")),
        ("1.234-", Decimal("-1234")),
        ("+702", Decimal("702")),
        ("5,7", Decimal("5.7")),
        ("5, 4", Decimal("5.4")),
        ("0", Decimal("0")),
        ("2.778.000", Decimal("2778000")),
        ("1.553.291,50", Decimal("1553291.50")),
    ],
)
def test_parses_dutch_amounts(text: str, value: Decimal) -> None:
    parsed = parse_number(text)
    assert parsed.value == value
    assert not parsed.point_decimal


def test_comparator_currency_percent() -> None:
    gt = parse_number("> 100")
    assert (gt.value, gt.comparator) == (Decimal(100), ">")
    ge = parse_number("\u2265 50.000")
    assert (ge.value, ge.comparator) == (Decimal(50000), ">=")
    eur = parse_number("\u20ac 2.778.000")
    assert (eur.value, eur.currency) == (Decimal(2778000), True)
    pct = parse_number("12,4%")
    assert (pct.value, pct.percent) == (Decimal("12.4"), True)
    neg_eur = parse_number("-\u20ac 1.000")
    assert (neg_eur.value, neg_eur.currency) == (Decimal(-1000), True)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("n.n.b.", "n.n.b."), ("N.N.B.", "n.n.b."), ("nnb", "n.n.b."), ("n.v.t.", "n.v.t."),
    ("-", "nil"), ("4.3x", "not-a-number"), ("", "not-a-number"),
    ("x \u20ac 1.000", "not-a-number"),
])
def test_non_numbers_are_reported_not_guessed(text: str, qualifier: str) -> None:
    parsed = parse_number(text)
    assert parsed.value is None
    assert not parsed.ok
    assert parsed.qualifier == qualifier


def test_point_decimal_is_flagged() -> None:
    parsed = parse_number("5.7")
    assert parsed.value == Decimal("5.7")
    assert parsed.point_decimal


def test_ambiguous_grouping_is_dutch() -> None:
    # A dot followed by exactly three digits is a thousands separator in Dutch documents.
    assert parse_number("13.140").value == Decimal(13140)


@pytest.mark.parametrize(("text", "scale"), [
    ("Bedragen x \u20ac 1.000", 1000), ("x \u20ac1.000", 1000), ("(x \u20ac 1 mln)", 1_000_000),
    ("bedragen x 1.000 euro", 1000), ("Lasten 42.668", None),
])
def test_scale(text: str, scale: int | None) -> None:
    assert parse_scale(text) == scale


def test_formatting_dutch_and_english() -> None:
    assert format_amount(Decimal(-4346)) == "-4.346"
    assert format_number(Decimal("5.7")) == "5,7"
    assert format_number(Decimal("5.70")) == "5,70"
    assert format_number(Decimal("1234.5"), 1, locale="en") == "1,234.5"
    assert format_percent(Decimal("48.3")) == "48,3%"


def test_number_token_finds_numbers_in_text() -> None:
    text = "Lasten 42.668 44.622 45.324 en (1.234) of 5,7 maar niet 2023-2024x"
    assert [m.group(0) for m in NUMBER_TOKEN.finditer(text)] == [
        "42.668", "44.622", "45.324", "(1.234)", "5,7"]


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False))
def test_format_then_parse_round_trips(value: Decimal) -> None:
    assert parse_number(format_number(value, 2)).value == value


@given(st.text(max_size=40))
def test_parse_never_raises(text: str) -> None:
    parse_number(text)
    parse_scale(text)


def test_number_token_in_indicator_sentence() -> None:
    text = "(19 per 1000 inwoners in 2019 -> 10 per 1000 inwoners  ->2023 10)"
    assert [m.group(0) for m in NUMBER_TOKEN.finditer(text)] == [
        "19", "1000", "2019", "10", "1000", "2023", "10"]


def test_no_negative_zero_after_rounding() -> None:
    assert format_number(Decimal("-0.04"), 1) == "0,0"
    assert format_number(Decimal("-0.05"), 1) == "-0,1"
    assert format_number(-4346) == "-4.346"
    assert format_number(5.7) == "5,7"
    assert format_number(Decimal("2.5"), 0) == "3"
    assert format_number(Decimal("48.25"), 1) == "48,3"


def test_negation_is_exact_for_long_numbers() -> None:
    digits = "1234567890123456789012345678901234"
    assert parse_number("-" + digits).value == Decimal("-" + digits)
    assert str(parse_number("-" + digits).value) == "-" + digits

"""Units: printed unit text to a comparable structure."""

from __future__ import annotations

import pytest

from rekenschap.model import Unit, UnitKind, parse_unit


@pytest.mark.parametrize(("text", "kind", "per", "population"), [
    ("per 1000 inwoners", UnitKind.RATE, 1000, "inwoners"),
    ("per 1.000 inwoners", UnitKind.RATE, 1000, "inwoners"),
    ("per 1.000 jongeren 12-17 jaar", UnitKind.RATE, 1000, "jongeren 12-17 jaar"),
    ("per 10.000 inwoners 18 jaar en ouder", UnitKind.RATE, 10000, "inwoners 18 jaar en ouder"),
    ("% van totale lasten", UnitKind.PERCENTAGE, None, "van totale lasten"),
    ("kg per inwoner", UnitKind.RATE, 1, "inwoner"),
    ("aantal", UnitKind.COUNT, None, None),
    ("per jaar", UnitKind.COUNT, None, None),
    ("aantal per maand", UnitKind.COUNT, None, None),
])
def test_parse_unit(text: str, kind: UnitKind, per: int | None, population: str | None) -> None:
    unit = parse_unit(text)
    assert (unit.kind, unit.per, unit.population) == (kind, per, population)
    assert unit.label == text


def test_same_measure_ignores_wording_but_not_base() -> None:
    a = parse_unit("per 1000 inwoners")
    b = parse_unit("per 1.000 inwoners")
    halt = parse_unit("per 1.000 jongeren 12-17 jaar")
    assert a.same_measure(b)
    assert not a.same_measure(halt)
    assert halt.same_measure(Unit(kind=UnitKind.RATE, per=1000, population="jongeren 12 t/m 17"))
    assert not a.same_measure(parse_unit("per 10.000 inwoners"))


def test_describe() -> None:
    assert parse_unit("per 10000 inwoners").describe() == "per 10.000 inwoners"
    assert parse_unit("fte per 1.000 inwoners").describe() == "fte per 1.000 inwoners"

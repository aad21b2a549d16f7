"""The cells of an effect-indicator table (effectindicatoren) as values: a number with the year
it prints ("6,1% (2021)" -> 6.1 for 2021, printed text kept), and the indicator's unit from its
name ("(per 1.000 inw)") or its values ("%", "kg", "€ ... mln"). Used by
:mod:`~rekenschap.importers.pdf.effects`.
"""

from __future__ import annotations

import re

from rekenschap.model import Observation, Unit, UnitKind, parse_unit
from rekenschap.model.numbers import NUMBER_TOKEN, parse_number

__all__ = ["cell_value", "value_unit"]

_PAREN_YEAR = re.compile(r"\(\s*((?:19|20)\d\d)\s*\)")
_RATE = re.compile(r"\(\s*(per\s+[\d.]+\s+\w+)\s*\)", re.I)


def cell_value(text: str) -> tuple[Observation | None, str | None]:
    """A value cell as an observation (period from "(2021)" when printed)."""
    text = re.sub(r"(\d)\s*,\s*(\d)", r"\1,\2", " ".join(text.split()))
    year = _PAREN_YEAR.search(text)
    rest = _PAREN_YEAR.sub("", text).strip()
    token = NUMBER_TOKEN.search(rest)
    parsed = parse_number(rest)
    value = parsed.value if parsed.value is not None else (
        parse_number(token.group()).value if token else None)
    if value is None:
        return None, year.group(1) if year else None
    plain = (token is not None and parsed.value is not None and not parsed.percent
             and rest == token.group())
    return Observation(period=year.group(1) if year else None, value=value,
                       printed=None if plain else text), year.group(1) if year else None


def value_unit(texts: list[str], percent: bool, name: str = "") -> Unit | None:
    """The unit the name states ("(per 1.000 inw)") or the values print ("%", "kg",
    "€ ... mln"), ``None`` when there is none."""
    if rate := _RATE.search(name):
        return parse_unit(rate.group(1))
    if percent:
        return Unit(kind=UnitKind.PERCENTAGE, label="%")
    joined = " ".join(texts).lower()
    if "mln" in joined:
        return Unit(kind=UnitKind.CURRENCY, quantity="€", label="€ mln")
    if re.search(r"\bkg\b", joined):
        return Unit(kind=UnitKind.MASS, quantity="kg", label="kg")
    return None

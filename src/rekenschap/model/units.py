"""Units of indicators (eenheden) and the currency scale of finance tables."""

from __future__ import annotations

import re
from enum import StrEnum

from rekenschap.model.base import Frozen, PositiveInt


class UnitKind(StrEnum):
    """What kind of quantity an indicator measures."""

    COUNT = "count"            # aantal
    RATE = "rate"              # per N of a population (per 1.000 inwoners)
    PERCENTAGE = "percentage"  # %
    CURRENCY = "currency"      # euro
    FTE = "fte"                # fte (per N inwoners is a RATE with quantity fte)
    MASS = "mass"              # kg
    RATIO = "ratio"            # verhouding, index
    OTHER = "other"


class Unit(Frozen):
    """An indicator unit: "per 1.000 jongeren 12-17 jaar" is ``RATE, per=1000, population=...``.

    ``label`` keeps the unit as printed; the structured fields make units comparable.
    """

    kind: UnitKind
    per: PositiveInt | None = None
    population: str | None = None
    quantity: str | None = None
    """What is counted when it is not plain occurrences ("fte", "kg", "€")."""
    label: str | None = None

    def same_measure(self, other: Unit) -> bool:
        """True when two units measure the same thing (label wording ignored)."""
        return (self.kind, self.per, _norm_pop(self.population), self.quantity) == (
            other.kind, other.per, _norm_pop(other.population), other.quantity)

    def describe(self) -> str:
        if self.kind is UnitKind.RATE and self.per:
            base = f"per {self.per:,}".replace(",", ".")
            quantity = f"{self.quantity} " if self.quantity else ""
            return f"{quantity}{base} {self.population or ''}".strip()
        if self.kind is UnitKind.PERCENTAGE:
            return "%" + (f" {self.population}" if self.population else "")
        return self.label or self.kind.value


def _norm_pop(population: str | None) -> str | None:
    if population is None:
        return None
    p = population.lower().replace("\u2013", "-").replace(" t/m ", "-").replace(" tot en met ", "-")
    p = re.sub(r"\s+jaar\b", "", p)
    p = re.sub(r"\s+", " ", p).strip()
    return p


_RATE = re.compile(
    r"(?:(?P<quantity>fte|kg|\u20ac|euro)\s+)?per\s+(?P<per>\d{1,3}(?:\.\d{3})*|\d+)\s*(?P<pop>[^()\d][^()]*?(?:\d+\s*(?:-|\u2013|t/m)\s*\d+(?:\s*jaar)?)?)?\s*$",
    re.IGNORECASE,
)


def parse_unit(text: str) -> Unit:
    """Read a printed unit ("per 1000 inwoners", "% van totale lasten", "kg per inwoner")."""
    label = " ".join(text.split())
    low = label.lower()
    m = _RATE.search(low)
    if m and m.group("per"):
        per = int(m.group("per").replace(".", ""))
        pop = (m.group("pop") or "").strip() or None
        return Unit(kind=UnitKind.RATE, per=per, population=pop,
                    quantity=_quantity(m.group("quantity")), label=label)
    m2 = re.search(r"(fte|kg|\u20ac|euro)\s+per\s+(?P<pop>[a-z][\w\s-]*)$", low)
    if m2:
        return Unit(kind=UnitKind.RATE, per=1, population=m2.group("pop").strip(),
                    quantity=_quantity(m2.group(1)), label=label)
    if low.startswith("%") or low.startswith("percentage") or low.endswith("%"):
        rest = low.lstrip("%").removeprefix("percentage").strip() or None
        return Unit(kind=UnitKind.PERCENTAGE, population=rest, label=label)
    if low in {"aantal", "absoluut", "aantallen"} or re.fullmatch(
            r"(?:aantal\s+)?per\s+(?:jaar|kwartaal|maand|week|dag)", low):
        # "8 per jaar" counts occurrences in a period: a count, not a rate of a population.
        return Unit(kind=UnitKind.COUNT, label=label)
    if low in {"\u20ac", "euro", "bedrag"} or low.startswith("\u20ac"):
        return Unit(kind=UnitKind.CURRENCY, label=label)
    if low.startswith("fte"):
        return Unit(kind=UnitKind.FTE, label=label)
    if low.startswith("kg"):
        return Unit(kind=UnitKind.MASS, label=label)
    if "verhouding" in low or "index" in low:
        return Unit(kind=UnitKind.RATIO, label=label)
    return Unit(kind=UnitKind.OTHER, label=label)


def _quantity(raw: str | None) -> str | None:
    if raw is None:
        return None
    return {"euro": "\u20ac"}.get(raw, raw)


class MoneyUnit(Frozen):
    """The currency scale of amounts: ``scale=1000`` for "x € 1.000"."""

    currency: str = "EUR"
    scale: PositiveInt = 1
    label: str | None = None

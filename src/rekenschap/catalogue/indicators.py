"""The mandatory policy indicators (beleidsindicatoren, the BBV 'basisset') with unit history.

Data: ``catalogue/data/indicators.yaml``; sources are cited there and in docs/catalogue.md.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field

from rekenschap.catalogue._data import read_yaml
from rekenschap.model.base import Frozen
from rekenschap.model.units import Unit

__all__ = [
    "CatalogueIndicator", "Sighting", "UnitPeriod", "indicator", "indicators",
    "indicators_source", "unit_for", "units_for",
]


class UnitPeriod(Frozen):
    """A unit valid from ``from_year`` to ``until_year`` (inclusive; ``None`` = unknown/open)."""

    unit: Unit
    from_year: int | None = None
    until_year: int | None = None
    note: str | None = None

    def covers(self, year: int) -> bool:
        return ((self.from_year is None or self.from_year <= year)
                and (self.until_year is None or year <= self.until_year))


class Sighting(Frozen):
    """Where a name or unit was seen printed in a real document."""

    document: str
    printed: str
    note: str | None = None


class CatalogueIndicator(Frozen):
    """One indicator of the basisset; ``id`` is a fixed kebab-case slug."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    number: int = Field(ge=1)
    taakveld: str
    name: str
    aliases: tuple[str, ...] = ()
    iv3_code: str | None = None
    units: tuple[UnitPeriod, ...] = ()
    unit_variants: tuple[UnitPeriod, ...] = ()
    """Other units documents print for it ("some documents: per 1.000")."""
    population: str | None = None
    source: str | None = None
    """Who publishes the figures (CBS, Bureau Halt, LISA, eigen gegevens ...)."""
    removed: bool = False
    """No longer in the basisset (the year may be unknown: see ``removed_from``)."""
    removed_from: int | None = None
    """First year the indicator is no longer in the basisset, when known."""
    note: str | None = None
    seen: tuple[Sighting, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def active_in(self, year: int) -> bool:
        """False from ``removed_from`` on; True while the removal year is unknown."""
        return self.removed_from is None or year < self.removed_from


class _IndicatorFile(Frozen):
    source: str
    indicators: tuple[CatalogueIndicator, ...]


@cache
def _catalogue() -> _IndicatorFile:
    return _IndicatorFile.model_validate(read_yaml("indicators.yaml"))


@cache
def _by_id() -> dict[str, CatalogueIndicator]:
    return {i.id: i for i in _catalogue().indicators}


def indicators(year: int | None = None) -> tuple[CatalogueIndicator, ...]:
    """All indicators in number order; with ``year``, without those known to be removed by then.

    Indicators removed in an unknown year (``removed`` without ``removed_from``) stay listed.
    """
    every = _catalogue().indicators
    return every if year is None else tuple(i for i in every if i.active_in(year))


def indicator(indicator_id: str) -> CatalogueIndicator | None:
    """The indicator with this id, or ``None``."""
    return _by_id().get(indicator_id)


def indicators_source() -> str:
    """The citation for the indicator data."""
    return _catalogue().source


def units_for(indicator_id: str, year: int) -> tuple[Unit, ...]:
    """Every unit the catalogue allows for ``year``: more than one when the change year is unknown.

    Empty when the id is unknown, the indicator was removed by then, or no unit is recorded.
    """
    found = indicator(indicator_id)
    if found is None or not found.active_in(year):
        return ()
    return tuple(p.unit for p in found.units if p.covers(year))


def unit_for(indicator_id: str, year: int) -> Unit | None:
    """The one official unit in ``year``; ``None`` when unknown or ambiguous (see units_for)."""
    candidates = units_for(indicator_id, year)
    return candidates[0] if len(candidates) == 1 else None

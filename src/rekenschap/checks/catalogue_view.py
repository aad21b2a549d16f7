"""The few facts the checks need from the BBV catalogue, behind one small typed interface."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rekenschap import catalogue
from rekenschap.model import Indicator, Unit


@dataclass(frozen=True)
class CatalogueFacts:
    """What the catalogue says about one BBV indicator for one year."""

    id: str
    name: str
    units: tuple[Unit, ...]
    """Every unit allowed in the year (more than one when the year of a change is unknown)."""
    all_units: tuple[Unit, ...]
    """Every unit the indicator ever had."""
    source: str | None
    removed_from: int | None


def available() -> bool:
    """Whether the catalogue has indicators (a broken package data file would leave it empty)."""
    return bool(catalogue.indicators())


def known_id(catalogue_id: str) -> bool:
    return catalogue.indicator(catalogue_id) is not None


@lru_cache(maxsize=4096)
def matched_id(name: str) -> str | None:
    """The catalogue id the name matches, if any (an ambiguous name matches none)."""
    try:
        entry = catalogue.match_indicator(name)
    except ValueError:
        return None
    return None if entry is None else entry.id


def facts(indicator: Indicator, year: int) -> CatalogueFacts | None:
    """Catalogue facts for the indicator (by its ``catalogue_id``, else by name)."""
    return _facts(indicator.catalogue_id or matched_id(indicator.name), year)


@lru_cache(maxsize=1024)
def _facts(cid: str | None, year: int) -> CatalogueFacts | None:
    entry = None if cid is None else catalogue.indicator(cid)
    if entry is None:
        return None
    return CatalogueFacts(entry.id, entry.name, catalogue.units_for(entry.id, year),
                          tuple(u.unit for u in entry.units), entry.source, entry.removed_from)

"""The few facts the checks need from the BBV catalogue, behind one small typed interface.

All catalogue access of the checks goes through here, so the checks keep working (and say so)
when the catalogue has no entry, or an older catalogue lacks a function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rekenschap.model import Indicator, Unit


@dataclass(frozen=True)
class CatalogueFacts:
    """What the catalogue says about one BBV indicator for one year."""

    id: str
    name: str
    unit: Unit | None
    unit_note: str | None
    source: str | None
    removed_from: int | None


def _api() -> Any:
    try:
        from rekenschap import catalogue
    except ImportError:  # pragma: no cover - the package always exists
        return None
    return catalogue if hasattr(catalogue, "match_indicator") else None


def available() -> bool:
    """Whether the catalogue API is installed (tests assert it is)."""
    return _api() is not None


def known_id(catalogue_id: str) -> bool:
    api = _api()
    if api is None:
        return True  # cannot tell: do not accuse the document
    try:
        return api.indicator(catalogue_id) is not None
    except (KeyError, LookupError, ValueError):
        return False


def matched_id(name: str) -> str | None:
    """The catalogue id the name matches, if any."""
    api = _api()
    if api is None:
        return None
    entry = api.match_indicator(name)
    return None if entry is None else str(entry.id)


def facts(indicator: Indicator, year: int) -> CatalogueFacts | None:
    """Catalogue facts for the indicator (by its ``catalogue_id``, else by name)."""
    api = _api()
    if api is None:
        return None
    cid = indicator.catalogue_id or matched_id(indicator.name)
    if cid is None:
        return None
    try:
        entry = api.indicator(cid)
    except (KeyError, LookupError, ValueError):
        return None
    if entry is None:
        return None
    unit = api.unit_for(cid, year) if hasattr(api, "unit_for") else None
    source = getattr(entry, "data_source", None) or getattr(entry, "source", None)
    removed = getattr(entry, "removed_from", None)
    note = _unit_note(entry, unit)
    return CatalogueFacts(
        cid,
        str(entry.name),
        unit if isinstance(unit, Unit) else None,
        note,
        str(source) if isinstance(source, str) else None,
        int(removed) if isinstance(removed, int) else None,
    )


def _unit_note(entry: Any, unit: Any) -> str | None:
    for version in getattr(entry, "units", ()) or ():
        if getattr(version, "unit", None) == unit:
            note = getattr(version, "note", None)
            return str(note) if note else None
    return None

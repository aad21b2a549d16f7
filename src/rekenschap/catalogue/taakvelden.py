"""Iv3 taakvelden (functional classification) and categorieën per year, from CBS's own files.

Data: ``catalogue/data/taakvelden.json``, derived by ``scripts/build_taakvelden.py``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rekenschap.catalogue._data import read_json
from rekenschap.model.base import Frozen

__all__ = ["Categorie", "Taakveld", "categorieen", "taakveld", "taakvelden", "taakvelden_source",
           "years"]


class Taakveld(Frozen):
    """A taakveld such as ``1.2 Openbare orde en veiligheid`` in main group ``1 VEILIGHEID``."""

    code: str
    name: str
    group: str
    group_name: str
    year: int


class Categorie(Frozen):
    """An economic category (categorie) of lasten or baten, e.g. ``4.2 Subsidies``."""

    code: str
    name: str
    group: str
    group_name: str
    side: str  # "lasten" or "baten"
    year: int


@cache
def _years() -> dict[int, dict[str, Any]]:
    return {int(year): data for year, data in read_json("taakvelden.json")["years"].items()}


def years() -> tuple[int, ...]:
    """The years with a CBS definition file, ascending."""
    return tuple(sorted(_years()))


@cache
def taakvelden(year: int) -> tuple[Taakveld, ...]:
    """The taakvelden of ``year`` in CBS's order; empty for a year without a definition file."""
    data = _years().get(year)
    if data is None:
        return ()
    return tuple(Taakveld(year=year, **item) for item in data["taakvelden"])


def taakveld(code: str, year: int) -> Taakveld | None:
    """One taakveld by code ("1.2", also "1.2 " or "01.2" is not accepted: codes are exact)."""
    return next((t for t in taakvelden(year) if t.code == code.strip()), None)


@cache
def categorieen(year: int, side: str = "lasten") -> tuple[Categorie, ...]:
    """The categorieën lasten or baten of ``year``."""
    data = _years().get(year)
    if data is None or side not in {"lasten", "baten"}:
        return ()
    return tuple(Categorie(year=year, side=side, **item)
                 for item in data[f"categorieen_{side}"])


def taakvelden_source() -> str:
    """The citation for the taakvelden data."""
    return str(read_json("taakvelden.json")["source"])

"""Where the open-data files are, and loading them together (bronbestanden).

One root directory with the layout of the shared corpus::

    <root>/iv3/<year>_<begroting|jaarrekening>.csv   Iv3 per municipality per taakveld
    <root>/iv3/gemeenteklassen/<year>.csv             size classes
    <root>/iv3-definities/iv3_definities_Gemeente_<year>.json
    <root>/cbs/83648NED*.csv                          registered crime (StatLine export)
    <root>/cbs/47018NED*.json                         police crime classes (saved OData answer)
    <root>/cbs/70072*.csv                             regionale kerncijfers (population)
    <root>/cbs/*gemeenten*.csv                        municipality register

The root is the ``--data`` argument, else ``$REKENSCHAP_OPENDATA``, else
``$REKENSCHAP_SHARED/corpus``, else ``../shared/corpus`` from the working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["OpenDataPaths", "discover"]


def _first(directory: Path, pattern: str) -> Path | None:
    found = sorted(directory.glob(pattern)) if directory.is_dir() else []
    return found[-1] if found else None


@dataclass(frozen=True)
class OpenDataPaths:
    root: Path
    iv3_dir: Path
    size_classes_dir: Path
    definitions_dir: Path
    crime: Path | None
    population: Path | None
    register: Path | None
    police: Path | None = None

    def iv3_file(self, year: int, phase: str) -> Path:
        return self.iv3_dir / f"{year}_{phase}.csv"

    def size_classes(self, year: int) -> Path:
        return self.size_classes_dir / f"{year}.csv"

    def definitions(self, year: int) -> Path:
        return self.definitions_dir / f"iv3_definities_Gemeente_{year}.json"


def discover(root: Path | str | None = None) -> OpenDataPaths:
    """The open-data files under ``root`` (see the module doc for the search order)."""
    if root is None:
        env = os.environ.get("REKENSCHAP_OPENDATA")
        shared = os.environ.get("REKENSCHAP_SHARED")
        root = env or (Path(shared) / "corpus" if shared else Path("..") / "shared" / "corpus")
    base = Path(root)
    cbs = base / "cbs"
    return OpenDataPaths(
        root=base, iv3_dir=base / "iv3", size_classes_dir=base / "iv3" / "gemeenteklassen",
        definitions_dir=base / "iv3-definities",
        crime=_first(cbs, "83648NED*.csv"), population=_first(cbs, "70072*.csv"),
        register=_first(cbs, "*gemeenten*.csv"), police=_first(cbs, "47018NED*.json"))

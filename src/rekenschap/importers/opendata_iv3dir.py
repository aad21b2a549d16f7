"""A directory of Iv3 files (``<year>_<begroting|jaarrekening>.csv``) as one lookup.

``load_iv3_dir(directory)`` loads every Iv3 file in it, the CBS municipality register (so
figures can be looked up by CBS code) and, when present, CBS's Iv3 definition files (so a
taakveld such as "6.71" includes its sub-taakvelden 6.71a-d of that year).

Where the register and definitions are looked for, in order: the arguments, then
``<directory>/*gemeenten*.csv`` and ``<directory>/../cbs/*gemeenten*.csv`` (newest name first),
and ``<directory>/../iv3-definities/`` — the layout of the shared corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rekenschap.importers.iv3 import (
    Iv3CodeList,
    Iv3Table,
    load_iv3,
    load_iv3_definitions,
    taakveld_code,
)
from rekenschap.importers.opendata_municipalities import MunicipalityRegister, load_register
from rekenschap.model import Location, Problem, Severity

__all__ = ["Iv3Data", "find_definitions", "find_register", "load_iv3_dir"]

_FILE = re.compile(r"^(?P<year>\d{4})_(?P<phase>begroting|jaarrekening)\.csv$", re.IGNORECASE)
_DEFS = re.compile(r"iv3_definities_Gemeente_(?P<year>\d{4})\.json$")


@dataclass
class Iv3Data:
    """All loaded Iv3 tables by (year, phase), with code lists by year."""

    tables: dict[tuple[int, str], Iv3Table] = field(default_factory=dict)
    code_lists: dict[int, Iv3CodeList] = field(default_factory=dict)
    register: MunicipalityRegister | None = None

    def table(self, year: int, phase: str) -> Iv3Table | None:
        return self.tables.get((year, phase))

    def expand(self, year: int, taakveld: str) -> list[str]:
        code = taakveld_code(taakveld) or taakveld.strip()
        codes = self.code_lists.get(year)
        return codes.expand(code) if codes is not None else [code]

    def amounts(self, cbs_code: str, year: int, phase: str,
                taakveld: str) -> tuple[Decimal, Decimal] | None:
        """``(baten, lasten)`` in EUR x 1.000, both positive, summed over sub-taakvelden.

        ``taakveld`` may be "1.2" or "1.2 Openbare orde en veiligheid". ``None`` when the
        year/phase, municipality or taakveld is not in the data.
        """
        table = self.tables.get((year, phase))
        if table is None:
            return None
        found = [table.amounts(cbs_code, code) for code in self.expand(year, taakveld)]
        present = [f for f in found if f is not None]
        if not present:
            return None
        baten = sum((b for b, _ in present), Decimal(0))
        return baten, sum((la for _, la in present), Decimal(0))


def find_register(directory: Path) -> Path | None:
    """The newest ``*gemeenten*.csv`` next to or beside ``directory`` (corpus layout)."""
    for place in (directory, directory.parent / "cbs"):
        found = sorted(place.glob("*gemeenten*.csv"), reverse=True) if place.is_dir() else []
        if found:
            return max(found, key=lambda p: re.findall(r"\d{4}", p.name)[-1:] or ["0"])
    return None


def find_definitions(directory: Path) -> dict[int, Path]:
    """CBS Iv3 definition files by year in ``directory`` or ``../iv3-definities``."""
    out: dict[int, Path] = {}
    for place in (directory, directory.parent / "iv3-definities"):
        if place.is_dir():
            for path in place.glob("iv3_definities_Gemeente_*.json"):
                m = _DEFS.search(path.name)
                if m:
                    out[int(m.group("year"))] = path
    return out


def load_iv3_dir(directory: Path | str, *, register: Path | str | None = None,
                 definitions: Path | str | None = None) -> tuple[Iv3Data, list[Problem]]:
    """Load every ``<year>_<phase>.csv`` in ``directory``; never raises for bad content."""
    root = Path(directory)
    data = Iv3Data()
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(code="IV3-DIR-MISSING", severity=Severity.ERROR,
                                message="the Iv3 directory does not exist",
                                location=Location(file=str(root))))
        return data, problems
    register_path = Path(register) if register else find_register(root)
    if register_path is not None:
        data.register, found = load_register(register_path)
        problems.extend(found)
    else:
        problems.append(Problem(
            code="IV3-REGISTER-MISSING", severity=Severity.NOTICE,
            message="no CBS municipality list (*gemeenten*.csv) found; lookups by name only",
            location=Location(file=str(root))))
    defs_dir = Path(definitions) if definitions else root
    for year, path in sorted(find_definitions(defs_dir).items()):
        data.code_lists[year], found = load_iv3_definitions(path)
        problems.extend(found)
    names = data.register.by_name() if data.register else None
    files = sorted(p for p in root.iterdir() if _FILE.match(p.name))
    if not files:
        problems.append(Problem(code="IV3-DIR-EMPTY", severity=Severity.WARNING,
                                message="no <year>_<begroting|jaarrekening>.csv files here",
                                location=Location(file=str(root))))
    for path in files:
        m = _FILE.match(path.name)
        assert m is not None
        year, phase = int(m.group("year")), m.group("phase").lower()
        table, found = load_iv3(path, register=names, taakvelden=data.code_lists.get(year))
        data.tables[(year, phase)] = table
        problems.extend(found)
    return data, problems

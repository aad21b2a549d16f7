"""Iv3 open data (Informatie voor derden): baten and lasten per municipality per taakveld.

Reads the per-year CSV files derived from CBS Iv3 open data (``2023_jaarrekening.csv``:
``Gemeenten;Taakveld;...;Baten;Lasten;Provincie;Gemeentegrootte;Stedelijkheid;Inwonertal``,
amounts in EUR x 1.000, both baten and lasten positive) and CBS's own Iv3 definition files
(``iv3_definities_Gemeente_<year>.json``, the taakveld code list per year).

Problems are returned, never raised: an unknown municipality, an unknown taakveld code, a bad
amount or a missing column each give one :class:`Problem` naming file, line and column, and
every valid row is kept.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from rekenschap.importers.opendata_csv import CsvRow, CsvTable, parse_decimal, read_csv_table
from rekenschap.model import Location, Problem, Provenance, Severity

__all__ = [
    "IV3_SCALE",
    "NATIONAL_CODE",
    "Iv3Amount",
    "Iv3CodeList",
    "Iv3Municipality",
    "Iv3Table",
    "load_iv3",
    "load_iv3_definitions",
    "normalise_name",
    "short_name",
    "taakveld_code",
]

NATIONAL_CODE = "NL01"
"""CBS's region code for Nederland; the Iv3 files carry a "Nederland" total row."""

IV3_SCALE = 1000
"""Iv3 amounts are in EUR x 1.000."""

REQUIRED = ("Gemeenten", "Taakveld", "Baten", "Lasten")
_TAAKVELD = re.compile(r"^\s*(\d{1,2}\.\d{1,3}[a-z]?)(?:\.|\s|$)")
_FILE_NAME = re.compile(r"(?P<year>\d{4})_(?P<kind>begroting|jaarrekening)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """A municipality name for matching: case, accents, spacing and punctuation ignored.

    The province suffix stays ("Bergen (NH.)" -> "bergen nh"): it is what tells Bergen (L.) and
    Bergen (NH.) apart. :func:`short_name` drops it.
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def short_name(name: str) -> str:
    """The normalised name without a parenthesised suffix: "Hengelo (O.)" -> "hengelo"."""
    return normalise_name(re.sub(r"\(.*?\)", " ", name))


def taakveld_code(label: str) -> str | None:
    """``"0.10 Mutaties reserves"`` -> ``"0.10"``; ``None`` when the label has no code."""
    m = _TAAKVELD.match(label)
    return m.group(1) if m else None


@dataclass(frozen=True)
class Iv3Amount:
    """Baten and lasten of one municipality on one taakveld, in EUR x 1.000 (both positive)."""

    municipality: str
    taakveld: str
    baten: Decimal | None
    lasten: Decimal | None
    file: str
    line: int

    @property
    def provenance(self) -> Provenance:
        """Where the row is (built on demand: a year has some 24.000 rows)."""
        return Provenance(file=self.file, line=self.line)


@dataclass(frozen=True)
class Iv3Municipality:
    """What the Iv3 file says about a municipality (gemeente): size class, population, ..."""

    name: str
    cbs_code: str | None
    province: str | None
    size_class: str | None
    urbanity: str | None
    population: int | None


@dataclass
class Iv3Table:
    """One Iv3 file: amounts per (municipality, taakveld), looked up by CBS code or name."""

    file: str
    year: int | None
    kind: str | None
    """``"begroting"`` or ``"jaarrekening"`` when the file name says so."""
    delimiter: str = ";"
    """The delimiter the file turned out to use."""
    columns: tuple[str, ...] = ()
    """The header as read."""
    municipalities: dict[str, Iv3Municipality] = field(default_factory=dict)
    """Keyed by normalised name."""
    _amounts: dict[tuple[str, str], Iv3Amount] = field(default_factory=dict)
    _by_code: dict[str, str] = field(default_factory=dict)

    def _key(self, municipality: str) -> str | None:
        if municipality.upper().startswith(("GM", "NL")):
            return self._by_code.get(municipality.upper())
        key = normalise_name(municipality)
        return key if key in self.municipalities else None

    def municipality(self, code_or_name: str) -> Iv3Municipality | None:
        key = self._key(code_or_name)
        return self.municipalities.get(key) if key else None

    def amount(self, municipality: str, taakveld: str) -> Iv3Amount | None:
        key = self._key(municipality)
        return self._amounts.get((key, taakveld)) if key else None

    def amounts(self, municipality: str, taakveld: str) -> tuple[Decimal, Decimal] | None:
        """``(baten, lasten)`` in EUR x 1.000 (unknown counts as 0); ``None`` when absent."""
        found = self.amount(municipality, taakveld)
        if found is None:
            return None
        return (found.baten or Decimal(0), found.lasten or Decimal(0))

    def taakvelden(self, municipality: str) -> list[str]:
        key = self._key(municipality)
        return sorted((tv for (m, tv) in self._amounts if m == key), key=_taakveld_sort)

    def rows(self) -> Iterator[Iv3Amount]:
        return iter(self._amounts.values())

    def add(self, amount: Iv3Amount) -> None:
        self._amounts[(normalise_name(amount.municipality), amount.taakveld)] = amount

    def add_municipality(self, info: Iv3Municipality) -> None:
        self.municipalities[normalise_name(info.name)] = info
        if info.cbs_code:
            self._by_code[info.cbs_code] = normalise_name(info.name)


def _taakveld_sort(code: str) -> tuple[int, ...]:
    """Hierarchical order, digit by digit: 0.1, 0.10, 0.11, 0.2, ..., 6.2, 6.21, 6.3."""
    major, _, minor = code.partition(".")
    return (int(major), *(ord(ch) for ch in minor))


def load_iv3(path: Path | str, *, register: Mapping[str, str] | None = None,
             taakvelden: Container[str] | None = None,
             text: str | None = None) -> tuple[Iv3Table, list[Problem]]:
    """Load one Iv3 CSV file.

    ``register`` maps normalised municipality names to CBS codes (see
    :func:`rekenschap.importers.opendata_municipalities.load_register`); names it lacks give
    ``IV3-MUNICIPALITY-UNKNOWN``. ``taakvelden`` is the code list of the file's year (from
    :func:`load_iv3_definitions`); codes outside it give ``IV3-TAAKVELD-UNKNOWN``.
    """
    csv_table = read_csv_table(path, expected_delimiter=";", required=REQUIRED,
                               code_prefix="IV3", text=text)
    m = _FILE_NAME.search(Path(str(path)).name)
    table = Iv3Table(file=csv_table.file, year=int(m.group("year")) if m else None,
                     kind=m.group("kind").lower() if m else None,
                     delimiter=csv_table.delimiter, columns=tuple(csv_table.header))
    problems = list(csv_table.problems)
    if {"Gemeenten", "Taakveld"} & set(csv_table.missing):
        return table, problems
    unknown_names: set[str] = set()
    for row in csv_table.rows:
        _read_row(csv_table, row, table, problems, register, taakvelden, unknown_names)
    return table, problems


def _read_row(csv_table: CsvTable, row: CsvRow, table: Iv3Table, problems: list[Problem],
              register: Mapping[str, str] | None, taakvelden: Container[str] | None,
              unknown_names: set[str]) -> None:
    name = row.get("Gemeenten")
    label = row.get("Taakveld")
    if not name:
        problems.append(csv_table.problem("IV3-MUNICIPALITY-MISSING", Severity.ERROR,
                                          "row has no municipality name; skipped",
                                          line=row.line, column="Gemeenten"))
        return
    code = taakveld_code(label)
    if code is None:
        problems.append(csv_table.problem("IV3-TAAKVELD-INVALID", Severity.ERROR,
                                          f"{label!r} does not start with a taakveld code; skipped",
                                          line=row.line, column="Taakveld"))
        return
    if taakvelden is not None and code not in taakvelden:
        problems.append(csv_table.problem(
            "IV3-TAAKVELD-UNKNOWN", Severity.WARNING,
            f"taakveld {code} ({label}) is not in the code list of {table.year or 'this year'}; "
            "kept", line=row.line, column="Taakveld"))
    key = normalise_name(name)
    if key not in table.municipalities:
        cbs_code = NATIONAL_CODE if key == "nederland" else (
            register.get(key) if register is not None else None)
        if register is not None and cbs_code is None and key not in unknown_names:
            unknown_names.add(key)
            problems.append(csv_table.problem(
                "IV3-MUNICIPALITY-UNKNOWN", Severity.WARNING,
                f"municipality {name!r} is not in the CBS municipality register; kept by name",
                line=row.line, column="Gemeenten"))
        table.add_municipality(_municipality(csv_table, row, name, cbs_code, problems))
    amounts: dict[str, Decimal | None] = {}
    for column in ("Baten", "Lasten"):
        if column in csv_table.missing:
            amounts[column] = None
            continue
        try:
            amounts[column] = parse_decimal(row.get(column))
        except ValueError as exc:
            problems.append(csv_table.problem("IV3-AMOUNT-INVALID", Severity.ERROR,
                                              f"{exc}; {column} left unknown",
                                              line=row.line, column=column))
            amounts[column] = None
    earlier = table.amount(name, code)
    if earlier is not None:
        problems.append(csv_table.problem(
            "IV3-DUPLICATE", Severity.WARNING,
            f"{name} {code} appears again (first on line {earlier.line}); the rows are added up",
            line=row.line, column="Taakveld"))
        amounts = {k: _plus(v, getattr(earlier, k.lower())) for k, v in amounts.items()}
    table.add(Iv3Amount(municipality=name, taakveld=code, baten=amounts["Baten"],
                        lasten=amounts["Lasten"], file=csv_table.file, line=row.line))


def _plus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return b if a is None else a if b is None else a + b


def _municipality(csv_table: CsvTable, row: CsvRow, name: str, cbs_code: str | None,
                  problems: list[Problem]) -> Iv3Municipality:
    population: int | None = None
    raw = row.get("Inwonertal")
    if raw:
        try:
            value = parse_decimal(raw)
            population = int(value) if value is not None else None
        except ValueError as exc:
            problems.append(csv_table.problem("IV3-AMOUNT-INVALID", Severity.WARNING,
                                              f"{exc}; population left unknown",
                                              line=row.line, column="Inwonertal"))
    return Iv3Municipality(name=name, cbs_code=cbs_code, province=row.get("Provincie") or None,
                           size_class=row.get("Gemeentegrootte") or None,
                           urbanity=row.get("Stedelijkheid") or None, population=population)


@dataclass(frozen=True)
class Iv3CodeList:
    """The taakveld code list of one year: names and the sub-codes each code is split into."""

    names: dict[str, str]
    children: dict[str, tuple[str, ...]]

    def __contains__(self, code: object) -> bool:
        return code in self.names

    def expand(self, code: str) -> list[str]:
        """``code`` and the sub-taakvelden it is split into, as far as this year's list has them.

        2023: "6.71" -> 6.71, 6.71a, ..., 6.71d (lettered sub-codes). 2025: "6.71" is no longer a
        code and expands to 6.711 ... 6.714; "6.2" to 6.21 ... 6.23. "0.1" stays "0.1".
        """
        if code in self.names:
            subs = [c for c in self.names
                    if len(c) == len(code) + 1 and c.startswith(code) and c[-1].isalpha()]
        else:
            subs = [c for c in self.names if len(c) == len(code) + 1 and c.startswith(code)]
        out = [code] if code in self.names else []
        for child in (*self.children.get(code, ()), *subs):
            if child not in out:
                out.extend(c for c in self.expand(child) if c not in out)
        return out or [code]


def load_iv3_definitions(path: Path | str) -> tuple[Iv3CodeList, list[Problem]]:
    """The taakveld code list of CBS's ``iv3_definities_Gemeente_<year>.json``.

    Only taakveld codes like ``"0.1"``, ``"6.71a"`` and ``"6.711"`` are kept (not group codes
    such as ``"0."`` or ``"Tot_TV"``).
    """
    name = str(path)
    empty = Iv3CodeList(names={}, children={})
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        tree = data["codelijsten"]["taakveld"]["codelijst"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return empty, [Problem(code="IV3-DEFINITIONS-INVALID", severity=Severity.ERROR,
                               message=f"cannot read the taakveld code list: {exc}",
                               location=Location(file=name, path="codelijsten.taakveld"))]
    names: dict[str, str] = {}
    children: dict[str, tuple[str, ...]] = {}
    _collect(tree, None, names, children)
    return Iv3CodeList(names=names, children=children), []


_CODE = re.compile(r"\d{1,2}\.\d{1,3}[a-z]?")


def _collect(nodes: Any, parent: str | None, names: dict[str, str],
             children: dict[str, tuple[str, ...]]) -> None:
    if not isinstance(nodes, list):
        return
    for node in nodes:
        if not isinstance(node, dict):
            continue
        code = str(node.get("code", "")).strip()
        is_code = _CODE.fullmatch(code) is not None
        if is_code:
            names[code] = str(node.get("omschrijving", "")).strip()
            if parent is not None:
                children[parent] = (*children.get(parent, ()), code)
        _collect(node.get("subcodes"), code if is_code else None, names, children)

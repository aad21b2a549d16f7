"""Population (inwonertal) and size class (gemeentegrootteklasse) per municipality per year.

Two open-data sources:

* CBS StatLine 70072NED "Regionale kerncijfers Nederland" export (``RegioS``, ``Perioden``,
  ``TotaleBevolking_1`` = population on 1 January): :func:`load_population`;
* the ``gemeenteklassen/<year>.csv`` files that accompany the Iv3 data (tab-separated:
  ``Gemeenten``, ``Provincie``, ``Gemeentegrootte``, ``Stedelijkheid``, ``Inwonertal``):
  :func:`load_size_classes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rekenschap.importers.opendata_csv import parse_decimal, read_csv_table
from rekenschap.model import Problem, Provenance, Severity

__all__ = ["PopulationTable", "SizeClass", "SizeClassTable", "load_population",
           "load_size_classes"]

_PERIOD = re.compile(r"^(?P<year>\d{4})JJ00$")


@dataclass
class PopulationTable:
    """Population by (region code, year), with where each figure came from."""

    values: dict[tuple[str, int], int] = field(default_factory=dict)
    provenance: dict[tuple[str, int], Provenance] = field(default_factory=dict)

    def get(self, region: str, year: int) -> int | None:
        return self.values.get((region, year))

    def merge(self, other: PopulationTable) -> None:
        """Add ``other``'s figures where this table has none."""
        for key, value in other.values.items():
            if key not in self.values:
                self.values[key] = value
                self.provenance[key] = other.provenance[key]


def load_population(path: Path | str, *, text: str | None = None,
                    ) -> tuple[PopulationTable, list[Problem]]:
    """Population per region per year from a 70072NED (regionale kerncijfers) export."""
    csv_table = read_csv_table(path, expected_delimiter=";",
                               required=("RegioS", "Perioden", "TotaleBevolking_1"),
                               code_prefix="CBS-POPULATION", text=text)
    result = PopulationTable()
    problems = list(csv_table.problems)
    if csv_table.missing:
        return result, problems
    for row in csv_table.rows:
        m = _PERIOD.match(row.get("Perioden"))
        if not m:
            continue
        try:
            value = parse_decimal(row.get("TotaleBevolking_1"))
        except ValueError as exc:
            problems.append(csv_table.problem("CBS-POPULATION-INVALID", Severity.ERROR,
                                              f"{exc}; population left unknown",
                                              line=row.line, column="TotaleBevolking_1"))
            continue
        if value is None:
            continue
        key = (row.get("RegioS").upper(), int(m.group("year")))
        result.values[key] = int(value)
        result.provenance[key] = csv_table.provenance(row)
    return result, problems


@dataclass(frozen=True)
class SizeClass:
    """One municipality's classification in one year."""

    name: str
    year: int
    province: str | None
    size_class: str | None
    urbanity: str | None
    population: int | None
    provenance: Provenance


@dataclass
class SizeClassTable:
    """Size classes of one year, keyed by municipality name as printed."""

    year: int
    rows: dict[str, SizeClass] = field(default_factory=dict)


def load_size_classes(path: Path | str, *, year: int | None = None,
                      text: str | None = None) -> tuple[SizeClassTable, list[Problem]]:
    """A ``gemeenteklassen/<year>.csv`` file; the year comes from the name unless given."""
    if year is None:
        m = re.search(r"(\d{4})", Path(str(path)).name)
        year = int(m.group(1)) if m else 0
    csv_table = read_csv_table(path, expected_delimiter="\t",
                               required=("Gemeenten", "Gemeentegrootte"),
                               code_prefix="SIZE-CLASS", text=text)
    result = SizeClassTable(year=year)
    problems = list(csv_table.problems)
    if "Gemeenten" in csv_table.missing:
        return result, problems
    for row in csv_table.rows:
        name = row.get("Gemeenten")
        population: int | None = None
        try:
            value = parse_decimal(row.get("Inwonertal"))
            population = int(value) if value is not None else None
        except ValueError as exc:
            problems.append(csv_table.problem("SIZE-CLASS-INVALID", Severity.WARNING,
                                              f"{exc}; population left unknown",
                                              line=row.line, column="Inwonertal"))
        result.rows[name] = SizeClass(
            name=name, year=year, province=row.get("Provincie") or None,
            size_class=row.get("Gemeentegrootte") or None,
            urbanity=row.get("Stedelijkheid") or None, population=population,
            provenance=csv_table.provenance(row))
    return result, problems

"""Population and size class per municipality per year, from all open data at hand.

Combines CBS 70072NED (population on 1 January, by CBS code) with the population and size class
the Iv3 files and the gemeenteklassen files give per year (by name, matched to CBS codes with
the municipality list). Where two sources give a figure for the same year, 70072NED wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rekenschap.importers.opendata_iv3dir import Iv3Data, load_iv3_dir
from rekenschap.importers.population import PopulationTable
from rekenschap.model import Provenance

__all__ = ["MunicipalityYear", "Profiles", "population_lookup", "profiles"]


@dataclass(frozen=True)
class MunicipalityYear:
    cbs_code: str
    year: int
    population: int | None
    size_class: str | None
    province: str | None
    provenance: Provenance | None


@dataclass
class Profiles:
    """Population and size class by (CBS code, year)."""

    rows: dict[tuple[str, int], MunicipalityYear] = field(default_factory=dict)

    def get(self, cbs_code: str, year: int) -> MunicipalityYear | None:
        return self.rows.get((cbs_code, year))

    def population(self, cbs_code: str, year: int) -> int | None:
        """Population of ``cbs_code`` in ``year`` (the signature crime values take)."""
        found = self.rows.get((cbs_code, year))
        return found.population if found else None


def profiles(population: PopulationTable, iv3: Iv3Data | None = None) -> Profiles:
    """Merge 70072NED figures with what the Iv3 files of each year say."""
    out = Profiles()
    if iv3 is not None:
        for (year, _phase), table in sorted(iv3.tables.items()):
            for info in table.municipalities.values():
                if info.cbs_code is None or (info.cbs_code, year) in out.rows:
                    continue
                out.rows[(info.cbs_code, year)] = MunicipalityYear(
                    cbs_code=info.cbs_code, year=year, population=info.population,
                    size_class=info.size_class, province=info.province,
                    provenance=Provenance(file=table.file))
    for (code, year), value in population.values.items():
        known = out.rows.get((code, year))
        out.rows[(code, year)] = MunicipalityYear(
            cbs_code=code, year=year, population=value,
            size_class=known.size_class if known else None,
            province=known.province if known else None,
            provenance=population.provenance.get((code, year)))
    return out


def population_lookup(population: PopulationTable,
                      iv3_dir: Path | None) -> Callable[[str, int], int | None]:
    """``(code, year) -> population``: 70072NED first; for other years the Iv3 files of
    ``iv3_dir``, loaded only when first needed (a few seconds)."""
    merged: list[Profiles] = []

    def lookup(code: str, year: int) -> int | None:
        found = population.get(code, year)
        if found is not None or iv3_dir is None or not iv3_dir.is_dir():
            return found
        if not merged:
            merged.append(profiles(population, load_iv3_dir(iv3_dir)[0]))
        return merged[0].population(code, year)

    return lookup

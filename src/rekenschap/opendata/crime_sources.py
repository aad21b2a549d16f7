"""Crime indicator values for one municipality and Nederland, from whichever source is at hand.

The CBS OData API when asked for and reachable, else a given file (StatLine CSV export or saved
OData JSON of 83648NED or of the police's 47018NED), else the 83648NED export in the open-data
directory; population from 70072NED with
the Iv3 years as fallback. Missing sources are problems, not exceptions.
"""

from __future__ import annotations

from pathlib import Path

from rekenschap.importers.cbs import (
    CrimeTable,
    fetch_crime_odata,
    load_crime_codes,
    load_crime_csv,
    load_crime_odata,
)
from rekenschap.importers.population import PopulationTable, load_population
from rekenschap.model import Location, Problem, Severity
from rekenschap.opendata.crime import NATIONAL, CrimeValue, crime_values
from rekenschap.opendata.population import population_lookup
from rekenschap.opendata.sources import OpenDataPaths

__all__ = ["crime_for", "load_crime_source"]


def load_crime_source(paths: OpenDataPaths, data: Path | None, cbs: str,
                      online: bool = False) -> tuple[CrimeTable | None, list[Problem]]:
    """The crime table: live API (``online``), else ``data``, else the directory's export."""
    codes = load_crime_codes()
    problems: list[Problem] = []
    if online:
        try:
            return load_crime_odata(fetch_crime_odata(cbs), name="CBS OData 83648NED", codes=codes)
        except OSError as exc:
            problems.append(Problem(code="CBS-OFFLINE", severity=Severity.NOTICE,
                                    message=f"CBS OData API not reachable ({exc}); "
                                            "using the local file",
                                    location=Location(file="CBS OData 83648NED")))
    source = data or paths.crime
    if source is None or not source.exists():
        problems.append(Problem(code="CBS-DATA-MISSING", severity=Severity.ERROR,
                                message="no crime data: pass a file (83648NED or 47018NED) "
                                        "or a data root with an 83648NED export",
                                location=Location(file=str(source or paths.root / "cbs"))))
        return None, problems
    table, found = (load_crime_odata(source, codes=codes) if source.suffix.lower() == ".json"
                    else load_crime_csv(source, codes=codes))
    return table, problems + found


def _population(paths: OpenDataPaths, path: Path | None) -> tuple[PopulationTable, list[Problem]]:
    source = path or paths.population
    if source is None or not source.exists():
        return PopulationTable(), []
    return load_population(source)


def crime_for(cbs: str, paths: OpenDataPaths, data: Path | None = None,
              population: Path | None = None,
              online: bool = False) -> tuple[list[CrimeValue], list[Problem]]:
    """CBS crime indicator values of ``cbs`` and of Nederland (NL01), with all problems."""
    table, problems = load_crime_source(paths, data, cbs, online)
    if table is None:
        return [], problems
    people, found = _population(paths, population)
    problems.extend(found)
    lookup = population_lookup(people, paths.iv3_dir)
    codes = load_crime_codes()
    values, found = crime_values(table, codes, cbs, lookup)
    problems.extend(found)
    national, _ = crime_values(table, codes, NATIONAL, lookup)
    return values + national, problems

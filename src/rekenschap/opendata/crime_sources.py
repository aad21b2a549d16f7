"""Crime indicator values for one municipality and Nederland, from whichever source is at hand.

The CBS OData API when asked for and reachable (table 83648NED, or the police's 47018NED on
dataderden.cbs.nl), else a given file (StatLine CSV export or saved OData JSON of either table),
else the open-data directory's file of the asked table (without one: the 83648NED export, else a
saved 47018NED answer); population from 70072NED with the Iv3 years as fallback. Missing sources
are problems, not exceptions. Each value's ``source`` names the table actually read.
"""

from __future__ import annotations

from pathlib import Path

from rekenschap.importers.cbs import (
    CRIME_TABLE,
    POLICE_TABLE,
    CrimeTable,
    load_crime_codes,
    load_crime_csv,
    load_crime_odata,
)
from rekenschap.importers.cbs_fetch import fetch_crime_odata
from rekenschap.importers.population import PopulationTable, load_population
from rekenschap.model import Location, Problem, Severity
from rekenschap.opendata.crime import NATIONAL, CrimeValue, crime_values
from rekenschap.opendata.population import population_lookup
from rekenschap.opendata.sources import OpenDataPaths

__all__ = ["crime_for", "load_crime_source"]


def _local(paths: OpenDataPaths, table: str | None) -> Path | None:
    if table == POLICE_TABLE:
        return paths.police
    if table == CRIME_TABLE:
        return paths.crime
    return paths.crime or paths.police


def load_crime_source(paths: OpenDataPaths, data: Path | None, cbs: str, online: bool = False,
                      table: str | None = None) -> tuple[CrimeTable | None, list[Problem]]:
    """The crime table: live API (``online``, table ``table`` or 83648NED), else ``data``, else
    the directory's file of ``table`` (any when ``None``)."""
    codes = load_crime_codes()
    problems: list[Problem] = []
    if online:
        name = f"CBS OData {table or CRIME_TABLE}"
        try:
            answer = fetch_crime_odata(cbs, table=table or CRIME_TABLE)
            return load_crime_odata(answer, name=name, codes=codes)
        except OSError as exc:
            problems.append(Problem(code="CBS-OFFLINE", severity=Severity.NOTICE,
                                    message=f"CBS OData API not reachable ({exc}); "
                                            "using the local file",
                                    location=Location(file=name)))
    source = data or _local(paths, table)
    if source is None or not source.exists():
        problems.append(Problem(code="CBS-DATA-MISSING", severity=Severity.ERROR,
                                message=f"no crime data: pass a file ({CRIME_TABLE} or "
                                        f"{POLICE_TABLE}) or a data root with a "
                                        f"{table or CRIME_TABLE} file in cbs/",
                                location=Location(file=str(source or paths.root / "cbs"))))
        return None, problems
    loaded, found = (load_crime_odata(source, codes=codes) if source.suffix.lower() == ".json"
                     else load_crime_csv(source, codes=codes))
    if table is not None and data is not None and loaded.table != table:
        found.append(Problem(code="CBS-TABLE-MISMATCH", severity=Severity.WARNING,
                             message=f"asked for {table} but the file holds {loaded.table}; "
                                     f"its values are labelled CBS {loaded.table}",
                             location=Location(file=str(source))))
    return loaded, problems + found


def _population(paths: OpenDataPaths, path: Path | None) -> tuple[PopulationTable, list[Problem]]:
    source = path or paths.population
    if source is None or not source.exists():
        return PopulationTable(), []
    return load_population(source)


def crime_for(cbs: str, paths: OpenDataPaths, data: Path | None = None,
              population: Path | None = None, online: bool = False,
              table: str | None = None) -> tuple[list[CrimeValue], list[Problem]]:
    """CBS crime indicator values of ``cbs`` and of Nederland (NL01), with all problems."""
    table_read, problems = load_crime_source(paths, data, cbs, online, table)
    if table_read is None:
        return [], problems
    people, found = _population(paths, population)
    problems.extend(found)
    lookup = population_lookup(people, paths.iv3_dir)
    codes = load_crime_codes()
    values, found = crime_values(table_read, codes, cbs, lookup)
    problems.extend(found)
    national, _ = crime_values(table_read, codes, NATIONAL, lookup)
    return values + national, problems

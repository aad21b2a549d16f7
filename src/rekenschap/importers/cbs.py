"""CBS StatLine crime data (table 83648NED "Geregistreerde criminaliteit; soort misdrijf, regio",
and the police's 47018NED "Geregistreerde misdrijven; soort misdrijf, wijk, buurt, jaarcijfers").

Two sources give the same :class:`CrimeTable`:

* a local StatLine CSV export (``;``-separated, quoted, space-padded, ``.`` decimal, empty or
  ``.`` = unknown): :func:`load_crime_csv`;
* the CBS OData v3 API, ``TypedDataSet`` JSON (``{"value": [{"SoortMisdrijf": ..., "RegioS":
  ..., "Perioden": "2015JJ00", "TotaalGeregistreerdeMisdrijven_1": 1090, ...}]}``):
  :func:`load_crime_odata` reads a saved response, :func:`fetch_crime_odata` asks the API when
  the machine is online (optional; nothing else depends on it).

Crime-type codes of the code lists (old "0000000" = totaal, new "T001161", police classes
"1.1.1" of 47018NED) are recognised via ``catalogue/data/cbs_crime_codes.yaml``; an unknown code
or region is reported and kept. 47018NED (on dataderden.cbs.nl) has counts only
(``GeregistreerdeMisdrijven_1``) and calls its region dimension ``WijkenEnBuurten`` (``RegioS``
is read too); the table id comes from ``odata.metadata``, else from the police code list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from rekenschap.importers.opendata_csv import parse_decimal, read_csv_table
from rekenschap.model import Location, Problem, Provenance, Severity

__all__ = [
    "CRIME_CODES_PATH",
    "CRIME_TABLE",
    "POLICE_TABLE",
    "REGION",
    "TABLES",
    "CodeList",
    "CrimeCodes",
    "CrimeRecord",
    "CrimeTable",
    "IndicatorCodes",
    "load_crime_codes",
    "load_crime_csv",
    "load_crime_odata",
]

CRIME_TABLE = "83648NED"
POLICE_TABLE = "47018NED"
"""Police registration by crime class (politie), per municipality, wijk and buurt, per year."""
TABLES = (CRIME_TABLE, POLICE_TABLE)
CRIME_CODES_PATH = (Path(__file__).resolve().parents[1] / "catalogue" / "data"
                    / "cbs_crime_codes.yaml")
_PERIOD = re.compile(r"^(?P<year>\d{4})JJ00$")
REGION = re.compile(
    r"^(NL\d{2}|LD\d{2}|PV\d{2}|CR\d{2}|RE\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$")
_REGION_KEYS = ("RegioS", "WijkenEnBuurten")
_METADATA_TABLE = re.compile(r"/odata/(?P<table>\d{5}[A-Z]{3})/\$metadata", re.I)


@dataclass(frozen=True)
class CodeList:
    """One crime-type code list: which keys belong to it and its total code."""

    name: str
    pattern: re.Pattern[str]
    total: str
    codes: dict[str, str]
    unverified: frozenset[str]


@dataclass(frozen=True)
class IndicatorCodes:
    """How a BBV indicator is computed from each code list (sum of codes)."""

    id: str
    name: str
    definition: str
    codes: dict[str, tuple[str, ...]]
    unavailable: dict[str, str]


@dataclass(frozen=True)
class CrimeCodes:
    lists: dict[str, CodeList]
    indicators: dict[str, IndicatorCodes]

    def list_of(self, code: str) -> CodeList | None:
        return next((c for c in self.lists.values() if c.pattern.match(code)), None)


def load_crime_codes(path: Path | str = CRIME_CODES_PATH) -> CrimeCodes:
    """The code-list mapping; a broken data file is a bug in the package, so this raises."""
    data: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    lists = {
        name: CodeList(name=name, pattern=re.compile(spec["pattern"]), total=spec["total"],
                       codes={str(k): str(v) for k, v in spec["codes"].items()},
                       unverified=frozenset(spec.get("unverified", ())))
        for name, spec in data["code_lists"].items()}
    indicators = {
        key: IndicatorCodes(id=key, name=spec["name"], definition=spec["definition"],
                            codes={k: tuple(v) for k, v in spec.get("codes", {}).items()},
                            unavailable=dict(spec.get("unavailable", {})))
        for key, spec in data["indicators"].items()}
    return CrimeCodes(lists=lists, indicators=indicators)


@dataclass(frozen=True)
class CrimeRecord:
    """Registered crimes of one type, region and year: count and CBS's rate per 1.000."""

    code: str
    region: str
    year: int
    count: Decimal | None
    rate: Decimal | None
    provenance: Provenance


@dataclass
class CrimeTable:
    """Crime records keyed by (code, region, year)."""

    source: str
    table: str = CRIME_TABLE
    records: dict[tuple[str, str, int], CrimeRecord] = field(default_factory=dict)

    def get(self, code: str, region: str, year: int) -> CrimeRecord | None:
        return self.records.get((code, region, year))

    def years(self, region: str) -> list[int]:
        return sorted({y for (_, r, y) in self.records if r == region})

    def regions(self) -> set[str]:
        return {r for (_, r, _) in self.records}

    def codes(self) -> set[str]:
        return {c for (c, _, _) in self.records}


@dataclass
class _Reader:
    """Shared row handling of the CSV and OData paths: one problem per odd code/region/period."""

    table: CrimeTable
    codes: CrimeCodes
    problems: list[Problem] = field(default_factory=list)
    _seen: set[tuple[str, str]] = field(default_factory=set)

    def _once(self, kind: str, value: str, problem: Problem) -> None:
        if (kind, value) not in self._seen:
            self._seen.add((kind, value))
            self.problems.append(problem)

    def add(self, code: str, region: str, period: str, count: Any, rate: Any,
            where: Location, provenance: Provenance) -> None:
        m = _PERIOD.match(period)
        if not m:
            self._once("period", period, _problem(
                "CBS-PERIOD-UNSUPPORTED", Severity.NOTICE,
                f"period {period!r} is not a whole year (YYYYJJ00); such rows are skipped", where,
                "Perioden"))
            return
        if self.codes.list_of(code) is None:
            self._once("code", code, _problem(
                "CBS-CODE-UNKNOWN", Severity.WARNING,
                f"crime-type code {code!r} is in none of the known code lists; kept, "
                "but no indicator uses it", where, "SoortMisdrijf"))
        if not REGION.match(region):
            self._once("region", region, _problem(
                "CBS-REGION-UNKNOWN", Severity.WARNING,
                f"region code {region!r} is not a CBS region code (NLxx, PVxx, GMxxxx, ...); kept",
                where, "RegioS"))
        values: list[Decimal | None] = []
        for raw, column in ((count, "count"), (rate, "rate per 1.000")):
            try:
                values.append(_number(raw))
            except ValueError as exc:
                self.problems.append(_problem("CBS-VALUE-INVALID", Severity.ERROR,
                                              f"{exc}; {column} left unknown", where, column))
                values.append(None)
        self.table.records[(code, region, int(m.group("year")))] = CrimeRecord(
            code=code, region=region, year=int(m.group("year")), count=values[0],
            rate=values[1], provenance=provenance)


def _number(raw: Any) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(f"not a number: {raw!r}")
    if isinstance(raw, int | float):
        return Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    return parse_decimal(str(raw))


def _problem(code: str, severity: Severity, message: str, where: Location,
             column: str) -> Problem:
    path = f"{where.path}.{column}" if where.path else f"column {column}"
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=where.file, line=where.line, path=path))


def _columns(header: list[str]) -> tuple[str | None, str | None]:
    count = next((h for h in header if h.startswith(("TotaalGeregistreerdeMisdrijven",
                                                     "GeregistreerdeMisdrijven"))
                  and "Per1000" not in h), None)
    rate = next((h for h in header if "Per1000" in h), None)
    return count, rate


def load_crime_csv(path: Path | str, *, codes: CrimeCodes | None = None,
                   text: str | None = None) -> tuple[CrimeTable, list[Problem]]:
    """Read a StatLine CSV export of 83648NED; every valid row is kept."""
    csv_table = read_csv_table(path, expected_delimiter=";",
                               required=("SoortMisdrijf", "RegioS", "Perioden"),
                               code_prefix="CBS", text=text)
    reader = _Reader(CrimeTable(source=csv_table.file), codes or load_crime_codes())
    reader.problems.extend(csv_table.problems)
    count_col, rate_col = _columns(csv_table.header)
    if count_col is None and rate_col is None:
        reader.problems.append(csv_table.problem(
            "CBS-COLUMN-MISSING", Severity.ERROR,
            "no count (TotaalGeregistreerdeMisdrijven_1) or rate (...Per1000Inw...) column",
            line=1, column="TotaalGeregistreerdeMisdrijven_1"))
    if csv_table.missing or (count_col is None and rate_col is None):
        return reader.table, reader.problems
    for row in csv_table.rows:
        reader.add(row.get("SoortMisdrijf"), row.get("RegioS").upper(), row.get("Perioden"),
                   row.get(count_col) if count_col else None,
                   row.get(rate_col) if rate_col else None,
                   Location(file=csv_table.file, line=row.line), csv_table.provenance(row))
    return reader.table, reader.problems


def load_crime_odata(source: Path | str | dict[str, Any], *, name: str | None = None,
                     codes: CrimeCodes | None = None) -> tuple[CrimeTable, list[Problem]]:
    """Read an OData v3 ``TypedDataSet`` response (a saved file or the parsed JSON)."""
    file = name or (str(source) if not isinstance(source, dict) else "<odata>")
    reader = _Reader(CrimeTable(source=file), codes or load_crime_codes())
    try:
        data = source if isinstance(source, dict) else json.loads(
            Path(source).read_text(encoding="utf-8"))
        items = data["value"]
        if not isinstance(items, list):
            raise TypeError("'value' is not a list")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reader.problems.append(Problem(code="CBS-ODATA-INVALID", severity=Severity.ERROR,
                                       message=f"not an OData TypedDataSet response: {exc}",
                                       location=Location(file=file, path="value")))
        return reader.table, reader.problems
    for i, item in enumerate(items):
        where = Location(file=file, path=f"value[{i}]")
        region = next((k for k in _REGION_KEYS if isinstance(item, dict)
                       and isinstance(item.get(k), str)), None)
        if region is None or not all(
                isinstance(item.get(k), str) for k in ("SoortMisdrijf", "Perioden")):
            reader.problems.append(_problem(
                "CBS-ODATA-INVALID", Severity.ERROR,
                "item lacks SoortMisdrijf/RegioS (or WijkenEnBuurten)/Perioden; skipped",
                where, "item"))
            continue
        count_col, rate_col = _columns(list(item))
        reader.add(item["SoortMisdrijf"].strip(), _national(item[region].strip().upper()),
                   item["Perioden"].strip(), item.get(count_col) if count_col else None,
                   item.get(rate_col) if rate_col else None, where, Provenance(file=file))
    reader.table.table = _table_id(data, reader.table, reader.codes)
    return reader.table, reader.problems


def _national(region: str) -> str:
    """Nederland is "NL00" in CBS's wijk-en-buurt tables (47018NED) and "NL01" elsewhere."""
    return "NL01" if region == "NL00" else region


def _table_id(data: dict[str, Any], table: CrimeTable, codes: CrimeCodes) -> str:
    """The table's id from ``odata.metadata``, else 47018NED when it uses the police classes."""
    found = _METADATA_TABLE.search(str(data.get("odata.metadata", "")))
    if found:
        return found.group("table").upper()
    police = codes.lists.get("politie")
    if police is not None and any(police.pattern.match(c) for c in table.codes()):
        return POLICE_TABLE
    return CRIME_TABLE

"""BBV crime indicators per 1.000 inhabitants from CBS table 83648NED or the police's 47018NED.

For each indicator of ``cbs_crime_codes.yaml`` and each year the table has for a region:

* the code list is recognised from the codes present (old 7-digit list, new "T001161"/CRI list,
  police classes of 47018NED, which has counts only: its rates are always computed);
* with a single code and CBS's own rate, that rate is used and cross-checked against
  count / population x 1.000 (``CBS-RATE-MISMATCH`` when they differ by more than the rounding
  of the count to 5 allows);
* otherwise (several codes, or CBS suppressed the rate with ".") the rate is computed from the
  summed counts and the population, and says so in ``method``;
* the Nederland value (NL01) is taken from the table when present, else computed from the sum
  of all municipalities' counts and the national population.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from rekenschap.importers.cbs import CrimeCodes, CrimeTable
from rekenschap.model import Location, Problem, Provenance, Severity

__all__ = ["NATIONAL", "CrimeValue", "crime_values", "detect_code_list"]

NATIONAL = "NL01"
COUNT_ROUNDING = Decimal("2.5")
"""CBS rounds the counts of this table to multiples of 5."""
NATIONAL_COVERAGE = Decimal("0.95")
"""The share of Nederland's population the municipalities summed for a national value must hold."""
Method = Literal["cbs-rate", "computed", "computed-national"]


@dataclass(frozen=True)
class CrimeValue:
    """One BBV indicator value: per 1.000 inhabitants, with how it was obtained."""

    indicator: str
    region: str
    year: int
    value: Decimal
    count: Decimal | None
    population: int | None
    method: Method
    codes: tuple[str, ...]
    source: str
    provenance: Provenance | None


def detect_code_list(table: CrimeTable, codes: CrimeCodes) -> str | None:
    """The code list whose total code the table has (else the one most codes belong to)."""
    present = table.codes()
    for name, code_list in codes.lists.items():
        if code_list.total in present:
            return name
    counts = {name: sum(1 for c in present if cl.pattern.match(c))
              for name, cl in codes.lists.items()}
    best = max(counts, key=lambda n: counts[n], default=None)
    return best if best is not None and counts[best] else None


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def crime_values(table: CrimeTable, codes: CrimeCodes, region: str,
                 population: Callable[[str, int], int | None],
                 ) -> tuple[list[CrimeValue], list[Problem]]:
    """All BBV crime indicators the table allows for ``region``, per year."""
    problems: list[Problem] = []
    list_name = detect_code_list(table, codes)
    where = Location(file=table.source, path=f"{table.table}/{region}")
    if list_name is None:
        return [], [Problem(code="CBS-CODE-LIST-UNKNOWN", severity=Severity.ERROR,
                            message="the table uses none of the known crime code lists",
                            location=Location(file=table.source))]
    regions = table.regions()
    if region != NATIONAL and region not in regions:
        return [], [Problem(code="CBS-REGION-ABSENT", severity=Severity.ERROR,
                            message=f"region {region} is not in the table (it has "
                                    f"{len(regions)} regions)", location=where)]
    years = table.years(region) or sorted({y for (_, _, y) in table.records})
    values: list[CrimeValue] = []
    for spec in codes.indicators.values():
        chosen = spec.codes.get(list_name)
        if not chosen:
            reason = spec.unavailable.get(list_name, "not mapped for this code list")
            problems.append(Problem(code="CBS-INDICATOR-UNAVAILABLE", severity=Severity.NOTICE,
                                    message=f"{spec.id}: not available from {list_name}: "
                                            f"{reason}", location=where))
            continue
        for year in years:
            found = _value(table, spec.id, chosen, region, year, population, problems)
            if found is not None:
                values.append(found)
    return values, problems


def _value(table: CrimeTable, indicator: str, chosen: tuple[str, ...], region: str, year: int,
           population: Callable[[str, int], int | None],
           problems: list[Problem]) -> CrimeValue | None:
    records = [table.get(code, region, year) for code in chosen]
    people = population(region, year)
    source = f"CBS {table.table}"
    if region == NATIONAL and not any(records):
        return _national(table, indicator, chosen, year, people, source, population)
    present = [r for r in records if r is not None]
    if len(present) < len(chosen) or any(r.count is None for r in present):
        rate = present[0].rate if len(chosen) == 1 and present else None
        if rate is not None:
            return CrimeValue(indicator, region, year, rate, None, people, "cbs-rate",
                              chosen, source, present[0].provenance)
        return None
    count = sum((r.count for r in present if r.count is not None), Decimal(0))
    first = present[0]
    computed = _round(count / people * 1000) if people else None
    if len(present) == 1 and first.rate is not None:
        if people and computed is not None:
            slack = COUNT_ROUNDING / people * 1000 + Decimal("0.05")
            if abs(first.rate - count / people * 1000) > slack:
                problems.append(Problem(
                    code="CBS-RATE-MISMATCH", severity=Severity.NOTICE,
                    message=f"{indicator} {region} {year}: CBS rate {first.rate} per 1.000 but "
                            f"{count} / {people} inhabitants gives {computed}",
                    location=Location.of(first.provenance)))
        return CrimeValue(indicator, region, year, first.rate, count, people, "cbs-rate",
                          chosen, source, first.provenance)
    if computed is None:
        problems.append(Problem(
            code="CBS-POPULATION-MISSING", severity=Severity.NOTICE,
            message=f"{indicator} {region} {year}: CBS gives no rate and the population is "
                    "unknown, so no value per 1.000 inhabitants", location=Location.of(
                        first.provenance)))
        return None
    return CrimeValue(indicator, region, year, computed, count, people, "computed", chosen,
                      source, first.provenance)


def _national(table: CrimeTable, indicator: str, chosen: tuple[str, ...], year: int,
              people: int | None, source: str,
              population: Callable[[str, int], int | None]) -> CrimeValue | None:
    """Nederland as the sum of the municipalities, only when the table covers the country: the
    municipalities with a count hold at least ``NATIONAL_COVERAGE`` of its population (a file of
    one municipality, e.g. a 47018NED answer for GM0629, gives no Nederland value, not ~0)."""
    if not people:
        return None
    counted = {region: r.count for (code, region, y), r in table.records.items()
               if code in chosen and y == year and region.startswith("GM") and r.count is not None}
    count = sum(counted.values(), Decimal(0))
    if not count:
        return None
    covered = sum(population(region, year) or 0 for region in counted)
    if covered < NATIONAL_COVERAGE * people:
        return None
    return CrimeValue(indicator, NATIONAL, year, _round(count / people * 1000), count, people,
                      "computed-national", chosen, f"{source} (sum of municipalities)", None)

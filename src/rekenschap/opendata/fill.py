"""Fill a report's crime indicators with CBS values (indicatoren aanvullen).

For every indicator of every programme that is one of the BBV crime indicators (by
``catalogue_id`` or, failing that, by its name), and for every year CBS has a value:

* no observation for that year -> one is added (source "CBS 83648NED" or "CBS 47018NED",
  reference date);
* an observation earlier filled from CBS -> its value is replaced by the current one;
* an observation without a value (n.n.b.) -> the CBS value is filled in, the qualifier dropped;
* an observation from the document itself -> kept as printed; when it differs from CBS by more
  than the printed precision allows, an ``OD-CBS-DIFFERS`` problem gives both values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from rekenschap.catalogue import match_indicator
from rekenschap.model import (
    Indicator,
    Location,
    Observation,
    Problem,
    Programme,
    Report,
    Severity,
    UnitKind,
)
from rekenschap.opendata.crime import CrimeValue

__all__ = ["FillResult", "fill_indicators", "match_crime_indicator"]

_NAME_RULES: tuple[tuple[str, str], ...] = (
    ("winkeldiefstallen", r"winkeldiefstal"),
    ("diefstallen-uit-woning", r"diefstal\w*\s+(uit|in)\s+(de\s+)?woning|woninginbra"),
    ("vernielingen-en-beschadigingen", r"vernieling"),
    ("geweldsmisdrijven", r"geweldsmisdrij|geweldsdelict"),
)


def match_crime_indicator(indicator: Indicator) -> str | None:
    """The BBV crime indicator id of ``indicator``: its catalogue id, else the catalogue's name
    matching, else a few name patterns ("woninginbraak")."""
    ids = {rule[0] for rule in _NAME_RULES}
    if indicator.catalogue_id is not None:
        return indicator.catalogue_id if indicator.catalogue_id in ids else None
    found = match_indicator(indicator.name)
    if found is not None:
        return found.id if found.id in ids else None
    name = indicator.name.lower()
    return next((key for key, pattern in _NAME_RULES if re.search(pattern, name)), None)


@dataclass(frozen=True)
class FillResult:
    report: Report
    added: int
    updated: int
    problems: list[Problem]


def _precision(obs: Observation) -> Decimal:
    """Half a unit of the last printed digit: "5,7" -> 0.05, "6" -> 0.5."""
    if obs.value is None:
        return Decimal(0)
    exponent = obs.value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5) / (Decimal(10) ** (places + 1))


def fill_indicators(report: Report, values: Iterable[CrimeValue], *,
                    reference_date: str) -> FillResult:
    """A new report with CBS observations merged in, and the differences found."""
    by_indicator: dict[str, list[CrimeValue]] = {}
    for value in values:
        by_indicator.setdefault(value.indicator, []).append(value)
    counters = {"added": 0, "updated": 0}
    problems: list[Problem] = []

    def fill_programme(programme: Programme, path: str) -> Programme:
        indicators = tuple(
            _fill_indicator(ind, by_indicator, f"{path}.indicators[{i}]", reference_date,
                            counters, problems)
            for i, ind in enumerate(programme.indicators))
        subs = tuple(fill_programme(sub, f"{path}.subprogrammes[{j}]")
                     for j, sub in enumerate(programme.subprogrammes))
        return programme.model_copy(update={"indicators": indicators, "subprogrammes": subs})

    programmes = tuple(fill_programme(p, f"programmes[{i}]")
                       for i, p in enumerate(report.programmes))
    new = report.model_copy(update={"programmes": programmes})
    return FillResult(report=Report.model_validate(new.model_dump(by_alias=True)),
                      added=counters["added"], updated=counters["updated"], problems=problems)


def _fill_indicator(indicator: Indicator, by_indicator: dict[str, list[CrimeValue]], path: str,
                    reference_date: str, counters: dict[str, int],
                    problems: list[Problem]) -> Indicator:
    key = match_crime_indicator(indicator)
    if key is None or key not in by_indicator:
        return indicator
    if indicator.unit is not None and not (
            indicator.unit.kind is UnitKind.RATE and indicator.unit.per == 1000):
        problems.append(Problem(
            code="OD-UNIT-MISMATCH", severity=Severity.NOTICE,
            message=f"{indicator.name}: unit {indicator.unit.describe()!r} is not per 1.000 "
                    "inhabitants; CBS values not filled in",
            location=Location.of(indicator.provenance, path=path)))
        return indicator
    observations = list(indicator.observations)
    for cbs in sorted(by_indicator[key], key=lambda v: v.year):
        period = str(cbs.year)
        index = next((i for i, o in enumerate(observations) if o.period == period), None)
        fresh = Observation(period=period, value=cbs.value, source=cbs.source,
                            reference_date=reference_date)
        if index is None:
            observations.append(fresh)
            counters["added"] += 1
            continue
        old = observations[index]
        if old.value is None or (old.source or "").startswith("CBS "):
            observations[index] = fresh.model_copy(update={"provenance": old.provenance})
            counters["updated"] += 1
        elif abs(old.value - cbs.value) > _precision(old):
            where = f"{path}.observations[{index}]"
            problems.append(Problem(
                code="OD-CBS-DIFFERS", severity=Severity.WARNING,
                message=f"{indicator.name} {period}: the document gives {old.printed or old.value}"
                        f", {cbs.source} gives {cbs.value} per 1.000 inhabitants "
                        f"({_how(cbs)})",
                location=Location.of(old.provenance or indicator.provenance, path=where)))
    return indicator.model_copy(update={"observations": tuple(observations)})


def _how(value: CrimeValue) -> str:
    if value.method == "cbs-rate":
        return "CBS's own rate"
    return f"{value.count} registered / {value.population} inhabitants"

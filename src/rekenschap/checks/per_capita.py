"""Counts normalised per 1.000 inwoners (per inwoner): does the claim still hold per head?

A count can rise only because the population grew. For indicators measured as a plain count
(unit kind ``count``) the values a claim compares are divided by the municipality's population of
the same years, from the size-class files that accompany the Iv3 data
(``gemeenteklassen/<year>.csv``, column Inwonertal; setting ``population.data``). When the count
and the rate per 1.000 inwoners move in different directions, the reader should know.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from rekenschap.checks.amounts import num
from rekenschap.checks.base import Code, indicators_with_paths, where
from rekenschap.checks.claims import assess, movement
from rekenschap.checks.config import CheckConfig
from rekenschap.importers.population import load_size_classes
from rekenschap.model import Direction, Problem, Report, Severity, UnitKind

PER_CAPITA = Code(
    "IND-PER-CAPITA", Severity.NOTICE, "Per 1.000 inwoners the count moved the other way",
    "A count compared between two years says little when the population changed: normalised per "
    "1.000 inwoners (population from the CBS size-class files, population.data) the movement can "
    "reverse. The trend against the baseline and the previous period is then reported per 1.000.",
    "Regeling beleidsindicatoren gemeenten (indicators per 1.000 inwoners); BBV art. 25 lid 2")

_WORD = {Direction.UP: "rose", Direction.DOWN: "fell", Direction.FLAT: "stayed the same"}


@lru_cache(maxsize=4)
def _populations(location: str) -> dict[str, dict[int, int]]:
    """municipality name (normalised) -> year -> population, from every CSV at ``location``."""
    path = Path(location)
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    out: dict[str, dict[int, int]] = {}
    for file in files:
        table, _problems = load_size_classes(file)
        for name, row in table.rows.items():
            if row.population is not None:
                out.setdefault(_norm(name), {})[table.year] = row.population
    return out


def _norm(name: str) -> str:
    n = name.lower().replace("(gemeente)", "").strip()
    return n.removeprefix("gemeente").strip()


def population_of(report: Report, config: CheckConfig) -> dict[int, int]:
    """Population by year of the report's municipality ({} when unknown or not configured).

    The size-class files name municipalities ("Groningen (gemeente)"), so the match is by name.
    """
    if config.population_data is None or not Path(config.population_data).exists():
        return {}
    return _populations(str(Path(config.population_data).resolve())).get(
        _norm(report.organisation.name), {})


def check_per_capita(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-PER-CAPITA for claims about counts whose rate per 1.000 inwoners moved otherwise."""
    population = population_of(report, config)
    if not population:
        return []
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        if ind.unit is None or ind.unit.kind is not UnitKind.COUNT:
            continue
        for k, claim in enumerate(ind.claims):
            verdict = assess(ind, claim, report.document.year, config.flat_tolerance,
                             config.multiple_tolerance)
            for reading in verdict.readings:
                ys, ya = int(reading.subject_period[:4]), int(reading.against_period[:4])
                if ys not in population or ya not in population:
                    continue
                rs = reading.subject * 1000 / population[ys]
                ra = reading.against * 1000 / population[ya]
                counted = movement(reading.subject, reading.against, Decimal(0))
                per_head = movement(rs, ra, Decimal(0))
                if counted is per_head:
                    continue
                problems.append(PER_CAPITA.problem(
                    f"{ind.name}: with {reading.subject_period} = {num(reading.subject)} and "
                    f"{reading.against_period} = {num(reading.against)} the count "
                    f"{_WORD[counted]}, but per 1.000 inwoners it {_WORD[per_head]}: "
                    f"{_rate(ra)} -> {_rate(rs)} (population {num(Decimal(population[ya]))} "
                    f"in {ya}, {num(Decimal(population[ys]))} in {ys})",
                    where(claim.provenance, f"{path}.claims[{k}]",
                          ind.provenance)))
    return problems


def _rate(value: Decimal) -> str:
    return num(value.quantize(Decimal("0.1")), 1)

"""Indicators against their comparison values (vergelijkingswaarden: Nederland, a province or a
size class), IND-BENCHMARK.

The comparison is only made where it says something: the document sets a desired direction for
the indicator (``Target.direction`` on ``target`` or on one of ``targets``), and the municipality's
value and the benchmark's value are of the same period. The municipality on the wrong side of the
benchmark (above it when afname is wanted, below it when toename is wanted) is a notice.
"""

from __future__ import annotations

from decimal import Decimal

from rekenschap.checks.amounts import num
from rekenschap.checks.base import Code, cbs_code_of, indicators_with_paths, where
from rekenschap.checks.claims import movement
from rekenschap.checks.config import CheckConfig
from rekenschap.model import (
    Benchmark,
    DesiredDirection,
    Direction,
    Indicator,
    Problem,
    Report,
    Severity,
)

__all__ = ["BENCHMARK", "check_benchmark", "comparable", "desired_direction"]

BENCHMARK = Code(
    "IND-BENCHMARK",
    Severity.NOTICE,
    "Indicator is on the unfavourable side of its comparison value",
    "Beleidsindicatoren print a comparison value (Nederland, a province or a size class) beside "
    "the municipality's own. Where the document sets a desired direction (afname / toename) and "
    "both values are of the same period, a value on the wrong side of the comparison (higher "
    "than Nederland while afname is wanted) is worth the council's attention.",
    "Regeling beleidsindicatoren gemeenten (BWBR0037783): comparable indicators; BBV art. 25 "
    "lid 2",
)


def desired_direction(ind: Indicator) -> DesiredDirection | None:
    """The desired direction the document gives the indicator (on any of its targets)."""
    for target in (ind.target, *ind.targets):
        if target is not None and target.direction in (DesiredDirection.UP, DesiredDirection.DOWN):
            return target.direction
    return None


def comparable(ind: Indicator) -> tuple[str, Decimal, Benchmark, Decimal] | None:
    """The newest period for which the indicator and one of its benchmarks both have a value:
    (period, own value, benchmark, benchmark value); Nederland (NL01) first."""
    own = {o.period: o.value for o in ind.observations if o.period and o.value is not None}
    ranked = sorted(ind.benchmarks, key=lambda b: b.region_code != "NL01")
    for period in sorted(own, reverse=True):
        for bench in ranked:
            value = bench.value_for(period)
            if value is not None:
                mine = own[period]
                assert mine is not None
                return period, mine, bench, value
    return None


def check_benchmark(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-BENCHMARK: the municipality is on the wrong side of its comparison value."""
    cfg = config.for_municipality(cbs_code_of(report))
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        want = desired_direction(ind)
        found = comparable(ind)
        if want is None or found is None:
            continue
        period, mine, bench, theirs = found
        side = movement(mine, theirs, cfg.flat_tolerance)
        bad = Direction.UP if want is DesiredDirection.DOWN else Direction.DOWN
        if side is not bad:
            continue
        how = "above" if side is Direction.UP else "below"
        wanted = "afname (down)" if want is DesiredDirection.DOWN else "toename (up)"
        k = ind.benchmarks.index(bench)
        problems.append(BENCHMARK.problem(
            f"{ind.name}: {num(mine)} ({period}) is {how} the {bench.region} value "
            f"{num(theirs)} ({period}) while the desired direction is {wanted}",
            where(bench.provenance, f"{path}.benchmarks[{k}]",
                  ind.provenance)))
    return problems

"""Claims in the text against the numbers (beweringen): "gedaald t.o.v. peiljaar 2019".

For each :class:`Claim` the subject period (the claim's, else the document year, else the newest
observation) and the period it compares against (the claim's ``against_period``; the indicator's
baseline for "peiljaar"; the year before the subject for "vorig jaar") are looked up. When the text
gives numbers without periods ("13.140 tegenover 13.044"), both assignments of those numbers to the
two periods are tried: if they disagree about the claim, the claim is ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from rekenschap.model import Claim, ClaimReference, Direction, Indicator

__all__ = ["Outcome", "Reading", "Verdict", "assess", "holds", "movement"]


class Outcome(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    AMBIGUOUS = "ambiguous"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True)
class Reading:
    """One assignment of values to periods and whether the claim holds under it."""

    subject_period: str
    subject: Decimal
    against_period: str
    against: Decimal
    holds: bool


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    subject_period: str | None
    against_period: str | None
    readings: tuple[Reading, ...] = ()
    reason: str = ""


DIRECTION_NL = {
    Direction.UP: "gestegen",
    Direction.DOWN: "gedaald",
    Direction.FLAT: "gelijk gebleven",
    Direction.DOUBLED: "verdubbeld",
    Direction.HALVED: "gehalveerd",
}


def holds(
    direction: Direction,
    subject: Decimal,
    against: Decimal,
    flat_tolerance: Decimal,
    multiple_tolerance: Decimal,
) -> bool:
    """Whether going from ``against`` to ``subject`` is what ``direction`` says."""
    if direction is Direction.UP:
        return subject > against
    if direction is Direction.DOWN:
        return subject < against
    if direction is Direction.FLAT:
        return abs(subject - against) <= abs(against) * flat_tolerance / 100
    if against == 0:
        return False
    ratio = subject / against
    target = Decimal(2) if direction is Direction.DOUBLED else Decimal("0.5")
    return abs(ratio - target) <= target * multiple_tolerance / 100


def movement(subject: Decimal, against: Decimal, flat_tolerance: Decimal) -> Direction:
    """What the numbers did: UP, DOWN or FLAT (within the tolerance)."""
    if abs(subject - against) <= abs(against) * flat_tolerance / 100:
        return Direction.FLAT
    return Direction.UP if subject > against else Direction.DOWN


def periods(
    indicator: Indicator, claim: Claim, document_year: int
) -> tuple[str | None, str | None]:
    """(subject period, against period) the claim speaks about."""
    dated = [o.period for o in indicator.observations if o.period and o.value is not None]
    # values printed without a year may be the document year's: then the subject is that year,
    # not the newest dated value (which may be the very period the claim compares with)
    undated = any(o.period is None and o.value is not None for o in indicator.observations)
    subject = claim.subject_period
    if subject is None:
        this_year = str(document_year)
        subject = this_year if this_year in dated or not dated or undated else max(dated)
    against = claim.against_period
    if against is None and claim.reference is ClaimReference.BASELINE:
        against = indicator.baseline_period
    if against is None and claim.reference is ClaimReference.PREVIOUS and subject[:4].isdigit():
        against = str(int(subject[:4]) - 1)
    return subject, against


def assess(
    indicator: Indicator,
    claim: Claim,
    document_year: int,
    flat_tolerance: Decimal,
    multiple_tolerance: Decimal,
) -> Verdict:
    """Check one claim against the indicator's observations."""
    subject_p, against_p = periods(indicator, claim, document_year)
    if against_p is None:
        return Verdict(
            Outcome.UNVERIFIABLE,
            subject_p,
            None,
            reason="the text does not say what it compares with",
        )
    values = {o.period: o.value for o in indicator.observations if o.period and o.value is not None}
    loose = [o.value for o in indicator.observations if o.period is None and o.value is not None]
    s, a = values.get(subject_p or ""), values.get(against_p)
    candidates: list[tuple[Decimal, Decimal]] = []
    if s is not None and a is not None:
        candidates = [(s, a)]
    elif s is None and a is None and len(loose) == 2:
        candidates = [(loose[0], loose[1]), (loose[1], loose[0])]
    elif len(loose) == 1 and (s is None) != (a is None):
        candidates = (
            [(loose[0], a)]
            if s is None and a is not None
            else [(s, loose[0])]
            if s is not None
            else []
        )
    if not candidates or subject_p is None:
        missing = [p for p, v in ((subject_p, s), (against_p, a)) if v is None and p]
        return Verdict(
            Outcome.UNVERIFIABLE,
            subject_p,
            against_p,
            reason=f"no value for {' and '.join(missing)}",
        )
    readings = tuple(
        Reading(
            subject_p,
            x,
            against_p,
            y,
            holds(claim.direction, x, y, flat_tolerance, multiple_tolerance),
        )
        for x, y in candidates
    )
    results = {r.holds for r in readings}
    if results == {True}:
        outcome = Outcome.SUPPORTED
    elif results == {False}:
        outcome = Outcome.CONTRADICTED
    else:
        outcome = Outcome.AMBIGUOUS
    return Verdict(outcome, subject_p, against_p, readings)


def hidden_rise(
    indicator: Indicator, claim: Claim, document_year: int, flat_tolerance: Decimal
) -> tuple[str, Decimal, str, Decimal] | None:
    """A fall claimed against an earlier period while the value rose against the previous year.

    Returns (subject period, subject value, previous period, previous value), or ``None`` when the
    claim is no fall, the text also speaks about the previous year, or there was no rise.
    """
    if claim.direction not in (Direction.DOWN, Direction.HALVED):
        return None
    subject_p, against_p = periods(indicator, claim, document_year)
    if subject_p is None or not subject_p[:4].isdigit():
        return None
    previous_p = str(int(subject_p[:4]) - 1)
    if against_p == previous_p:
        return None
    for other in indicator.claims:
        if other.reference is ClaimReference.PREVIOUS or other.against_period == previous_p:
            return None
    s, prev = indicator.value_for(subject_p), indicator.value_for(previous_p)
    if s is None or prev is None or not s > prev:
        return None
    return subject_p, s, previous_p, prev

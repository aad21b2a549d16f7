"""Claims against numbers: each direction, both orders of unlabelled numbers, missing periods."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rekenschap.checks.claims import Outcome, assess, holds
from rekenschap.model import Claim, ClaimReference, Direction, Indicator, Observation

T0, T10 = Decimal(1), Decimal(10)


def _ind(*obs: tuple[str | None, str], claim: Claim, baseline: str | None = "2019") -> Indicator:
    return Indicator(name="X", baseline_period=baseline, claims=(claim,),
                     observations=tuple(Observation(period=p, value=v) for p, v in obs))


def _claim(direction: Direction, reference: ClaimReference = ClaimReference.BASELINE,
           against: str | None = None) -> Claim:
    return Claim(direction=direction, reference=reference, against_period=against, sentence="s")


@pytest.mark.parametrize(("direction", "subject", "against", "expected"), [
    (Direction.UP, "5", "4", True), (Direction.UP, "4", "4", False),
    (Direction.DOWN, "3", "4", True), (Direction.DOWN, "5", "4", False),
    (Direction.FLAT, "100.5", "100", True), (Direction.FLAT, "102", "100", False),
    (Direction.DOUBLED, "8.4", "4", True), (Direction.DOUBLED, "6", "4", False),
    (Direction.HALVED, "2.1", "4", True), (Direction.HALVED, "3", "4", False),
])
def test_holds(direction: Direction, subject: str, against: str, expected: bool) -> None:
    assert holds(direction, Decimal(subject), Decimal(against), T0, T10) is expected


def test_contradicted_claim() -> None:
    claim = _claim(Direction.DOWN)
    v = assess(_ind(("2019", "4"), ("2024", "5"), claim=claim), claim, 2024, T0, T10)
    assert v.outcome is Outcome.CONTRADICTED
    assert (v.subject_period, v.against_period) == ("2024", "2019")


def test_previous_year_means_the_year_before_the_subject() -> None:
    claim = _claim(Direction.FLAT, ClaimReference.PREVIOUS)
    v = assess(_ind(("2023", "8"), ("2024", "8"), claim=claim), claim, 2024, T0, T10)
    assert v.outcome is Outcome.SUPPORTED and v.against_period == "2023"


def test_two_unlabelled_numbers_that_disagree_are_ambiguous() -> None:
    claim = _claim(Direction.DOWN, ClaimReference.PERIOD, "2023")
    v = assess(_ind((None, "13140"), (None, "13044"), claim=claim, baseline=None),
               claim, 2024, T0, T10)
    assert v.outcome is Outcome.AMBIGUOUS
    assert [(r.subject, r.against, r.holds) for r in v.readings] == [
        (Decimal(13140), Decimal(13044), False), (Decimal(13044), Decimal(13140), True)]


def test_two_unlabelled_numbers_that_agree_support_the_claim() -> None:
    claim = _claim(Direction.UP, ClaimReference.PERIOD, "2023")
    v = assess(_ind((None, "10"), (None, "10"), claim=claim, baseline=None), claim, 2024, T0, T10)
    assert v.outcome is Outcome.CONTRADICTED  # equal numbers: no rise in either reading


def test_missing_comparison_value_is_unverifiable() -> None:
    claim = _claim(Direction.FLAT, ClaimReference.PREVIOUS)
    v = assess(_ind(("2024", "8"), ("2022", "4"), claim=claim), claim, 2024, T0, T10)
    assert v.outcome is Outcome.UNVERIFIABLE and "2023" in v.reason

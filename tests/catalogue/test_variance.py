"""Local variance-explanation rules keyed by CBS code, checked against CBS's register."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from rekenschap.catalogue import variance_rule, variance_rules


def test_codes_and_names_agree_with_cbs(corpus: Path) -> None:
    path = corpus / "cbs" / "85755NED-gemeenten-2026.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        names = {row["RegioS"].strip(): row["Naam_2"].strip()
                 for row in csv.DictReader(handle, delimiter=";")}
    rules = variance_rules()
    assert len(rules) == 4
    for rule in rules:
        assert rule.cbs_code is not None
        assert names[rule.cbs_code] == rule.municipality


@pytest.mark.parametrize(("code", "difference", "budget", "expected"), [
    ("GM0569", 20_000, 100_000, True),     # Nieuwkoop: 20% > 5% and not < 15.000
    ("GM0569", 14_000, 100_000, False),    # under the 15.000 floor
    ("GM0569", 40_000, 1_000_000, False),  # 4% is not > 5%
    ("GM0569", 20_000, None, False),       # relative rule without a budget cannot trigger
    ("GM0402", 100_000, None, False),      # Hilversum: > 100.000, not >=
    ("GM0402", 100_001, None, True),
    ("GM0629", 50_000, None, True),        # Wassenaar: >= 50.000
    ("GM0629", -49_999, None, False),
    ("GM0629", -50_000, None, True),       # sign does not matter
])
def test_rules(code: str, difference: int, budget: int | None, expected: bool) -> None:
    rule = variance_rule(code)
    assert not rule.is_default
    amount = Decimal(budget) if budget is not None else None
    assert rule.requires_explanation(Decimal(difference), amount) is expected


def test_heemskerk_is_about_overruns() -> None:
    rule = variance_rule("GM0396")
    assert rule.applies_to == "overrun" and rule.absolute == Decimal(50000)


def test_unknown_municipality_gets_the_documented_default() -> None:
    rule = variance_rule("GM0014")
    assert rule.is_default and rule.note and "art. 28a" in rule.note
    assert rule.requires_explanation(Decimal(1), None) is True
    assert rule.requires_explanation(Decimal(0), None) is False
    assert variance_rule(None).is_default
    assert variance_rule(" gm0629 ").municipality == "Wassenaar"
    assert rule.source and "domain" in rule.source

"""The synthetic benchmark report is deterministic and internally consistent."""

from __future__ import annotations

import sys
from pathlib import Path

from rekenschap.checks import run_checks

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from synthetic import synthetic_report


def test_synthetic_report_shape_and_consistency() -> None:
    report = synthetic_report(programmes=8, indicators=40, goals=30, seed=3)
    assert report == synthetic_report(programmes=8, indicators=40, goals=30, seed=3)
    assert len(report.programmes) == 8
    assert sum(len(p.indicators) for p in report.programmes) == 40
    assert sum(len(p.goals) for p in report.programmes) == 30
    codes = {p.code for p in run_checks(report)}
    # the generator keeps saldo, Verschil and reserves consistent: the arithmetic checks agree
    assert not codes & {"FIN-SALDO", "FIN-SIGN", "FIN-DIFFERENCE", "FIN-RESERVES", "CHECK-CRASHED"}
    assert "FIN-BUDGET-CHANGE" in codes

"""No check crashes on odd but valid reports: blanks, zeros, flipped conventions, missing parts."""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from rekenschap.checks import run_checks, run_cross_checks
from rekenschap.checks.narrative import sentences
from rekenschap.model import (
    DifferenceConvention,
    FinanceRow,
    Observation,
    Programme,
    Report,
    SignConvention,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from synthetic import synthetic_report


def _mangle_row(rng: random.Random, row: FinanceRow) -> FinanceRow:
    values: dict[str, Decimal | None] = {}
    for key, value in row.values.items():
        roll = rng.random()
        values[key] = None if roll < 0.2 else Decimal(0) if roll < 0.3 else value
    return row.model_copy(update={"values": values})


def _mangle(rng: random.Random, prog: Programme) -> Programme:
    update: dict[str, object] = {}
    if prog.finance is not None:
        table = prog.finance.model_copy(update={
            "rows": tuple(_mangle_row(rng, r) for r in prog.finance.rows),
            "sign_convention": rng.choice(list(SignConvention)),
            "difference_convention": rng.choice([None, *DifferenceConvention]),
        })
        update["finance"] = table if rng.random() > 0.1 else None
    update["indicators"] = tuple(
        ind.model_copy(update={"observations": tuple(
            o if rng.random() > 0.2 else Observation(period=None, value=o.value)
            for o in ind.observations), "baseline_period": rng.choice([None, "2019", "2030"])})
        for ind in prog.indicators)
    update["subprogrammes"] = tuple(_mangle(rng, s) for s in prog.subprogrammes)
    return prog.model_copy(update=update)


@pytest.mark.parametrize("seed", range(12))
def test_no_check_crashes_on_mangled_reports(seed: int) -> None:
    rng = random.Random(seed)
    base = synthetic_report(programmes=6, indicators=30, goals=12, seed=seed)
    report = Report.model_validate(
        base.model_copy(update={"programmes": tuple(_mangle(rng, p) for p in base.programmes)})
        .model_dump(by_alias=True))
    problems = run_checks(report)
    assert [p.message for p in problems if p.code == "CHECK-CRASHED"] == []
    assert not [p for p in run_cross_checks([report, base]) if p.code == "CHECK-CRASHED"]
    for lang in ("nl", "en"):
        assert all(s.text.endswith(".") for s in sentences(report, lang))

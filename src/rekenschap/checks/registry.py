"""THE registry of checks: one explicit tuple, built here and nowhere else.

Extensions never mutate it: they build their own tuple (``CHECKS + (my_check,)``) and pass it to
``run_checks(..., checks=...)``.
"""

from __future__ import annotations

from rekenschap.checks import (
    benchmarks,
    crossdoc,
    finance_arithmetic,
    finance_variance,
    indicator_claims,
    indicators,
    iv3,
    per_capita,
    text,
)
from rekenschap.checks.base import Check, Code
from rekenschap.model import Severity

CRASHED = Code(
    "CHECK-CRASHED",
    Severity.ERROR,
    "A check failed with an internal error",
    "A check that raises is a bug in rekenschap, not in the document. Its exception becomes this "
    "problem and every other check still runs, so one bug never hides the other findings.",
    "rekenschap: problems are data (no check may stop the others)",
)

CHECKS: tuple[Check, ...] = (
    Check(
        "finance.saldo",
        (finance_arithmetic.SALDO, finance_arithmetic.SIGN),
        run=finance_arithmetic.check_saldo,
    ),
    Check(
        "finance.difference",
        (finance_arithmetic.DIFFERENCE,),
        run=finance_arithmetic.check_difference,
    ),
    Check(
        "finance.reserves", (finance_arithmetic.RESERVES,), run=finance_arithmetic.check_reserves
    ),
    Check("finance.totals", (finance_arithmetic.TOTALS,), run=finance_arithmetic.check_totals),
    Check(
        "finance.unexplained",
        (finance_variance.UNEXPLAINED,),
        run=finance_variance.check_unexplained,
    ),
    Check("finance.overrun", (finance_variance.OVERRUN,), run=finance_variance.check_overrun),
    Check(
        "finance.budget_change",
        (finance_variance.BUDGET_CHANGE,),
        run=finance_variance.check_budget_change,
    ),
    Check("finance.title", (text.TITLE,), run=text.check_title),
    Check("finance.missing", (text.MISSING_FINANCE,), run=text.check_missing_finance),
    Check(
        "iv3.taakveld",
        (iv3.TAAKVELD, iv3.NO_DATA, iv3.NO_COLUMN, iv3.NO_CBS_CODE, iv3.UNREADABLE),
        run=iv3.check_iv3,
    ),
    Check(
        "indicators.catalogue",
        (indicators.CATALOGUE, indicators.UNMATCHED),
        run=indicators.check_catalogue,
    ),
    Check("indicators.unit", (indicators.UNIT,), run=indicators.check_unit),
    Check("indicators.source", (indicators.SOURCE,), run=indicators.check_source),
    Check("indicators.stale", (indicators.STALE,), run=indicators.check_stale),
    Check("indicators.nnb", (indicators.NNB,), run=indicators.check_nnb),
    Check("indicators.trend", (indicators.TREND,), run=indicators.check_trend),
    Check("indicators.benchmark", (benchmarks.BENCHMARK,), run=benchmarks.check_benchmark),
    Check("indicators.printed", (indicators.PRINTED,), run=indicators.check_printed),
    Check(
        "claims.verified",
        (indicator_claims.CONTRADICTED, indicator_claims.AMBIGUOUS, indicator_claims.UNVERIFIABLE),
        run=indicator_claims.check_claims,
    ),
    Check(
        "claims.hidden_rise",
        (indicator_claims.HIDDEN_RISE,),
        run=indicator_claims.check_hidden_rise,
    ),
    Check("indicators.per_capita", (per_capita.PER_CAPITA,), run=per_capita.check_per_capita),
    Check("text.missing_number", (text.MISSING_NUMBER,), run=text.check_missing_number),
    Check("text.glued_number", (text.GLUED_NUMBER,), run=text.check_glued_number),
    Check(
        "crossdoc.primitive_budget", (crossdoc.PRIMITIVE,), run_many=crossdoc.check_primitive_budget
    ),
)


def all_codes(checks: tuple[Check, ...] = CHECKS) -> frozenset[str]:
    """Every code the checks can report, plus CHECK-CRASHED."""
    return frozenset(c.code for check in checks for c in check.codes) | {CRASHED.code}


def code_specs(checks: tuple[Check, ...] = CHECKS) -> list[Code]:
    """Every code declaration, in registry order, CHECK-CRASHED last."""
    return [c for check in checks for c in check.codes] + [CRASHED]

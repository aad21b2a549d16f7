"""Claims verified against the numbers: contradicted, ambiguous, hidden rise, unverifiable."""

from __future__ import annotations

from decimal import Decimal

from rekenschap.checks.amounts import num
from rekenschap.checks.base import Code, cbs_code_of, indicators_with_paths, where
from rekenschap.checks.claims import DIRECTION_NL, Outcome, Reading, assess, hidden_rise
from rekenschap.checks.config import CheckConfig
from rekenschap.model import Claim, Indicator, Problem, Report, Severity

_RULE = (
    "BBV art. 25 lid 2 (the annual report states to what degree goals were realised); "
    "Regeling beleidsindicatoren gemeenten"
)

CONTRADICTED = Code(
    "IND-CLAIM-CONTRADICTED",
    Severity.ERROR,
    "The text claims a movement the numbers contradict",
    "When the text says an indicator rose, fell, stayed equal, doubled or halved against a "
    "period, the numbers in the document must show that. A claim the document's own numbers "
    "contradict misinforms the council.",
    _RULE,
)
AMBIGUOUS = Code(
    "IND-CLAIM-AMBIGUOUS",
    Severity.WARNING,
    "The numbers behind a claim can be read two ways",
    '"13.140 tegenover 13.044" does not say which number belongs to which year. When one reading '
    "supports the claim and the other contradicts it, the reader cannot check the claim; the "
    "warning gives both readings.",
    _RULE,
)
HIDDEN_RISE = Code(
    "IND-CLAIM-HIDDEN-RISE",
    Severity.NOTICE,
    "A fall against the baseline hides a rise against last year",
    "Reporting only the fall since the peiljaar while the value rose against the previous year "
    "gives a rosier picture than the numbers; a sharp council member would ask about the last "
    "year.",
    _RULE,
)
UNVERIFIABLE = Code(
    "IND-CLAIM-UNVERIFIABLE",
    Severity.WARNING,
    "A claim compares with a period that has no value",
    'A claim such as "gelijk gebleven t.o.v. vorig jaar" can only be checked when the value of '
    "that period is given; without it the council has to take the claim on trust.",
    _RULE,
)


def _num(value: Decimal) -> str:
    return num(value)


def _claim_loc(ind: Indicator, claim: Claim, path: str) -> tuple[str, object]:
    return f"{path}.claims[{ind.claims.index(claim)}]", None


def _reading(r: Reading) -> str:
    return (
        f"{r.subject_period} = {_num(r.subject)} and {r.against_period} = {_num(r.against)} "
        f"({'consistent' if r.holds else 'contradicts the claim'})"
    )


def check_claims(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-CLAIM-CONTRADICTED / -AMBIGUOUS / -UNVERIFIABLE for every claim.

    These also own the text importer's "which number is which year" finding for sentences with a
    claim ("13.140 tegenover 13.044"): the importer only reports it (TXT-AMBIGUOUS-ORDER) when
    the sentence makes no claim, so each finding is reported once.
    """
    cfg = config.for_municipality(cbs_code_of(report))
    year = report.document.year
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        for k, claim in enumerate(ind.claims):
            loc = where(claim.provenance, f"{path}.claims[{k}]", ind.provenance)
            said = f"{ind.name}: the text says {DIRECTION_NL[claim.direction]!r}"
            v = assess(ind, claim, year, cfg.flat_tolerance, cfg.multiple_tolerance)
            if v.outcome is Outcome.CONTRADICTED and len(v.readings) > 1:
                # numbers printed without their years: contradicted whichever is which
                r = v.readings[0]
                problems.append(
                    CONTRADICTED.problem(
                        f"{said} against {r.against_period}, but the numbers printed without "
                        f"their years ({_num(r.subject)}, {_num(r.against)}) contradict it in "
                        "either order",
                        loc,
                    )
                )
            elif v.outcome is Outcome.CONTRADICTED:
                r = v.readings[0]
                problems.append(
                    CONTRADICTED.problem(
                        f"{said} against {r.against_period}, but the numbers go from "
                        f"{_num(r.against)} ({r.against_period}) to {_num(r.subject)} "
                        f"({r.subject_period})",
                        loc,
                    )
                )
            elif v.outcome is Outcome.AMBIGUOUS:
                readings = "; ".join(
                    f"reading {n}: {_reading(r)}" for n, r in enumerate(v.readings, start=1)
                )
                problems.append(
                    AMBIGUOUS.problem(
                        f"{said} against {v.against_period}, but the numbers are printed without "
                        "their "
                        f"years — {readings}",
                        loc,
                    )
                )
            elif v.outcome is Outcome.UNVERIFIABLE:
                given = ", ".join(
                    f"{o.period} = {_num(o.value)}"
                    for o in ind.observations
                    if o.period and o.value is not None
                )
                loose = [_num(o.value) for o in ind.observations
                         if o.period is None and o.value is not None]
                undated = (f"; {', '.join(loose)} printed without a year, so which period "
                           "they stand for is not said" if len(loose) > 1 else "")
                problems.append(
                    UNVERIFIABLE.problem(
                        f"{said} against {v.against_period or 'an unnamed period'} but the "
                        "document "
                        f"gives {v.reason}" + (f" (it gives {given})" if given else "")
                        + undated,
                        loc,
                    )
                )
    return problems


def check_hidden_rise(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-CLAIM-HIDDEN-RISE: a claimed fall while the last year shows a rise."""
    cfg = config.for_municipality(cbs_code_of(report))
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        for k, claim in enumerate(ind.claims):
            found = hidden_rise(ind, claim, report.document.year, cfg.flat_tolerance)
            if found is None:
                continue
            subject_p, s, prev_p, prev = found
            change = (s - prev) / prev * 100 if prev else None
            pct = (
                f", +{num(change.quantize(Decimal('0.1')))}%"
                if change is not None
                else ""
            )
            problems.append(
                HIDDEN_RISE.problem(
                    f"{ind.name}: the text reports only {DIRECTION_NL[claim.direction]!r} against "
                    f"{claim.against_period or ind.baseline_period or 'the baseline'}, but against "
                    f"{prev_p} the value rose from {_num(prev)} to {_num(s)} ({subject_p}{pct})",
                    where(claim.provenance, f"{path}.claims[{k}]", ind.provenance),
                )
            )
    return problems

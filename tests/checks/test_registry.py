"""The registry: one tuple, unique documented codes, crash isolation, cross-document checks."""

from __future__ import annotations

import re

from tests.checks.helpers import example, report_from_yaml

from rekenschap.checks import (
    CHECKS,
    Check,
    CheckConfig,
    Code,
    code_specs,
    run_checks,
    run_cross_checks,
)
from rekenschap.checks.registry import all_codes
from rekenschap.model import Problem, Report, Severity


def test_registry_is_an_immutable_tuple_of_documented_codes() -> None:
    assert isinstance(CHECKS, tuple)
    specs = code_specs()
    assert len({s.code for s in specs}) == len(specs)
    for spec in specs:
        assert re.fullmatch(r"[A-Z][A-Z0-9]*(-[A-Z0-9]+)+", spec.code)
        assert len(spec.rationale) > 60 and spec.rule and spec.title
    required = {"FIN-SALDO", "FIN-DIFFERENCE", "FIN-VARIANCE-UNEXPLAINED", "FIN-BUDGET-CHANGE",
                "FIN-OVERRUN", "FIN-RESERVES", "FIN-TOTALS", "XDOC-PRIMITIVE-BUDGET",
                "IV3-TAAKVELD", "IND-TREND", "IND-UNIT", "IND-SOURCE", "IND-STALE", "IND-NNB",
                "IND-CLAIM-CONTRADICTED", "IND-CLAIM-AMBIGUOUS", "IND-CLAIM-HIDDEN-RISE"}
    assert required <= all_codes()


def _boom(report: Report, config: CheckConfig) -> list[Problem]:
    raise ZeroDivisionError("deliberate")


def test_a_crashing_check_becomes_a_problem_and_the_others_still_run() -> None:
    boom = Check("test.boom", (Code("TEST-BOOM", Severity.ERROR, "t", "r" * 90, "none"),),
                 run=_boom)
    problems = run_checks(example(), checks=(boom, *CHECKS))
    crashed = [p for p in problems if p.code == "CHECK-CRASHED"]
    assert len(crashed) == 1 and "test.boom" in crashed[0].message
    assert "ZeroDivisionError" in crashed[0].message
    assert "FIN-OVERRUN" in {p.code for p in problems}
    assert len(CHECKS) == len({c.name for c in CHECKS})  # the registry itself is untouched


DOC = """schema: rekenschap/report@1
organisation: {{name: Gemeente Wassenaar, cbs_code: GM0629}}
document: {{kind: {kind}, year: 2023}}
unit: {{scale: 1000}}
programmes:
- code: '1'
  name: Veiligheid en handhaving
  finance:
    sign_convention: lasten_negative
    columns:
    - {{key: a, kind: {column}, label: Begroting 2023, year: 2023}}
    rows:
    - {{kind: baten, label: Baten, values: {{a: 1101}}}}
    - {{kind: lasten, label: Lasten, values: {{a: {lasten}}}}}
"""


def test_primitive_budget_against_the_budget_of_that_year() -> None:
    annual = report_from_yaml(DOC.format(kind="jaarstukken", column="original_budget",
                                         lasten=-4346))
    budget = report_from_yaml(DOC.format(kind="begroting", column="budget", lasten=-4364))
    (problem,) = run_cross_checks([annual, budget])
    assert problem.code == "XDOC-PRIMITIVE-BUDGET"
    assert "4.346" in problem.message and "4.364" in problem.message
    same = report_from_yaml(DOC.format(kind="begroting", column="budget", lasten=-4346))
    assert run_cross_checks([annual, same]) == []


def test_subprogramme_totals() -> None:
    text = """schema: rekenschap/report@1
organisation: {name: Gemeente X}
document: {kind: jaarstukken, year: 2024}
unit: {scale: 1000}
programmes:
- name: Veiligheid
  finance:
    columns: [{key: r, kind: actual, label: Rekening}]
    rows:
    - {kind: lasten, label: Lasten, values: {r: 300}}
    - {kind: baten, label: Baten, values: {r: 50}}
  subprogrammes:
  - name: Brandweer
    level: deelprogramma
    finance:
      columns: [{key: r, kind: actual, label: Rekening}]
      rows:
      - {kind: lasten, label: Lasten, values: {r: 100}}
      - {kind: baten, label: Baten, values: {r: 20}}
  - name: Openbare orde
    level: deelprogramma
    finance:
      columns: [{key: r, kind: actual, label: Rekening}]
      rows:
      - {kind: lasten, label: Lasten, values: {r: 150}}
      - {kind: baten, label: Baten, values: {r: 30}}
"""
    (problem,) = [p for p in run_checks(report_from_yaml(text)) if p.code == "FIN-TOTALS"]
    assert "Lasten" in problem.message and "300" in problem.message and "250" in problem.message
    assert problem.location.path == "programmes[0].finance.rows[0]"

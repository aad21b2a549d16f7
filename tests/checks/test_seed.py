"""The must-finds on the Groningen seed (examples/groningen-2024-veiligheid.yaml), each by code."""

from __future__ import annotations

from tests.checks.helpers import by_code, example

from rekenschap.checks import run_checks
from rekenschap.model import Severity


def test_baten_variance_without_explanation() -> None:
    found = by_code(example(), "FIN-VARIANCE-UNEXPLAINED")
    baten = [p for p in found if p.location.path == "programmes[0].finance.rows[1]"]
    assert len(baten) == 1
    msg = baten[0].message
    assert "9.648" in msg and "6.506" in msg and "+3.142" in msg and "+48%" in msg
    assert "€ 3.142.000" in msg and "no explanation found" in msg
    assert baten[0].severity is Severity.WARNING


def test_lasten_overrun_to_authorise() -> None:
    (overrun,) = by_code(example(), "FIN-OVERRUN")
    assert overrun.severity is Severity.ERROR
    assert overrun.location.path == "programmes[0].finance.rows[0]"
    assert "45.324" in overrun.message and "44.622" in overrun.message
    assert "by 702" in overrun.message and "189 lid 4" in overrun.message


def test_ambiguous_13140_tegenover_13044_gives_both_readings() -> None:
    (amb,) = by_code(example(), "IND-CLAIM-AMBIGUOUS")
    assert amb.severity is Severity.WARNING
    assert "2024 = 13.140 and 2023 = 13.044 (contradicts the claim)" in amb.message
    assert "2024 = 13.044 and 2023 = 13.140 (consistent)" in amb.message


def test_halt_unit_differs_from_bbv_definition() -> None:
    (unit,) = by_code(example(), "IND-UNIT")
    assert unit.location.path == "programmes[0].indicators[2]"
    assert "Verwijzingen Halt" in unit.message and "per 1000 inwoners" in unit.message
    assert "jongeren 12-17" in unit.message


def test_rise_against_2023_hidden_behind_fall_since_2019() -> None:
    hidden = by_code(example(), "IND-CLAIM-HIDDEN-RISE")
    names = sorted(p.message.split(":")[0] for p in hidden)
    assert names == ["Geweldsmisdrijven", "Vernielingen en beschadigen openbare ruimte"]
    assert all(p.severity is Severity.NOTICE for p in hidden)
    geweld = next(p for p in hidden if p.message.startswith("Geweld"))
    assert "from 5,3 to 5,7" in geweld.message


def test_what_else_a_sharp_reader_sees() -> None:
    problems = run_checks(example())
    got = {(p.code, p.location.path) for p in problems}
    # "Veligheid" above the finance table
    assert ("FIN-TITLE", "programmes[0].finance") in got
    # "5, 4" and "naar 1000 inwoners" in the Winkeldiefstallen sentence
    assert ("IND-PRINTED", "programmes[0].indicators[1].observations[1]") in got
    assert ("IND-PRINTED", "programmes[0].indicators[1].claims[0]") in got
    # "gelijk gebleven t.o.v. vorig jaar" without a value for 2023
    (unv,) = [p for p in problems if p.code == "IND-CLAIM-UNVERIFIABLE"]
    assert "no value for 2023" in unv.message and "2022 = 4" in unv.message
    # "Aantal keer bestuurlijke boete opgelegd" without the number
    assert ("ACT-MISSING-NUMBER", "programmes[0].goals[1].activities[2]") in got
    # "2projecten"
    assert ("TXT-GLUED-NUMBER", "programmes[0].goals[5].activities[0]") in got
    # no source named for any indicator
    assert sum(1 for p in problems if p.code == "IND-SOURCE") == 7


def test_nothing_false_on_the_seed() -> None:
    """Claims the numbers support are not reported; the arithmetic has nothing to object to."""
    problems = run_checks(example())
    codes = {p.code for p in problems}
    assert "IND-CLAIM-CONTRADICTED" not in codes
    assert not codes & {"FIN-SALDO", "FIN-DIFFERENCE", "FIN-RESERVES", "CHECK-CRASHED"}
    hidden = [p.message for p in problems if p.code == "IND-CLAIM-HIDDEN-RISE"]
    assert not any(m.startswith(("Diefstallen", "Verwijzingen")) for m in hidden)

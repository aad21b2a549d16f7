"""One finding, one owner: "13.140 tegenover 13.044" (which number is which year?).

With a claim in the sentence the claim checks own the finding (IND-CLAIM-AMBIGUOUS gives both
readings and which one supports the claim) and the importer stays silent; without a claim only
the importer can say it (TXT-AMBIGUOUS-ORDER).
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rekenschap.checks import run_checks
from rekenschap.cli import app
from rekenschap.importers.sentences import parse_indicator_sentence
from rekenschap.model import (
    Document,
    DocumentKind,
    Organisation,
    Problem,
    Programme,
    Provenance,
    Report,
    Severity,
)

runner = CliRunner()
WHERE = Provenance(file="x.txt", page=1, line=3)


def _imported(sentence: str) -> tuple[Report, list[Problem]]:
    """One indicator sentence of a 2024 annual report, as the text importer reads it."""
    indicator, problems = parse_indicator_sentence(sentence, year=2024, provenance=WHERE)
    assert indicator is not None
    report = Report(organisation=Organisation(name="Gemeente X"),
                    document=Document(kind=DocumentKind.JAARSTUKKEN, year=2024),
                    programmes=(Programme(name="Veiligheid", indicators=(indicator,)),))
    return report, problems


def test_check_on_the_seed_reports_the_ambiguous_pair_exactly_once(seed_path: Path) -> None:
    result = runner.invoke(app, ["check", str(seed_path), "--format", "json",
                                 "--fail-on", "never"])
    assert result.exit_code == 0, result.stdout
    problems = json.loads(result.stdout)["problems"]
    about_pair = [p for p in problems if "13.140" in p["message"] and "13.044" in p["message"]]
    assert [p["code"] for p in about_pair] == ["IND-CLAIM-AMBIGUOUS"]
    [found] = about_pair
    assert found["severity"] == "warning"
    # the import's location: the seed file and the line of the sentence
    assert (found["location"]["file"], found["location"]["line"]) == (str(seed_path), 83)
    assert found["location"]["path"] == "programmes[0].indicators[0].claims[0]"
    assert "reading 1: 2024 = 13.140 and 2023 = 13.044 (contradicts the claim)" in (
        found["message"])
    assert not [p for p in problems if p["code"] == "TXT-AMBIGUOUS-ORDER"]


def test_without_a_claim_the_importer_reports_it() -> None:
    indicator, problems = parse_indicator_sentence(
        "Aantal geregistreerde misdrijven (13.140 tegenover 13.044)", year=2024)
    assert indicator is not None and indicator.claims == ()
    assert [(p.code, p.severity) for p in problems] == [("TXT-AMBIGUOUS-ORDER",
                                                         Severity.WARNING)]
    assert "2024 = 13.140 and the earlier year = 13.044" in problems[0].message


def test_claim_with_a_dated_and_two_undated_values_is_reported_by_the_check() -> None:
    report, problems = _imported("Geweldsmisdrijven t.o.v. peiljaar 2019 gedaald (6,5 in 2019 "
                                 "-> 5,7 -> 5,3)")
    assert "TXT-AMBIGUOUS-ORDER" not in {p.code for p in problems}
    [indicator] = report.programmes[0].indicators
    assert [o.period for o in indicator.observations] == ["2019", None, None]
    found = [p for p in run_checks(report) if p.code.startswith("IND-CLAIM")]
    assert [p.code for p in found] == ["IND-CLAIM-UNVERIFIABLE"]
    assert "5,7, 5,3 printed without a year" in found[0].message
    assert found[0].location.line == 3


def test_claim_contradicted_in_either_order_does_not_pick_an_order() -> None:
    report, problems = _imported("Aantal meldingen gestegen t.o.v. 2023 (400 tegenover 400)")
    assert "TXT-AMBIGUOUS-ORDER" not in {p.code for p in problems}
    found = [p for p in run_checks(report) if p.code.startswith("IND-CLAIM")]
    assert [p.code for p in found] == ["IND-CLAIM-CONTRADICTED"]
    assert "printed without their years (400, 400) contradict it in either order" in (
        found[0].message)


def test_check_on_the_seed_reports_the_naar_unit_once(seed_path: Path) -> None:
    """"5, 4 naar 1000 inwoners" (seed line 86-87) is IND-PRINTED's: the sentence has a claim,
    so the check reads it from the model; the importer's TXT-UNIT-MISPRINT stays silent."""
    result = runner.invoke(app, ["check", str(seed_path), "--format", "json",
                                 "--fail-on", "never"])
    assert result.exit_code == 0, result.stdout
    problems = json.loads(result.stdout)["problems"]
    about_unit = [p for p in problems if "naar 1000 inwoners" in p["message"]]
    assert [p["code"] for p in about_unit] == ["IND-PRINTED"]
    [found] = about_unit
    assert (found["location"]["file"], found["location"]["line"]) == (str(seed_path), 86)
    assert "(meant: 'per 1000 inwoners'?)" in found["message"]


def test_without_a_claim_the_importer_reports_the_naar_unit() -> None:
    sentence = "Winkeldiefstallen (4 per 1000 inwoners in 2019 -> 5, 4 naar 1000 inwoners)"
    report, problems = _imported(sentence)
    assert [p.code for p in problems] == ["TXT-UNIT-MISPRINT"]
    assert "'naar 1000 inwoners'" in problems[0].message
    # no claim, so the check has no sentence to read it from
    assert not [p for p in run_checks(report) if p.code == "IND-PRINTED"
                and "naar" in p.message]
    _, with_claim = _imported("Winkeldiefstallen t.o.v. peiljaar 2019 gestegen "
                              "(4 per 1000 inwoners in 2019 -> 5, 4 naar 1000 inwoners)")
    assert "TXT-UNIT-MISPRINT" not in [p.code for p in with_claim]

"""Indicator sentences -> Indicator with unit, observations and the claim; ambiguity reported."""

from __future__ import annotations

from decimal import Decimal

from rekenschap.importers.sentences import parse_indicator_sentence
from rekenschap.model import ClaimReference, Direction, Provenance, Severity, UnitKind

WHERE = Provenance(file="doc.txt", line=7, line_end=8)


def _obs(sentence: str, year: int | None = 2024) -> list[tuple[str | None, bool, Decimal | None,
                                                              str | None]]:
    indicator, _ = parse_indicator_sentence(sentence, year=year)
    assert indicator is not None
    return [(o.period, o.period_implicit, o.value, o.printed) for o in indicator.observations]


def test_the_issue_example() -> None:
    sentence = ("Geweldsmisdrijven t.o.v. peiljaar 2019 gedaald (6,5 per 1000 inwoners in 2019 "
                "-> 5,7 per 1000 inwoners -> 2023 5,3)")
    indicator, problems = parse_indicator_sentence(sentence, year=2024, provenance=WHERE)
    assert problems == []
    assert indicator is not None
    assert indicator.name == "Geweldsmisdrijven"
    assert indicator.unit is not None
    assert (indicator.unit.kind, indicator.unit.per, indicator.unit.population) == (
        UnitKind.RATE, 1000, "inwoners")
    assert indicator.baseline_period == "2019"
    assert [(o.period, o.period_implicit, o.value) for o in indicator.observations] == [
        ("2019", False, Decimal("6.5")), ("2024", True, Decimal("5.7")),
        ("2023", False, Decimal("5.3"))]
    [claim] = indicator.claims
    assert (claim.direction, claim.reference, claim.against_period) == (
        Direction.DOWN, ClaimReference.BASELINE, "2019")
    assert claim.sentence == sentence
    assert claim.provenance == WHERE and indicator.provenance == WHERE


def test_spaced_decimal_is_read_and_the_print_kept() -> None:
    sentence = ("Winkeldiefstallen t.o.v. peiljaar 2019 gestegen (4 per 1000 inwoners in 2019 -> "
                "5, 4 naar 1000 inwoners -> 2023 was 5,7).")
    assert _obs(sentence) == [("2019", False, Decimal(4), None),
                              ("2024", True, Decimal("5.4"), "5, 4"),
                              ("2023", False, Decimal("5.7"), None)]
    # with the claim ("gestegen t.o.v. peiljaar 2019") the unit typo is IND-PRINTED's
    assert parse_indicator_sentence(sentence, year=2024, provenance=WHERE)[1] == []
    _, problems = parse_indicator_sentence(sentence.replace(" t.o.v. peiljaar 2019 gestegen", ""),
                                           year=2024, provenance=WHERE)
    [misprint] = problems
    assert misprint.code == "TXT-UNIT-MISPRINT" and misprint.severity is Severity.NOTICE
    assert "naar 1000 inwoners" in misprint.message
    assert misprint.location.line == 7


def test_tegenover_is_ambiguous_and_both_readings_are_named() -> None:
    sentence = ("Aantal geregistreerde misdrijven in Groningen gedaald t.o.v. 2023 "
                "(13.140 tegenover 13.044)")
    indicator, problems = parse_indicator_sentence(sentence, year=2024, provenance=WHERE)
    assert indicator is not None
    assert [(o.period, o.value) for o in indicator.observations] == [
        (None, Decimal(13140)), (None, Decimal(13044))]
    assert indicator.unit is not None and indicator.unit.kind is UnitKind.COUNT
    [claim] = indicator.claims
    assert (claim.reference, claim.against_period) == (ClaimReference.PERIOD, "2023")
    # the sentence makes a claim: IND-CLAIM-AMBIGUOUS owns the finding (test_claim_dedupe.py)
    assert problems == []
    [problem] = parse_indicator_sentence("Aantal geregistreerde misdrijven in Groningen "
                                         "(13.140 tegenover 13.044)", year=2024)[1]
    assert problem.code == "TXT-AMBIGUOUS-ORDER" and problem.severity is Severity.WARNING
    assert "2024 = 13.140 and the earlier year = 13.044" in problem.message
    assert "2024 = 13.044 and the earlier year = 13.140" in problem.message


def test_value_after_the_verb_and_previous_year() -> None:
    sentence = ("Integrale controles ondermijning tov vorig jaar gelijk gebleven op 8 per jaar "
                "(in 2022 nog 4 per jaar)")
    indicator, problems = parse_indicator_sentence(sentence, year=2024)
    assert problems == []
    assert indicator is not None
    assert indicator.name == "Integrale controles ondermijning"
    assert indicator.unit is not None
    assert (indicator.unit.kind, indicator.unit.label) == (UnitKind.COUNT, "per jaar")
    assert [(o.period, o.period_implicit, o.value) for o in indicator.observations] == [
        ("2024", True, Decimal(8)), ("2022", False, Decimal(4))]
    [claim] = indicator.claims
    assert (claim.direction, claim.reference, claim.against_period) == (
        Direction.FLAT, ClaimReference.PREVIOUS, None)


def test_verb_before_the_reference() -> None:
    indicator, _ = parse_indicator_sentence(
        "Vernielingen en beschadigen openbare ruimte gedaald t.o.v. peiljaar 2019 (7,7 per 1000 "
        "inwoners in 2019 -> 7,6 per 1000 inwoners -> 2023 7,4).", year=2024)
    assert indicator is not None
    assert indicator.name == "Vernielingen en beschadigen openbare ruimte"
    assert indicator.baseline_period == "2019"
    assert [o.value for o in indicator.observations] == [Decimal("7.7"), Decimal("7.6"),
                                                         Decimal("7.4")]


def test_all_verbs_and_references() -> None:
    cases = {
        "Banen toegenomen ten opzichte van 2023 (10 -> 2023 9)": (Direction.UP,
                                                                  ClaimReference.PERIOD, "2023"),
        "Restafval afgenomen t.o.v. vorig jaar (150 kg per inwoner)": (
            Direction.DOWN, ClaimReference.PREVIOUS, None),
        "Meldingen verdubbeld t.o.v. peiljaar 2020 (40 in 2020 -> 80)": (
            Direction.DOUBLED, ClaimReference.BASELINE, "2020"),
        "Wachtlijst gehalveerd tov 2022 (2022 60 -> 30)": (Direction.HALVED,
                                                         ClaimReference.PERIOD, "2022"),
    }
    for sentence, (direction, reference, against) in cases.items():
        indicator, _ = parse_indicator_sentence(sentence, year=2024)
        assert indicator is not None, sentence
        [claim] = indicator.claims
        assert (claim.direction, claim.reference, claim.against_period) == (
            direction, reference, against), sentence


def test_two_values_without_years_get_no_period() -> None:
    indicator, problems = parse_indicator_sentence(
        "Verwijzingen Halt t.o.v. peiljaar 2019 gedaald (19 per 1000 -> 10 per 1000)", year=2024)
    assert indicator is not None
    assert [o.period for o in indicator.observations] == [None, None]
    assert problems == []  # a claim: the claim checks report it
    _, problems = parse_indicator_sentence("Verwijzingen Halt (19 per 1000 -> 10 per 1000)",
                                           year=2024)
    assert [p.code for p in problems] == ["TXT-AMBIGUOUS-ORDER"]


def test_unknown_report_year_keeps_the_value_without_period() -> None:
    indicator, problems = parse_indicator_sentence(
        "Geweldsmisdrijven t.o.v. peiljaar 2019 gedaald (6,5 in 2019 -> 5,7)", year=None)
    assert indicator is not None
    assert [(o.period, o.period_implicit) for o in indicator.observations] == [
        ("2019", False), (None, False)]
    assert [p.code for p in problems] == ["TXT-IMPLICIT-PERIOD"]


def test_verb_without_reference_is_no_claim_but_said() -> None:
    indicator, problems = parse_indicator_sentence("Het aantal inbraken is gedaald", year=2024)
    assert indicator is not None and indicator.claims == ()
    assert indicator.name == "Het aantal inbraken"
    assert [p.code for p in problems] == ["TXT-CLAIM-NO-REFERENCE"]


def test_not_an_indicator_sentence() -> None:
    for text in ["Gestart met voicemailservice tijdens grote evenementen", "", "(1 -> 2)",
                 "Stilteperiodes opgenomen in nota vergunningen"]:
        assert parse_indicator_sentence(text, year=2024) == (None, [])


def test_tov_between_two_numbers_is_ambiguous_too() -> None:
    indicator, problems = parse_indicator_sentence(
        "Aantal meldingen gestegen t.o.v. 2023 (410 t.o.v. 385)", year=2024)
    assert indicator is not None
    assert [(o.period, o.value) for o in indicator.observations] == [
        (None, Decimal(410)), (None, Decimal(385))]
    assert problems == []  # a claim: the claim checks report it
    _, problems = parse_indicator_sentence("Aantal meldingen (410 t.o.v. 385)", year=2024)
    assert [p.code for p in problems] == ["TXT-AMBIGUOUS-ORDER"]
    assert "'410 t.o.v. 385'" in problems[0].message


def test_numbers_that_are_not_read_are_reported() -> None:
    indicator, problems = parse_indicator_sentence(
        "Geweldsmisdrijven t.o.v. peiljaar 2019 gedaald (6,5 en 7,1 in 2019 -> 2023 5,3)",
        year=2024)
    assert indicator is not None
    assert [(o.period, o.value) for o in indicator.observations] == [
        ("2019", Decimal("6.5")), ("2023", Decimal("5.3"))]
    [problem] = problems
    assert problem.code == "TXT-INDICATOR-VALUE" and "7,1" in problem.message

"""Words from numbers: the sentences the issue asks for, in Dutch and English."""

from __future__ import annotations

from tests.checks.helpers import example

from rekenschap.checks.narrative import indicator_sentence, sentences


def test_geweldsmisdrijven_sentence_from_the_issue() -> None:
    ind = example().programmes[0].indicators[3]
    assert indicator_sentence(ind, 2024) == (
        "Het aantal geweldsmisdrijven per 1.000 inwoners is gedaald van 6,5 (2019) naar 5,7 "
        "(2024); ten opzichte van 2023 (5,3) is het gestegen.")
    assert indicator_sentence(ind, 2024, "en") == (
        "The number of geweldsmisdrijven per 1,000 inhabitants fell from 6.5 (2019) to 5.7 "
        "(2024); compared with 2023 (5.3) it rose.")


def test_same_direction_says_ook() -> None:
    ind = example().programmes[0].indicators[4]
    assert indicator_sentence(ind, 2024) == (
        "Het aantal diefstallen uit woning per 1.000 inwoners is gedaald van 2,8 (2019) naar 1,3 "
        "(2024); ook ten opzichte van 2023 (1,9) is het gedaald.")


def test_variance_sentences() -> None:
    texts = [s.text for s in sentences(example()) if s.kind == "variance"]
    assert texts == ["De lasten zijn € 702.000 (1,6%) hoger dan begroot.",
                     "De baten zijn € 3.142.000 (48%) hoger dan begroot."]
    english = [s.text for s in sentences(example(), "en") if s.kind == "variance"]
    assert english[1] == "Income was € 3,142,000 (48%) higher than budgeted."
    changes = [s for s in sentences(example()) if s.kind == "budget_change"]
    assert changes[0].path == "programmes[0].finance.rows[0]"
    assert changes[0].text == ("De begrote lasten zijn gedurende het jaar met € 1.954.000 (4,6%) "
                               "verhoogd, van € 42.668.000 naar € 44.622.000.")


def test_indicator_without_periods_gets_no_sentence() -> None:
    assert indicator_sentence(example().programmes[0].indicators[0], 2024) is None


def test_suggestions_for_one_programme() -> None:
    from rekenschap.checks.narrative import suggestions
    from rekenschap.model import Programme

    report = example()
    texts = [s.text for s in suggestions(report, report.programmes[0])]
    assert "De baten zijn € 3.142.000 (48%) hoger dan begroot." in texts
    assert len(texts) == len(sentences(report))
    other = Programme(name="Nieuw", indicators=(report.programmes[0].indicators[3],))
    (only,) = suggestions(report, other, "en")
    assert only.text.startswith("The number of geweldsmisdrijven")

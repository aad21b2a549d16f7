"""The two layouts the importer learnt for the round trip, from hand-made lines."""

from __future__ import annotations

from decimal import Decimal

from tests.roundtrip.lines import line

from rekenschap.importers.pdf.headed_goals import find_headed_goals
from rekenschap.importers.pdf.yeartable import find_year_indicators
from rekenschap.model import ActivityStatus, ObservationQualifier

HEADER = line(1, 100, ("Indicator", 50, 90), ("Eenheid", 200, 235), ("Bron", 330, 350),
              ("2022", 400, 420), ("2023", 450, 470), ("2024", 500, 520))


def test_year_table_rows_wrapped_names_and_qualifiers() -> None:
    lines = [
        HEADER,
        line(2, 115, ("Verwijzingen", 50, 105), ("per 1.000 jongeren", 200, 290),
             ("Halt", 330, 350), ("19", 410, 420), ("-", 466, 470), ("n.n.b.", 495, 520)),
        line(3, 125, ("Halt", 50, 70), ("12-17 jaar", 200, 245)),
        line(4, 145, ("Banen", 50, 78), ("per 1.000 inwoners", 200, 290), ("LISA", 330, 352),
             ("701,3", 395, 420), ("x", 466, 470), ("650", 505, 520)),
        line(5, 190, ("Het aantal banen steeg.", 50, 160)),
    ]
    indicators, problems = find_year_indicators(lines, file="f.pdf", path="p")
    halt, banen = indicators
    assert halt.name == "Verwijzingen Halt"
    assert halt.unit is not None and halt.unit.per == 1000
    assert halt.source == "Halt"
    assert [(o.period, o.value, o.qualifier) for o in halt.observations] == [
        ("2022", Decimal(19), None), ("2024", None, ObservationQualifier.NOT_YET_KNOWN)]
    assert [(o.period, o.value) for o in banen.observations] == [
        ("2022", Decimal("701.3")), ("2024", Decimal(650))]
    assert [(p.code, p.location.line) for p in problems] == [("PDF-IND-YEARS-VALUE", 4)]


def test_year_table_header_repeated_on_the_next_page_is_no_row() -> None:
    again = line(1, 60, ("Indicator", 50, 90), ("Eenheid", 200, 235), ("Bron", 330, 350),
                 ("2022", 400, 420), ("2023", 450, 470), ("2024", 500, 520), page=5)
    lines = [
        HEADER,
        line(2, 115, ("Banen", 50, 78), ("per 1.000 inwoners", 200, 290), ("2", 415, 420)),
        again,
        line(2, 75, ("Niet-sporters", 50, 110), ("%", 200, 210), ("44,2", 450, 470), page=5),
    ]
    indicators, problems = find_year_indicators(lines, file="f.pdf", path="p")
    assert [i.name for i in indicators] == ["Banen", "Niet-sporters"]
    assert problems == []


def test_no_year_table_without_eenheid_or_years() -> None:
    lines = [line(1, 100, ("Indicator", 50, 90), ("2023", 450, 470)),
             line(2, 115, ("Banen", 50, 78), ("2", 465, 470))]
    assert find_year_indicators(lines, file="f.pdf", path="p") == ([], [])


def test_goal_headings_with_description_and_bulleted_activities() -> None:
    lines = [
        line(1, 80, ("Geen toelichting.", 50, 120), size=10),  # before any goal: no goal
        line(2, 100, ("1.1 Veilig en schoon", 50, 160), size=11),
        line(3, 116, ("Minder inbraken.", 50, 130), size=10),
        line(4, 132, ("•", 60, 64), ("[Vertraagd]", 70, 120), ("Camera's bij de", 122, 200),
             size=10),
        line(5, 144, ("school geplaatst", 70, 150), size=10),
        line(6, 160, ("•", 60, 64), ("Gerealiseerd: 1.1.02 Buurtapp", 70, 200), size=10),
        line(7, 190, ("Snelle hulp", 50, 110), size=11),
    ]
    goals = find_headed_goals(lines, body=10.0, file="f.pdf")
    first, second = goals
    assert (first.code, first.title, first.description) == ("1.1", "Veilig en schoon",
                                                            "Minder inbraken.")
    assert [(a.code, a.text, a.status) for a in first.activities] == [
        (None, "Camera's bij de school geplaatst", ActivityStatus.DELAYED),
        ("1.1.02", "Buurtapp", ActivityStatus.REALISED)]
    assert (second.code, second.title, second.activities) == (None, "Snelle hulp", ())


def test_text_sections_under_known_headings_only() -> None:
    from rekenschap.importers.pdf.textsections import find_text_sections

    lines = [
        line(1, 100, ("Belangrijkste ontwikkelingen", 50, 200), size=12.5),
        line(2, 120, ("De aanpak is", 50, 120), size=10),
        line(3, 132, ("versterkt.", 50, 100), size=10),
        line(4, 155, ("Meldingen stegen.", 50, 130), size=10),
        line(5, 180, ("Wat heeft het gekost?", 50, 180), size=12.5),
        line(6, 200, ("Lasten stegen.", 50, 120), size=10),
    ]
    (section,) = find_text_sections(lines, body=10.0, file="f.pdf")
    assert section.heading == "Belangrijkste ontwikkelingen"
    assert section.text == "De aanpak is versterkt.\n\nMeldingen stegen."


def test_taakvelden_listed_on_a_line_that_wraps() -> None:
    from rekenschap.importers.pdf.taakvelden import listed_taakvelden

    lines = [line(1, 100, ("Taakvelden: 6.1, 6.71a,", 50, 200)),
             line(2, 112, ("7.1", 50, 70)),
             line(3, 124, ("Taakvelden zijn vastgesteld door de raad.", 50, 200))]
    assert listed_taakvelden(lines) == ("6.1", "6.71a", "7.1")
    assert listed_taakvelden(lines[2:]) == ()


def test_explanation_threshold_under_the_heading_and_incidental_in_the_note() -> None:
    from rekenschap.importers.pdf.explanations import find_explanations

    lines = [
        line(1, 100, ("Toelichting op verschillen", 50, 200), size=10.5),
        line(2, 115, ("Verschillen vanaf € 50.000 worden toegelicht.", 50, 250), size=10),
        line(3, 135, ("a. Opvang (lasten, incidenteel, per saldo nadelig € 81.000).", 50, 300)),
        line(4, 147, ("Hogere kosten.", 50, 120)),
        line(5, 167, ("b. Leges (baten, structureel, per saldo voordelig € 6.000).", 50, 300)),
    ]
    (expl,), problems = find_explanations(lines, file="f.pdf", path="p")
    assert expl.threshold == 50000 and problems == []
    assert [(i.title, i.amount, i.kind, i.incidental, i.text) for i in expl.items] == [
        ("Opvang", Decimal(-81000), "lasten", True, "Hogere kosten."),
        ("Leges", Decimal(6000), "baten", False, None)]


def test_region_and_target_rows_belong_to_the_indicator_above() -> None:
    lines = [
        HEADER,
        line(2, 115, ("Halt", 50, 70), ("per 1.000", 200, 240), ("Halt", 330, 350),
             ("19", 410, 420), ("10", 460, 470), ("-", 516, 520)),
        line(3, 135, ("Nederland", 55, 95), ("14", 410, 420), ("12,5", 452, 470)),
        line(4, 155, ("Streefwaarde", 55, 110), ("9", 515, 520)),
        line(5, 175, ("Banen", 50, 78), ("per 1.000", 200, 240), ("2", 415, 420)),
    ]
    (halt, banen), problems = find_year_indicators(lines, file="f.pdf", path="p")
    (nl,) = halt.benchmarks
    assert (nl.region, nl.region_code) == ("Nederland", "NL01")
    assert [(o.period, o.value) for o in nl.observations] == [
        ("2022", Decimal(14)), ("2023", Decimal("12.5"))]
    assert [(t.period, t.value) for t in halt.targets] == [("2024", Decimal(9))]
    assert banen.benchmarks == () and problems == []


def test_indicator_facts_under_its_own_heading() -> None:
    from rekenschap.importers.pdf.indicatorfacts import add_indicator_facts
    from rekenschap.model import DesiredDirection, Indicator

    indicators = [Indicator(name="Banen"), Indicator(name="Halt")]
    lines = [
        line(1, 100, ("Banen", 50, 80), size=10.5),
        line(2, 115, ("Peiljaar: 2019. Streefwaarde: lager is beter.", 50, 250), size=10),
        line(3, 140, ("Halt", 50, 70), size=10),  # body text, not a heading
        line(4, 155, ("Peiljaar: 2018.", 50, 120), size=10),
    ]
    banen, halt = add_indicator_facts(indicators, lines, body=10.0)
    assert banen.baseline_period == "2019"
    assert banen.target is not None and banen.target.direction is DesiredDirection.DOWN
    assert (halt.baseline_period, halt.target) == (None, None)

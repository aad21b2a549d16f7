"""Whole-document behaviour of import_text on small inline dumps (the docstring style of tests)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rekenschap.importers.text import import_text, import_text_file
from rekenschap.importers.textdump_finance import row_kind
from rekenschap.model import (
    ColumnKind,
    DocumentKind,
    Problem,
    Report,
    RowKind,
    Severity,
    SignConvention,
)

TWO_PROGRAMMES = """\
Programmabegroting 2025

Programma 1 Veiligheid
Wat willen we bereiken? Wat gaan we daarvoor doen?

Minder woninginbraken • Inzet van buurtpreventie-
apps in alle wijken
• 12 voorlichtingsavonden

Wat mag het kosten?
bedragen x € 1.000
Begroting 2024 Begroting 2025 Raming 2026
Lasten -4.346 -4.500 -4.600
Baten 136 140 140
Saldo -4.210 -4.360 -4.460

12

Programma 2 Wonen
Deelprogramma 2.1 Bouwen
Wat willen we bereiken?
Meer betaalbare woningen
• 300 sociale huurwoningen opgeleverd
Belangrijkste ontwikkelingen
De woningmarkt blijft krap, vooral
voor starters.
"""


def _import(text: str, file: str = "voorbeeld.txt") -> tuple[Report, list[Problem]]:
    return import_text(text, file=file)


def test_programmes_sections_finance_and_nesting() -> None:
    report, problems = _import(TWO_PROGRAMMES)
    assert report.document.kind is DocumentKind.BEGROTING
    assert report.document.year == 2025
    assert report.document.title == "Programmabegroting 2025"
    assert report.unit.scale == 1000  # from "bedragen x € 1.000"
    p1, p2 = report.programmes
    assert (p1.code, p1.name, p1.level) == ("1", "Veiligheid", "programma")
    [goal] = p1.goals
    assert goal.title == "Minder woninginbraken"
    assert [a.text for a in goal.activities] == [
        "Inzet van buurtpreventieapps in alle wijken", "12 voorlichtingsavonden"]
    table = p1.finance
    assert table is not None
    assert [(c.key, c.kind, c.year) for c in table.columns] == [
        ("prior_budget_2024", ColumnKind.PRIOR_BUDGET, 2024),
        ("budget_2025", ColumnKind.BUDGET, 2025),
        ("estimate_2026", ColumnKind.ESTIMATE, 2026)]
    assert [r.kind for r in table.rows] == [RowKind.LASTEN, RowKind.BATEN, RowKind.SALDO]
    assert table.value(RowKind.LASTEN, ColumnKind.BUDGET) == Decimal(-4500)
    assert table.sign_convention is SignConvention.LASTEN_NEGATIVE
    assert table.unit is not None and table.unit.scale == 1000
    # deelprogramma 2.1 nests under programma 2
    assert (p2.code, p2.name) == ("2", "Wonen")
    [sub] = p2.subprogrammes
    assert (sub.code, sub.name, sub.level) == ("2.1", "Bouwen", "deelprogramma")
    assert sub.goals[0].activities[0].quantities[0].value == Decimal(300)
    [section] = sub.sections
    assert section.heading == "Belangrijkste ontwikkelingen"
    assert section.text == "De woningmarkt blijft krap, vooral voor starters."
    codes = [p.code for p in problems]
    assert codes == ["TXT-FURNITURE", "TXT-NO-ORGANISATION"]  # page number "12" left out
    assert problems[0].location.line == 17


def test_unplaced_text_is_kept_and_reported() -> None:
    text = "Inleiding die nergens bij hoort\n\nProgramma 1 Zorg\n\nLasten 1 2 3\n"
    report, problems = _import(text, "zorg-2024.txt")
    codes = {p.code: p for p in problems}
    assert codes["TXT-UNPLACED"].location.line == 1
    assert "Inleiding die nergens bij hoort" in codes["TXT-UNPLACED"].message
    # "Lasten 1 2 3" without a header: reported, not guessed
    assert codes["TXT-FINANCE-HEADER"].severity is Severity.WARNING
    assert report.programmes[0].finance is None
    assert report.programmes[0].sections[-1].text == "Lasten 1 2 3"  # kept as text


def test_row_with_wrong_number_of_amounts_is_reported_with_its_line() -> None:
    text = ("Programma 1 Zorg\nWat heeft het gekost?\nPrimitieve begroting Actuele begroting "
            "Rekening\nLasten 10 20 30\nBaten 1 2\n")
    report, problems = _import(text, "zorg-2023.txt")
    table = report.programmes[0].finance
    assert table is not None
    assert [r.label for r in table.rows] == ["Lasten"]
    [row_problem] = [p for p in problems if p.code == "TXT-FINANCE-ROW"]
    assert row_problem.location.line == 5
    assert "'Baten' has 2 amounts (1 2)" in row_problem.message


def test_activity_before_any_goal_is_kept_as_section() -> None:
    text = "Programma 1 Zorg\n• Losse activiteit zonder doel\n\nDoel één\n• Activiteit\n"
    report, problems = _import(text, "zorg-2024.txt")
    programme = report.programmes[0]
    assert [g.title for g in programme.goals] == ["Doel één"]
    assert programme.sections[-1].text == "Losse activiteit zonder doel"
    assert "TXT-ACTIVITY-NO-GOAL" in {p.code for p in problems}


def test_no_programme_heading_is_an_error_not_a_crash() -> None:
    report, problems = _import("zomaar wat tekst\n", "x.txt")
    assert report.programmes == ()
    codes = {p.code for p in problems}
    assert {"TXT-NO-PROGRAMME", "TXT-NO-YEAR", "TXT-NO-ORGANISATION"} <= codes
    assert report.document.year == 1900


def test_row_kinds() -> None:
    assert row_kind("Saldo van baten en lasten") is RowKind.SALDO
    assert row_kind("Toevoeging aan reserves") is RowKind.RESERVE_ADDITION
    assert row_kind("Onttrekkingen aan reserves") is RowKind.RESERVE_WITHDRAWAL
    assert row_kind("Mutaties reserves") is RowKind.RESERVE_MUTATIONS
    assert row_kind("Gerealiseerd resultaat") is RowKind.RESULT
    assert row_kind("Wonen") is None


def test_import_text_file_reads_bytes_and_reports_encoding(tmp_path: Path) -> None:
    path = tmp_path / "gouda-2024-zorg.txt"
    path.write_bytes("Programma 1 Zorg\nDoel één\n• Actie\n".encode("cp1252"))
    report, problems = import_text_file(path)
    assert report is not None
    assert report.programmes[0].goals[0].title == "Doel één"
    assert "TXT-ENCODING" in {p.code for p in problems}
    missing, problems = import_text_file(tmp_path / "nope.txt")
    assert missing is None and problems[0].code == "TXT-UNREADABLE"


NUMBERED = """\
Programma 1 Veiligheid en handhaving
Wat willen we bereiken?
Visie
Een dorp waar mensen veilig leven.
Doelstellingen
1. Stellen van veiligheidsprioriteiten.
2. Handhaving van de openbare orde door
snel te schakelen.
Wat gaan we daarvoor doen?
Belangrijkste resultaten voor 2026
1.1 Uitgevoerd Uitvoeringsplan 2026
2.1 Geëvalueerde crisisbeheersing en
crisiscommunicatie
1.2 Verhoogde weerbaarheid
3.1 Resultaat zonder doel
1.1 Uitgevoerd Uitvoeringsplan 2026
Jaarlijks wordt een uitvoeringsplan opgesteld:
• Leefbaarheid;
• Ondermijning.
"""


def test_numbered_goals_and_results_pair_by_code() -> None:
    report, problems = _import(NUMBERED, "wassenaar-begroting-2026.txt")
    programme = report.programmes[0]
    assert [(g.code, g.title) for g in programme.goals] == [
        ("1", "Stellen van veiligheidsprioriteiten."),
        ("2", "Handhaving van de openbare orde door snel te schakelen.")]
    assert [(a.code, a.text) for a in programme.goals[0].activities] == [
        ("1.1", "Uitgevoerd Uitvoeringsplan 2026"), ("1.2", "Verhoogde weerbaarheid")]
    assert [(a.code, a.text) for a in programme.goals[1].activities] == [
        ("2.1", "Geëvalueerde crisisbeheersing en crisiscommunicatie")]
    headings = {s.heading: s.text for s in programme.sections}
    assert headings["Wat willen we bereiken?"] == "Visie Een dorp waar mensen veilig leven."
    assert headings["1.1 Uitgevoerd Uitvoeringsplan 2026"] == (
        "Jaarlijks wordt een uitvoeringsplan opgesteld:\n• Leefbaarheid;\n• Ondermijning.")
    assert "Resultaat zonder doel" in headings["Overige tekst"]
    [orphan] = [p for p in problems if p.code == "TXT-ACTIVITY-NO-GOAL"]
    assert orphan.location.line == 15


def test_goal_code_of_three_part_result_codes() -> None:
    from rekenschap.importers.textdump_goals import goal_code_of

    assert goal_code_of("1.2", "1") == "1"
    assert goal_code_of("1.2.01", "1") == "2"
    assert goal_code_of("1.2.01", "3") == "1"
    assert goal_code_of("4.1", None) == "4"


STACKED = """\
Programma 1 Veiligheid
Wat heeft het gekost?
P1 Veiligheid en handhaving Begroting Begroting Realisatie Verschil
bedragen x € 1.000,- ("-" = nadeel / "+" = voordeel) 2023 2023 2023 2023
primair na Begr. na wijz.
wijziging / realisatie
Totaal baten 1.101 2.631 2.483 -148
Totaal lasten -4.346 -6.875 -6.628 247
Programma resultaat -3.245 -4.244 -4.145 99
"""


def test_stacked_header_is_read_and_said() -> None:
    report, problems = _import(STACKED, "wassenaar-jaarstukken-2023.txt")
    table = report.programmes[0].finance
    assert table is not None
    assert [(c.kind, c.label, c.year) for c in table.columns] == [
        (ColumnKind.ORIGINAL_BUDGET, "Begroting 2023 primair", 2023),
        (ColumnKind.AMENDED_BUDGET, "Begroting 2023 na wijziging", 2023),
        (ColumnKind.ACTUAL, "Realisatie 2023", 2023),
        (ColumnKind.DIFFERENCE, "Verschil 2023", 2023)]
    assert table.title == "P1 Veiligheid en handhaving"
    assert [r.kind for r in table.rows] == [RowKind.BATEN, RowKind.LASTEN, RowKind.RESULT]
    assert table.sign_note == '"-" = nadeel / "+" = voordeel'
    assert report.unit.scale == 1000
    [stacked] = [p for p in problems if p.code == "TXT-FINANCE-STACKED"]
    assert stacked.severity is Severity.NOTICE and stacked.location.line == 3


def test_a_sentence_mentioning_a_document_is_not_the_title() -> None:
    text = "In de begroting 2023 is dit afgesproken, zie ook hieronder.\nProgramma 1 Zorg\n"
    report, problems = _import(text, "zorg-2025.txt")
    assert report.document.title is None
    assert report.document.year == 2025  # from the file name, not the sentence
    assert "TXT-UNPLACED" in {p.code for p in problems}


def test_a_page_break_keeps_a_real_paragraph_break() -> None:
    text = ("Programma 1 Zorg\nEerste doel\n• Eerste actie\n\nJaarstukken 2024 | 7\n"
            "\fTweede doel\n• Actie twee\n")
    report, problems = _import(text, "zorg-2024.txt")
    assert [g.title for g in report.programmes[0].goals] == ["Eerste doel", "Tweede doel"]
    assert [p.code for p in problems].count("TXT-FURNITURE") == 1  # the running footer

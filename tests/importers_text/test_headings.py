"""Heading recognisers: programmes, W-sections (question + tense), document kind and year."""

from __future__ import annotations

import pytest

from rekenschap.importers.headings import (
    DocumentHint,
    ProgrammeHeading,
    Question,
    Tense,
    document_hint_from_name,
    find_w_sections,
    parse_document_title,
    parse_programme_heading,
    parse_w_heading,
    w_heading,
)
from rekenschap.model import DocumentKind


@pytest.mark.parametrize(("line", "expected"), [
    ("Deelprogramma 2.2.Veiligheid", ProgrammeHeading("deelprogramma", "2.2", "Veiligheid")),
    ("Deelprogramma 2.2 Veiligheid", ProgrammeHeading("deelprogramma", "2.2", "Veiligheid")),
    ("Programma 1 Openbare orde en veiligheid",
     ProgrammeHeading("programma", "1", "Openbare orde en veiligheid")),
    ("P1 Veiligheid en handhaving", ProgrammeHeading("programma", "1", "Veiligheid en handhaving")),
    ("Programma 1: Veiligheid en Handhaving",
     ProgrammeHeading("programma", "1", "Veiligheid en Handhaving")),
    ("Programma 10. Financiën", ProgrammeHeading("programma", "10", "Financiën")),
    ("  Programma 3 - Sociaal domein  ", ProgrammeHeading("programma", "3", "Sociaal domein")),
    ("PROGRAMMA 4 WONEN", ProgrammeHeading("programma", "4", "WONEN")),
])
def test_programme_headings(line: str, expected: ProgrammeHeading) -> None:
    assert parse_programme_heading(line) == expected


@pytest.mark.parametrize("line", [
    "Programma's ....... 9",                       # table of contents
    "Programma 1 Veiligheid ........ 9",
    "Programma 1 Veiligheid 9",                    # ToC without leaders
    "Programma 3 is bedoeld voor jongeren",        # a sentence
    "Programma",
    "P 1 Jansen",
    "Programmabegroting 2024",
    "programma 3 subsidies en 2 projecten gestart",   # a wrapped line of running text
    "• Binnen programma Grip op Onbegrip 3 subsidies",
    "P1 Veiligheid en handhaving Begroting Begroting Realisatie Verschil",  # table header
    "P3 Bestuur en middelen 610 - 610 -",                                   # table row
    "P1 Veiligheid en Handhaving - - - -",
    "Programma 0 - Bestuuur en ondersteuning -230",
    "",
])
def test_not_programme_headings(line: str) -> None:
    assert parse_programme_heading(line) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Wat wilden we bereiken? Wat hebben we daarvoor gedaan?",
     [(Question.GOALS, Tense.PAST), (Question.ACTIVITIES, Tense.PAST)]),
    ("Wat willen we bereiken?", [(Question.GOALS, Tense.PLAN)]),
    ("Wat wilden we bereiken ?", [(Question.GOALS, Tense.PAST)]),
    ("Wat hebben we bereikt?", [(Question.GOALS, Tense.PAST)]),
    ("Wat gaan we daarvoor doen?", [(Question.ACTIVITIES, Tense.PLAN)]),
    ("Wat doen we daarvoor?", [(Question.ACTIVITIES, Tense.PLAN)]),
    ("Wat hebben we gedaan?", [(Question.ACTIVITIES, Tense.PAST)]),
    ("Wat wilden we daarvoor doen?", [(Question.ACTIVITIES, Tense.PAST)]),
    ("Belangrijkste resultaten 2023", [(Question.ACTIVITIES, None)]),
    ("Wat mag het kosten?", [(Question.FINANCE, Tense.PLAN)]),
    ("Wat kost het?", [(Question.FINANCE, Tense.PLAN)]),
    ("Wat gaat het kosten ?", [(Question.FINANCE, Tense.PLAN)]),
    ("3.2 Wat heeft het gekost?", [(Question.FINANCE, Tense.PAST)]),
    ("Beleidsindicatoren", [(Question.INDICATORS, None)]),
    ("Toelichting op de verschillen", [(Question.EXPLANATION, None)]),
    ("Toelichting op verschillen tussen begroot actueel/werkelijk >= € 50.000",
     [(Question.EXPLANATION, None)]),
    ("Belangrijkste ontwikkelingen", [(Question.DEVELOPMENTS, None)]),
    ("Doelstelling", [(Question.GOALS, None)]),
    ('Doelstelling: "Wat wilden we bereiken ?"',
     [(Question.GOALS, None), (Question.GOALS, Tense.PAST)]),
    ("Wat wilden we daarvoor doen? / Belangrijkste resultaten 2023",
     [(Question.ACTIVITIES, Tense.PAST), (Question.ACTIVITIES, None)]),
    ("Wat wilden webereiken?", [(Question.GOALS, Tense.PAST)]),  # extraction lost a space
])
def test_w_headings(line: str, expected: list[tuple[Question, Tense | None]]) -> None:
    assert [(s.question, s.tense) for s in parse_w_heading(line)] == expected


@pytest.mark.parametrize("line", [
    "De indicatoren zijn gedaald ten opzichte van vorig jaar",
    "We hebben veel gedaan om de doelstelling te halen",
    "Lasten 42.668 44.622 45.324",
    "",
])
def test_running_text_is_not_a_w_heading(line: str) -> None:
    assert parse_w_heading(line) == []
    assert w_heading(line) is None


def test_w_heading_prefers_the_wording_with_a_tense() -> None:
    section = w_heading('Doelstelling: "Wat wilden we bereiken ?"')
    assert section is not None
    assert (section.question, section.tense) == (Question.GOALS, Tense.PAST)


def test_find_w_sections_reports_offsets() -> None:
    line = "Tekst. Wat mag het kosten? Meer tekst"
    [section] = find_w_sections(line)
    assert line[section.start:section.end].strip() == "Wat mag het kosten?"
    assert parse_w_heading(line) == []  # not a heading line


@pytest.mark.parametrize(("line", "expected"), [
    ("Jaarstukken 2024", DocumentHint(DocumentKind.JAARSTUKKEN, 2024)),
    ("Jaarrekening 2023", DocumentHint(DocumentKind.JAARSTUKKEN, 2023)),
    ("Jaarverslag 2023", DocumentHint(DocumentKind.JAARVERSLAG, 2023)),
    ("Programmabegroting 2024", DocumentHint(DocumentKind.BEGROTING, 2024)),
    ("Begroting 2021-2024", DocumentHint(DocumentKind.BEGROTING, 2021, 2024)),
    ("Voorjaarsnota 2025", DocumentHint(DocumentKind.VOORJAARSNOTA, 2025)),
    ("2e Bestuursrapportage 2024", DocumentHint(DocumentKind.BESTUURSRAPPORTAGE, 2024)),
])
def test_document_titles(line: str, expected: DocumentHint) -> None:
    assert parse_document_title(line) == expected


def test_no_document_title() -> None:
    assert parse_document_title("Wat wilden we bereiken?") is None
    assert parse_document_title("Begroting") is None


@pytest.mark.parametrize(("name", "expected"), [
    ("groningen-2024-veiligheid.txt", DocumentHint(None, 2024, None, "Groningen")),
    ("jaarstukken-2023.pdf", DocumentHint(DocumentKind.JAARSTUKKEN, 2023)),
    ("../shared/corpus/wassenaar/begroting-2021-2024.pdf",
     DocumentHint(DocumentKind.BEGROTING, 2021, 2024)),
    ("Gemeente_Wassenaar_Programmabegroting_2025.pdf",
     DocumentHint(DocumentKind.BEGROTING, 2025, None, "Wassenaar")),
    ("notes.txt", DocumentHint()),
])
def test_document_hint_from_name(name: str, expected: DocumentHint) -> None:
    assert document_hint_from_name(name) == expected

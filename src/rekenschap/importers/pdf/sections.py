"""Headings on one visual PDF line, via the shared parsers in :mod:`rekenschap.importers.headings`.

A thin adapter: the shared parsers recognise W-section headings, programme headings and
document titles; this module adds what PDF layout needs on top (section headings that carry
extra words, such as "Toelichting op verschillen tussen begroot actueel/werkelijk >= € 50.000"
and "Effectindicatoren") and maps the result to the PDF importer's vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rekenschap.importers.headings import (
    Question,
    find_w_sections,
    parse_document_title,
    parse_programme_heading,
    w_heading,
)
from rekenschap.model import DocumentKind

__all__ = ["ProgrammeHeading", "Question", "match_document", "match_programme_heading",
           "match_w_section"]

_INDICATOR_HEADING = re.compile(r"^(effect|beleids|prestatie)indicatoren\s*$", re.I)
# Both questions in one heading, as many begrotingen print it: the goals with what is done.
_COMBINED_GOALS = re.compile(
    r"^wat\s+(willen|wilden)\s+we\s+bereiken\s*\??\s+en\s+wat\s+(gaan|hebben)\s+we\s+"
    r"(daar)?(voor\s+)?(doen|gedaan)\s*\??$", re.I)


def match_w_section(text: str) -> Question | None:
    """The section a heading line opens, or ``None``.

    >>> match_w_section('Doelstelling: "Wat wilden we bereiken ?"')
    <Question.GOALS: 'goals'>
    >>> match_w_section("Toelichting op verschillen tussen begroot actueel/werkelijk >= € 50.000")
    <Question.EXPLANATION: 'explanation'>
    """
    s = " ".join(text.split())
    found = w_heading(s)
    if found is not None:
        return found.question
    if _INDICATOR_HEADING.match(s):
        return Question.INDICATORS
    if _COMBINED_GOALS.match(s):
        return Question.GOALS
    first = find_w_sections(s[:60])
    if first and first[0].start == 0 and first[0].question is Question.EXPLANATION:
        return Question.EXPLANATION
    return None


@dataclass(frozen=True)
class ProgrammeHeading:
    """``number`` as printed ("1"), ``code`` as the document abbreviates it ("P1")."""

    number: str
    name: str
    code: str
    level: str = "programma"
    """"programma", or "deelprogramma" for a part of one ("Deelprogramma 1.1 ...")."""


def match_programme_heading(text: str, *, parts: bool = False) -> ProgrammeHeading | None:
    """"P1 Veiligheid en handhaving" / "Programma 1: Veiligheid" -> heading; ToC lines -> None.

    With ``parts``, "Deelprogramma 1.1 Crisisbeheersing" is a heading too (level
    ``deelprogramma``).

    >>> match_programme_heading("P1 Veiligheid en handhaving").code
    'P1'
    >>> match_programme_heading("P1 Veiligheid en handhaving ....... 19") is None
    True
    """
    s = " ".join(text.split())
    if re.search(r"\.{4,}|…{2,}", s):
        return None
    found = parse_programme_heading(s)
    if found is None or found.code is None:
        return None
    if found.level != "programma":
        if not parts or found.level != "deelprogramma":
            return None
        return ProgrammeHeading(number=found.code, name=found.name, code=found.code,
                                level="deelprogramma")
    short = s[:1].upper() == "P" and s[1:2].isdigit()
    code = f"P{found.code}" if short else found.code
    return ProgrammeHeading(number=found.code, name=found.name, code=code)


def match_document(text: str) -> tuple[DocumentKind, int, int | None] | None:
    """Kind, year and (multi-year) end year named in a title line, or ``None``.

    >>> match_document("BEGROTING 2021-2024")
    (<DocumentKind.BEGROTING: 'begroting'>, 2021, 2024)
    """
    hint = parse_document_title(" ".join(text.split()))
    if hint is None or hint.kind is None or hint.year is None:
        return None
    return hint.kind, hint.year, hint.period_end

"""Headings on one visual line: programme headings (programmakoppen), W-sections, document kind.

These matchers work on single PDF lines (font size and position are judged by the caller).
The text-dump importer's shared parsers (``rekenschap.importers.headings``) cover the same
ground for interleaved text; this module keeps the PDF-specific rules small and line-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rekenschap.model import DocumentKind

__all__ = [
    "ProgrammeHeading",
    "WSection",
    "match_document",
    "match_programme_heading",
    "match_w_section",
]


class WSection(StrEnum):
    """The three W-questions plus the sections that follow them in a programme chapter."""

    GOALS = "goals"                  # Wat willen/wilden we bereiken?
    ACTIVITIES = "activities"        # Wat gaan we daarvoor doen? / Belangrijkste resultaten
    FINANCE = "finance"              # Wat mag het kosten? / Wat heeft het gekost?
    INDICATORS = "indicators"        # Effectindicatoren / Beleidsindicatoren
    EXPLANATION = "explanation"      # Toelichting op verschillen
    OTHER = "other"                  # Verbonden partijen, Investeringen, ...


_W = [
    (WSection.GOALS, re.compile(
        r"^(?:doelstelling(?:en)?\s*:?\s*)?[\"“”']?\s*wat\s+(?:willen|wilden|wil)\s+we\s+bereiken",
        re.I)),
    (WSection.ACTIVITIES, re.compile(
        r"^[\"“”']?\s*wat\s+(?:gaan|wilden|willen|hebben|doen)\s+we\s+(?:daarvoor\s+)?"
        r"(?:doen|gedaan|bereikt)|^wat\s+doen\s+we\s+daarvoor", re.I)),
    (WSection.FINANCE, re.compile(
        r"^[\"“”']?\s*wat\s+(?:mag|gaat|heeft|kost)\s+(?:het\s+)?(?:kosten|gekost|het)\b", re.I)),
    (WSection.INDICATORS, re.compile(r"^(?:effect|beleids|prestatie)indicatoren\s*$", re.I)),
    (WSection.EXPLANATION, re.compile(r"^toelichting\s+op\s+(?:de\s+)?verschillen", re.I)),
]

_DOT_LEADER = re.compile(r"\.{4,}|…{2,}|\s\d{1,3}\s*$")


def match_w_section(text: str) -> WSection | None:
    """The W-section a heading line opens, or ``None``.

    >>> match_w_section('Doelstelling: "Wat wilden we bereiken ?"')
    <WSection.GOALS: 'goals'>
    >>> match_w_section("Wat heeft het gekost ?")
    <WSection.FINANCE: 'finance'>
    """
    s = " ".join(text.split())
    if _DOT_LEADER.search(s):
        return None
    for kind, pattern in _W:
        if pattern.search(s):
            return kind
    return None


@dataclass(frozen=True)
class ProgrammeHeading:
    number: str
    name: str
    code: str


_PROG = re.compile(
    r"^(?:P(?P<p>\d{1,2})|Programma\s*(?P<q>\d{1,2})\s*[:.\-–]?)\s+(?P<name>[A-Z][^\d.…]{2,80})$")


def match_programme_heading(text: str) -> ProgrammeHeading | None:
    """"P1 Veiligheid en handhaving" / "Programma 1: Veiligheid" -> heading; ToC lines -> None.

    >>> match_programme_heading("P1 Veiligheid en handhaving").code
    'P1'
    >>> match_programme_heading("P1 Veiligheid en handhaving ....... 19") is None
    True
    """
    s = " ".join(text.split())
    if _DOT_LEADER.search(s):
        return None
    m = _PROG.match(s)
    if not m:
        return None
    number = m.group("p") or m.group("q")
    name = m.group("name").strip(" :-–")
    return ProgrammeHeading(number=number, name=name, code=f"P{number}")


_DOC = re.compile(
    r"\b(?P<kind>programmabegroting|begroting|jaarstukken|jaarverslag|jaarrekening|"
    r"voorjaarsnota|kadernota|bestuursrapportage)\s+(?P<year>20\d\d)"
    r"(?:\s*[-–]\s*(?P<end>20\d\d))?\b", re.I)

_KIND = {
    "programmabegroting": DocumentKind.BEGROTING,
    "begroting": DocumentKind.BEGROTING,
    "jaarstukken": DocumentKind.JAARSTUKKEN,
    "jaarverslag": DocumentKind.JAARVERSLAG,
    "jaarrekening": DocumentKind.JAARSTUKKEN,
    "voorjaarsnota": DocumentKind.VOORJAARSNOTA,
    "kadernota": DocumentKind.VOORJAARSNOTA,
    "bestuursrapportage": DocumentKind.BESTUURSRAPPORTAGE,
}


def match_document(text: str) -> tuple[DocumentKind, int, int | None] | None:
    """Kind, year and (multi-year) end year named in a title line, or ``None``.

    >>> match_document("BEGROTING 2021-2024")
    (<DocumentKind.BEGROTING: 'begroting'>, 2021, 2024)
    """
    m = _DOC.search(" ".join(text.split()))
    if not m:
        return None
    end = int(m.group("end")) if m.group("end") else None
    return _KIND[m.group("kind").lower()], int(m.group("year")), end

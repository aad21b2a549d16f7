"""Recognise headings (koppen) in P&C text: programmes, W-sections, document titles.

Shared by the text-dump importer and the PDF structure recogniser, so every function takes
one line (or a file name) and returns a typed result or ``None``; none of them raises.

- :func:`parse_programme_heading`: "Deelprogramma 2.2.Veiligheid", "Programma 1 Openbare orde
  en veiligheid", "P1 Veiligheid en handhaving".
- :func:`find_w_sections` / :func:`parse_w_heading`: the BBV "three W-questions" headings and
  their relatives (which question, which tense), several may share one line.
- :func:`parse_document_title` / :func:`document_hint_from_name`: document kind and year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import Literal

from rekenschap.model import DocumentKind

__all__ = [
    "DocumentHint",
    "ProgrammeHeading",
    "Question",
    "Tense",
    "WSection",
    "document_hint_from_name",
    "find_w_sections",
    "parse_document_title",
    "parse_programme_heading",
    "parse_w_heading",
    "w_heading",
]


class Question(StrEnum):
    """Which part of a programme a section heading introduces."""

    GOALS = "goals"                # Wat willen/wilden we bereiken? (doelen)
    ACTIVITIES = "activities"      # Wat gaan we daarvoor doen? / Wat hebben we gedaan?
    FINANCE = "finance"            # Wat mag het kosten? / Wat heeft het gekost?
    INDICATORS = "indicators"      # (Beleids)indicatoren
    EXPLANATION = "explanation"    # Toelichting op (de) verschillen / afwijkingen, Analyse van
    DEVELOPMENTS = "developments"  # Belangrijkste ontwikkelingen


class Tense(StrEnum):
    """Plan (begroting: willen, gaan doen, mag kosten) or past (jaarverslag: wilden, gedaan)."""

    PLAN = "plan"
    PAST = "past"


@dataclass(frozen=True)
class WSection:
    """One W-section heading found in a line; ``start``/``end`` are character offsets."""

    question: Question
    tense: Tense | None
    text: str
    start: int
    end: int


_S = r"\s*"  # extraction sometimes drops spaces ("Wat wilden webereiken")
_WE = rf"we{_S}"
_DAARVOOR = r"(?:daar|er)\s*voor\s*"

# (pattern, question, tense); order matters only for readability, matches may not overlap.
_W_PATTERNS: tuple[tuple[str, Question, Tense | None], ...] = (
    (rf"wat\s+willen{_S}{_WE}(?:hier{_S}mee{_S})?bereiken", Question.GOALS, Tense.PLAN),
    (rf"wat\s+wilden{_S}{_WE}(?:hier{_S}mee{_S})?bereiken", Question.GOALS, Tense.PAST),
    (rf"wat\s+hebben{_S}{_WE}bereikt", Question.GOALS, Tense.PAST),
    (r"beoogde?\s+maatschappelijke?\s+effect(?:en)?", Question.GOALS, None),
    (r"doelstelling(?:en)?", Question.GOALS, None),
    (rf"wat\s+gaan{_S}{_WE}(?:{_DAARVOOR})?doen", Question.ACTIVITIES, Tense.PLAN),
    (rf"wat\s+doen{_S}{_WE}(?:{_DAARVOOR})?(?:doen)?", Question.ACTIVITIES, Tense.PLAN),
    (rf"wat\s+hebben{_S}{_WE}(?:{_DAARVOOR})?gedaan", Question.ACTIVITIES, Tense.PAST),
    (rf"wat\s+wilden{_S}{_WE}(?:{_DAARVOOR})?doen", Question.ACTIVITIES, Tense.PAST),
    (r"belangrijkste\s+resultaten(?:\s+(?:voor\s+|in\s+)?(?:19|20)\d\d)?", Question.ACTIVITIES,
     None),
    (r"wat\s+mag\s+het\s+kosten", Question.FINANCE, Tense.PLAN),
    (r"wat\s+gaat\s+het\s+kosten", Question.FINANCE, Tense.PLAN),
    (r"wat\s+kost\s+het", Question.FINANCE, Tense.PLAN),
    (r"wat\s+heeft\s+het\s+gekost", Question.FINANCE, Tense.PAST),
    (r"(?:verplichte\s+)?(?:beleids)?indicatoren", Question.INDICATORS, None),
    (r"(?:toelichting|analyse)\s+(?:op\s+|van\s+)?(?:de\s+)?(?:verschillen|afwijkingen)"
     r"(?:\s+tussen\s[^?]*|\s*(?:>=|\u2265|>)\s*\u20ac?\s*[\d.]+)?", Question.EXPLANATION, None),
    (r"belangrijkste\s+ontwikkelingen", Question.DEVELOPMENTS, None),
)
_W_RE = re.compile(
    "|".join(f"(?P<w{i}>\\b{p}\\b\\s*\\??)" for i, (p, _, _) in enumerate(_W_PATTERNS)),
    re.IGNORECASE,
)
_W_CHEAP = re.compile(r"wat|doel|beoogd|belangrijkste|indicator|toelichting|analyse",
                      re.IGNORECASE)
# What may surround W-headings on a heading line: numbering, separators, a year.
_HEADING_FILLER = re.compile(r"^[\s\d.:/|\-\u2013\u2014?\"'\u201c\u201d\u2018\u2019()]*$")


def find_w_sections(line: str) -> list[WSection]:
    """Every W-section heading in ``line``, in order ("Wat wilden we bereiken? Wat hebben we
    daarvoor gedaan?" gives two). Does not check that the line is *only* headings."""
    found: list[WSection] = []
    if not _W_CHEAP.search(line):
        return found
    for m in _W_RE.finditer(line):
        index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        _, question, tense = _W_PATTERNS[index]
        found.append(WSection(question, tense, m.group(0).strip(), m.start(), m.end()))
    return found


def parse_w_heading(line: str) -> list[WSection]:
    """The W-sections of a line that consists of nothing but W-headings (else ``[]``).

    Numbering, separators and a trailing year may surround them ("3.2 Wat mag het kosten?");
    a sentence that merely mentions "indicatoren" is not a heading.
    """
    if len(line) > 160:
        return []
    sections = find_w_sections(line)
    if not sections:
        return []
    rest, pos = [], 0
    for s in sections:
        rest.append(line[pos:s.start])
        pos = s.end
    rest.append(line[pos:])
    return sections if _HEADING_FILLER.match("".join(rest)) else []


@dataclass(frozen=True)
class ProgrammeHeading:
    """A programme heading: ``code`` without the "P"/"Programma" prefix, ``name`` as printed."""

    level: Literal["programma", "deelprogramma"]
    code: str | None
    name: str


_PROGRAMME_RE = re.compile(
    r"^\s*(?P<kind>deelprogramma|programma|p)"
    r"(?:\s*(?P<code>\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?)\.?(?![\d]))"
    r"\s*[:.\-\u2013\u2014]?\s*(?P<name>\S.*?)\s*$",
    re.IGNORECASE,
)
_TABLE_WORDS = re.compile(r"\b(?:begroting|realisatie|rekening|verschil|raming|primitieve|"
                          r"actuele|wijziging)\b", re.IGNORECASE)
_NAME_OK = re.compile(r"^[^\W\d_][\w\s,&'\u2019()/\-\u2013]*$")


def parse_programme_heading(line: str) -> ProgrammeHeading | None:
    """Read a programme/deelprogramma heading, or ``None`` when ``line`` is not one.

    >>> parse_programme_heading("Deelprogramma 2.2.Veiligheid")
    ProgrammeHeading(level='deelprogramma', code='2.2', name='Veiligheid')
    >>> parse_programme_heading("P1 Veiligheid en handhaving").code
    '1'
    """
    m = _PROGRAMME_RE.match(line)
    if not m:
        return None
    if not m.group("kind")[0].isupper():
        return None  # "programma 3 subsidies" inside running text, not a heading
    kind = m.group("kind").lower()
    code, name = m.group("code"), m.group("name").rstrip(" .")
    if kind == "p" and line.lstrip()[1:2].isspace():
        return None  # "P 1" is not how the short form is printed; avoid "P Jansen"
    words = name.split()
    if not words or len(words) > 12 or not _NAME_OK.match(name):
        return None
    if kind == "p" and not words[0][:1].isupper():
        return None
    if re.search(r"\s\d+$", name) and len(words) > 1:
        return None  # a table-of-contents line ending in a page number
    if any(re.fullmatch(r"[-+\u2212]?\d[\d.,]*|[-\u2013\u2014]", w) for w in words[1:]):
        return None  # a table row that starts with a programme name ("P3 Bestuur 610 - 610 -")
    if len(_TABLE_WORDS.findall(name)) >= 2:
        return None  # a finance header ("P1 Veiligheid Begroting Begroting Realisatie Verschil")
    if re.search(r"\b(?:is|zijn|wordt|werd|heeft|hebben)\b", name):
        return None  # a sentence about a programme, not its heading
    level: Literal["programma", "deelprogramma"] = (
        "deelprogramma" if kind == "deelprogramma" or (code and code.count(".") >= 1
                                                        and kind != "programma")
        else "programma")
    return ProgrammeHeading(level, code, name)


@dataclass(frozen=True)
class DocumentHint:
    """What a title line or file name says about the document; every field may be unknown."""

    kind: DocumentKind | None = None
    year: int | None = None
    period_end: int | None = None
    organisation: str | None = None


_KIND_WORDS: tuple[tuple[str, DocumentKind], ...] = (
    (r"jaarstukken|jaarrekening", DocumentKind.JAARSTUKKEN),
    (r"jaarverslag", DocumentKind.JAARVERSLAG),
    (r"(?:programma)?begroting|meerjarenbegroting", DocumentKind.BEGROTING),
    (r"voorjaarsnota|kadernota|voorjaarsbrief", DocumentKind.VOORJAARSNOTA),
    (r"(?:\d{1,2}e\s+|eerste\s+|tweede\s+)?(?:bestuurs|tussen)rapportage|burap|najaarsnota",
     DocumentKind.BESTUURSRAPPORTAGE),
)
_YEAR = r"(?:19|20)\d\d"
_TITLE_RE = re.compile(
    r"(?P<kind>" + "|".join(f"(?:{w})" for w, _ in _KIND_WORDS) + r")"
    rf"[\s_\-]*(?P<year>{_YEAR})(?:\s*[-\u2013/]\s*(?P<end>{_YEAR}))?(?!\d)",
    re.IGNORECASE,
)


def _kind_of(word: str) -> DocumentKind | None:
    for pattern, kind in _KIND_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return kind
    return None


def parse_document_title(line: str) -> DocumentHint | None:
    """Kind and year from a title line ("Jaarstukken 2024", "Programmabegroting 2021-2024")."""
    m = _TITLE_RE.search(line)
    if not m:
        return None
    end = int(m.group("end")) if m.group("end") else None
    year = int(m.group("year"))
    if end is not None and end <= year:
        end = None
    return DocumentHint(kind=_kind_of(m.group("kind")), year=year, period_end=end)


def document_hint_from_name(name: str) -> DocumentHint:
    """Kind, year and organisation from a file name.

    "groningen-2024-veiligheid.txt" gives organisation "Groningen" and year 2024 (no kind);
    "jaarstukken-2023.pdf" gives kind jaarstukken and year 2023 (no organisation). The
    organisation is the leading name part before the year when it is not a document word.
    """
    stem = PurePath(name).name
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", stem)
    spaced = re.sub(r"[_\-.]+", " ", stem)
    titled = parse_document_title(re.sub(r"[_.]+", " ", stem))
    years = [int(y) for y in re.findall(rf"(?<!\d)({_YEAR})(?!\d)", spaced)]
    kind = titled.kind if titled else None
    year = titled.year if titled else (years[0] if years else None)
    period_end = titled.period_end if titled else None
    organisation = None
    m = re.match(rf"^\s*(?P<org>[^\W\d_][^\d]*?)\s+{_YEAR}\b", spaced)
    if m:
        words = [w for w in m.group("org").split() if _kind_of(w) is None
                 and w.lower() not in {"gemeente", "concept", "definitief"}]
        if words and len(words) <= 3:
            organisation = " ".join(w[:1].upper() + w[1:] for w in words)
    return DocumentHint(kind=kind, year=year, period_end=period_end, organisation=organisation)


def w_heading(line: str) -> WSection | None:
    """The single W-section a heading line introduces, or ``None`` (convenience for one line).

    When a line holds several headings ("Doelstelling: Wat wilden we bereiken?") the first one
    that states a tense wins; use :func:`parse_w_heading` to get all of them (two-column
    headers such as "Wat wilden we bereiken? Wat hebben we daarvoor gedaan?").
    """
    sections = parse_w_heading(line)
    if not sections:
        return None
    return next((s for s in sections if s.tense is not None), sections[0])

"""Split the reading flow into programme chapters (programmahoofdstukken).

A programme chapter starts with a programme heading ("P1 Veiligheid en handhaving") among the
first lines of a page, printed larger than body text; the table of contents (dot leaders,
page numbers) never counts. A deelprogramma heading ("Deelprogramma 1.1 Brandweer") under a
programme with the matching number starts a chapter of its own (``heading.level``); the
programme's chapter then ends there. A chapter ends at the next programme heading or at the next
chapter-level heading at the top of a page: one in the heading's font size or larger, or a
known chapter title printed above body size ("Beleidsindicatoren", "Paragrafen",
"Recapitulatie", ...). An indicator heading ("Beleidsindicatoren") smaller than the programme
heading stays inside the programme when it is no larger than the programme's own W-question
headings, or when the programme's sections go on after its indicator table: a W-question ("Wat
heeft het gekost?", "Wat hebben we daarvoor gedaan?") on the same or the next page. A chapter of
indicators for all programmes has no such question after it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rekenschap.importers.headings import find_w_sections
from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.sections import (
    ProgrammeHeading,
    Question,
    match_programme_heading,
    match_w_section,
)

__all__ = ["Chapter", "body_size", "split_chapters"]

_CHAPTER_WORDS = re.compile(
    r"^(beleidsindicatoren|recapitulatie|paragra(af|fen)|financi[eë]le begroting|bijlagen|"
    r"jaarrekening|overzicht van baten en lasten|overzicht baten en lasten|"
    r"meerjarenbeeld|uitgangspunten|balans|programma's)\b", re.I)

_TOP_LINES = 4


@dataclass(frozen=True)
class Chapter:
    """One programme chapter: its heading and its lines (heading line first)."""

    heading: ProgrammeHeading
    lines: tuple[FlowLine, ...]


def body_size(flow: Sequence[FlowLine]) -> float:
    """The most common font size (body text), 0 when unknown."""
    sizes = Counter(round(fl.size * 2) / 2 for fl in flow if fl.size)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _page_tops(flow: Sequence[FlowLine]) -> dict[int, list[int]]:
    """Per page, the flow indexes of its first few lines."""
    tops: dict[int, list[int]] = {}
    for i, fl in enumerate(flow):
        lst = tops.setdefault(fl.page, [])
        if len(lst) < _TOP_LINES:
            lst.append(i)
    return tops


def _w_section_sized(first: FlowLine, before: Sequence[FlowLine]) -> bool:
    """An indicator heading no larger than the chapter's W-question headings above it."""
    if match_w_section(first.text) is not Question.INDICATORS:
        return False
    sizes = [fl.size for fl in before if match_w_section(fl.text) not in (None,
                                                                         Question.INDICATORS)]
    return bool(sizes) and first.size <= max(sizes) + 0.1


def _sections_follow(first: int, flow: Sequence[FlowLine], limit: int) -> bool:
    """A W-question after the indicator heading at ``first``, on its page or the next."""
    last_page = flow[first].page + 1
    for fl in flow[first + 1:limit]:
        if fl.page > last_page:
            break
        if any(w.question is not Question.INDICATORS for w in find_w_sections(fl.text)):
            return True
    return False


def _inside(first: int, flow: Sequence[FlowLine], start: int, limit: int) -> bool:
    """The indicator heading at ``first`` is one of the programme's own sections."""
    if match_w_section(flow[first].text) is not Question.INDICATORS:
        return False
    return (_w_section_sized(flow[first], flow[start:first])
            or _sections_follow(first, flow, limit))


def _with_parents(starts: list[tuple[int, ProgrammeHeading, float]],
                  ) -> list[tuple[int, ProgrammeHeading, float]]:
    """Deelprogramma starts only directly under their programme ("1.2" after "Programma 1"),
    unless the document has no programme headings at all."""
    if all(s[1].level == "deelprogramma" for s in starts):
        return starts
    out: list[tuple[int, ProgrammeHeading, float]] = []
    parent: str | None = None
    for start in starts:
        heading = start[1]
        if heading.level == "programma":
            parent = heading.number
        elif parent is None or not heading.number.startswith(parent + "."):
            continue
        out.append(start)
    return out


def split_chapters(flow: Sequence[FlowLine]) -> list[Chapter]:
    """The programme chapters of a document, in order (empty when none are recognised)."""
    body = body_size(flow)
    tops = _page_tops(flow)
    starts: list[tuple[int, ProgrammeHeading, float]] = []
    for page in sorted(tops):
        for i in tops[page]:
            fl = flow[i]
            heading = match_programme_heading(fl.text, parts=True)
            if heading and fl.size >= body + 0.9:
                starts.append((i, heading, fl.size))
                break
    if not starts:
        return []
    # Keep the dominant heading size: mentions in smaller print are not chapter headings.
    # A document (or extract) of deelprogramma's only: they are its chapters.
    top = [s for s in starts if s[1].level == "programma"] or starts
    size = Counter(round(s) for _, _, s in top).most_common(1)[0][0]
    starts = [s for s in starts if round(s[2]) == size or (
        s[1].level == "deelprogramma" and round(s[2]) <= size)]
    starts = _with_parents(starts)
    start_pages = {flow[i].page for i, _, _ in starts}

    chapters: list[Chapter] = []
    for n, (i, heading, hsize) in enumerate(starts):
        limit = starts[n + 1][0] if n + 1 < len(starts) else len(flow)
        end = limit
        for page in sorted(p for p in tops if flow[i].page < p and p not in start_pages):
            first = flow[tops[page][0]]
            if tops[page][0] >= limit:
                break
            big = first.size >= hsize - 0.1 and match_programme_heading(
                first.text, parts=True) is None
            titled = first.size > body + 0.5 and _CHAPTER_WORDS.match(first.text.strip())
            if titled and _inside(tops[page][0], flow, i, limit):
                titled = None  # "Beleidsindicatoren" as one of the programme's own sections
            if big or titled:
                end = tops[page][0]
                break
        chapters.append(Chapter(heading=heading, lines=tuple(flow[i:end])))
    return chapters

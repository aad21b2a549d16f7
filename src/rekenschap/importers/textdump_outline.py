"""The outline of a text dump: title, programme headings and the W-sections under each.

:func:`outline` walks the numbered lines once and sorts them into programmes and, within a
programme, zones that start at a W-heading ("Wat wilden we bereiken? Wat hebben we daarvoor
gedaan?"). Page furniture is left out, and the blank lines around it only count as a
paragraph break when the text does not visibly continue (:func:`continues`). It reads no
content; :mod:`rekenschap.importers.textdump_programme` does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.headings import (
    DocumentHint,
    ProgrammeHeading,
    Question,
    Tense,
    parse_document_title,
    parse_programme_heading,
    parse_w_heading,
)
from rekenschap.importers.textdump_lines import TextLine, find_furniture, is_bullet

__all__ = ["Outline", "ProgrammeDraft", "Zone", "continues", "outline"]


@dataclass
class Zone:
    """Lines under one W-heading (``question`` is ``None`` before the first heading)."""

    question: Question | None
    heading: TextLine | None
    lines: list[TextLine] = field(default_factory=list)


@dataclass
class ProgrammeDraft:
    heading: ProgrammeHeading
    line: TextLine
    zones: list[Zone] = field(default_factory=list)

    @property
    def last_line(self) -> TextLine:
        content = [ln for z in self.zones for ln in z.lines if not ln.blank]
        content += [z.heading for z in self.zones if z.heading is not None]
        return max(content, key=lambda ln: ln.number, default=self.line)


@dataclass
class Outline:
    title: DocumentHint | None = None
    title_line: TextLine | None = None
    tenses: list[Tense] = field(default_factory=list)
    preamble: list[TextLine] = field(default_factory=list)
    programmes: list[ProgrammeDraft] = field(default_factory=list)
    furniture: list[TextLine] = field(default_factory=list)


def _zone_question(sections: Sequence[Question]) -> Question:
    # "Wat wilden we bereiken? Wat hebben we daarvoor gedaan?" is one two-column block of goals.
    if Question.GOALS in sections:
        return Question.GOALS
    return sections[0]


_OPEN_END = re.compile(
    r"(?:[,\-\u2013/(]|\b(?:en|of|van|de|het|een|op|in|voor|met|door|aan|te|tot|om|bij|naar|"
    r"over|uit|als|dat|die|zijn|is|wordt|worden|met betrekking tot))$", re.IGNORECASE)


def continues(previous: str, following: str) -> bool:
    """True when ``following`` visibly continues ``previous`` across a page break: the
    previous line ends open (comma, hyphen, "en", "van" ...) or the next starts in lower case.
    Then the blank lines around the removed page furniture are not a paragraph break."""
    if not previous or not following or is_bullet(following):
        return False
    first = following.lstrip("(\"'")[:1]
    return bool(_OPEN_END.search(previous.rstrip())) or (first.isalpha() and first.islower())


def _title_shaped(text: str) -> bool:
    """A short line without sentence punctuation ("Gemeente Groningen Jaarstukken 2024"), not a
    sentence that mentions a document ("In de begroting 2024 is ...")."""
    return len(text) <= 80 and len(text.split()) <= 8 and not re.search(r"[.,;:]\s|[.;:]$", text)


def outline(lines: Sequence[TextLine]) -> Outline:
    """Sort ``lines`` into title, preamble, furniture and programmes with their zones."""
    result = Outline()
    furniture = find_furniture(lines)
    bridging = False  # between removed page furniture and the next content line
    gap: TextLine | None = None  # a blank line seen around that furniture

    def target() -> list[TextLine]:
        return result.programmes[-1].zones[-1].lines if result.programmes else result.preamble

    def drop_furniture(line: TextLine) -> None:
        nonlocal bridging, gap
        result.furniture.append(line)
        bridging = True
        lines_now = target()
        while lines_now and lines_now[-1].blank:
            gap = lines_now.pop()

    for i, line in enumerate(lines):
        if i in furniture:
            drop_furniture(line)
            continue
        current = result.programmes[-1] if result.programmes else None
        text = line.text
        if bridging:
            if line.blank:
                gap = gap or line
                continue
            previous = next((ln.text for ln in reversed(target()) if not ln.blank), "")
            if gap is not None and not continues(previous, text):
                target().append(gap)  # a real paragraph break at the page break
            bridging, gap = False, None
        if not line.blank and not is_bullet(text):
            # three or more pieces apart in a layout dump: a table header row, not a heading
            # ("Programma 4      investering      krediet      Meerjarenbeeld")
            heading = parse_programme_heading(text) if len(line.cells) < 3 else None
            if heading is not None and current is not None and heading == current.heading:
                drop_furniture(line)  # the programme's name repeated as a page header
                continue
            if heading is not None:
                result.programmes.append(ProgrammeDraft(heading, line, [Zone(None, None)]))
                continue
            sections = parse_w_heading(text)
            if sections:
                result.tenses.extend(s.tense for s in sections if s.tense is not None)
                if current is None:
                    result.preamble.append(line)
                else:
                    question = _zone_question([s.question for s in sections])
                    current.zones.append(Zone(question, line))
                continue
            if current is None and result.title is None and _title_shaped(text):
                title = parse_document_title(text)
                if title is not None:
                    result.title, result.title_line = title, line
                    continue
        if current is None:
            result.preamble.append(line)
        else:
            current.zones[-1].lines.append(line)
    return result

"""The outline of a text dump: title, programme headings and the W-sections under each.

:func:`outline` walks the numbered lines once and sorts them into programmes and, within a
programme, zones that start at a W-heading ("Wat wilden we bereiken? Wat hebben we daarvoor
gedaan?"). It reads no content; :mod:`rekenschap.importers.textdump_programme` does.
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

__all__ = ["Outline", "ProgrammeDraft", "Zone", "outline"]


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


def _title_shaped(text: str) -> bool:
    """A short line without sentence punctuation ("Gemeente Groningen Jaarstukken 2024"), not a
    sentence that mentions a document ("In de begroting 2024 is ...")."""
    return len(text) <= 80 and len(text.split()) <= 8 and not re.search(r"[.,;:]\s|[.;:]$", text)


def outline(lines: Sequence[TextLine]) -> Outline:
    """Sort ``lines`` into title, preamble, furniture and programmes with their zones."""
    result = Outline()
    furniture = find_furniture(lines)
    for i, line in enumerate(lines):
        if i in furniture:
            result.furniture.append(line)
            continue
        current = result.programmes[-1] if result.programmes else None
        text = line.text
        if not line.blank and not is_bullet(text):
            heading = parse_programme_heading(text)
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

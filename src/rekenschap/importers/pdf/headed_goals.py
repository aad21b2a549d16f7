"""Goals printed as headings with bulleted activities (doelen als kopjes met opsommingen).

The other common layout besides the numbered goal list of :mod:`.goals`: under "Wat willen we
bereiken?" each goal is a small heading (printed larger than body text, optionally with its
code: "1.1 Veilig en schoon"), then an optional description paragraph, then a bulleted list of
what is done for it. A bullet may open with its status in words ("[Gerealiseerd] ...",
"Vertraagd: ..."); Groningen's jaarstukken print goals and results this way. Nothing is
guessed: body text before the first goal heading (such as "Geen doelen vermeld.") is no goal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.sections import match_w_section
from rekenschap.importers.quantities import find_quantities
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import Activity, ActivityStatus, Goal

__all__ = ["find_headed_goals"]

_BULLET = re.compile(r"^[•\u2022\u25aa\u25cf\u2013\-*]\s*(?=\S)")
_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?=\D|\d+(?:e|de|ste)\b)")
"""A code, then text that is no number: a word, or an ordinal ("2.1 1e proeve ...")."""
_STATUS = [
    (re.compile(r"niet\s+gerealiseerd|niet\s+voltooid|niet\s+begonnen", re.I),
     ActivityStatus.NOT_REALISED),
    (re.compile(r"gerealiseerd|voltooid|afgerond", re.I), ActivityStatus.REALISED),
    (re.compile(r"loopt|op\s+koers|in\s+uitvoering", re.I), ActivityStatus.IN_PROGRESS),
    (re.compile(r"vertraagd|aandacht\s+vereist|achter\s+op\s+schema", re.I),
     ActivityStatus.DELAYED),
]
_STATUS_PREFIX = re.compile(r"^\[([^\]]{3,30})\]\s*|^([A-Za-z][a-z ]{2,25}):\s+")
_HEADING_STEP = 0.25  # points above body size that make a line a heading


def _text(fl: FlowLine) -> str:
    """The line with its segments spaced apart (a bullet is a segment of its own)."""
    return " ".join(" ".join(seg.text for seg in fl.segments).split()) or fl.text.strip()


def _status(word: str) -> ActivityStatus | None:
    for pattern, status in _STATUS:
        if pattern.fullmatch(word.strip()):
            return status
    return None


def _activity(parts: list[str], lines: list[FlowLine], file: str) -> Activity:
    text = join_lines(parts)
    status: ActivityStatus | None = None
    m = _STATUS_PREFIX.match(text)
    if m and (found := _status(m.group(1) or m.group(2))) is not None:
        status, text = found, text[m.end():]
    code = None
    c = _CODE.match(text)
    if c and "." in c.group(1):
        code, text = c.group(1), text[c.end():]
    return Activity(text=text, code=code, status=status, quantities=find_quantities(text),
                    provenance=provenance_of(file, lines))


@dataclass
class _Goal:
    heading: list[FlowLine]
    description: list[FlowLine] = field(default_factory=list)
    bullets: list[list[FlowLine]] = field(default_factory=list)


def _group(lines: Sequence[FlowLine], body: float) -> list[_Goal]:
    goals: list[_Goal] = []
    prev: FlowLine | None = None
    bullet_x: float | None = None
    for fl in lines:
        text = _text(fl)
        if not text or match_w_section(text) is not None:
            prev = None
            continue
        current = goals[-1] if goals else None
        if fl.size > body + _HEADING_STEP and not _BULLET.match(text):
            if current and prev is not None and prev is current.heading[-1] and (
                    not current.description and not current.bullets) and _close(prev, fl):
                current.heading.append(fl)  # a wrapped heading
            else:
                goals.append(_Goal([fl]))
            bullet_x = None
        elif current is None:
            pass  # text before the first goal heading is no goal
        elif _BULLET.match(text):
            current.bullets.append([fl])
            bullet_x = fl.line.x0
        elif bullet_x is not None and fl.line.x0 > bullet_x + 3 and current.bullets:
            current.bullets[-1].append(fl)  # a wrapped bullet
        elif not current.bullets:
            current.description.append(fl)
        prev = fl
    return goals


def _close(prev: FlowLine, fl: FlowLine) -> bool:
    height = max(prev.line.bottom - prev.line.top, 6.0)
    return fl.page == prev.page and 0 <= fl.line.top - prev.line.bottom < 0.9 * height


def find_headed_goals(lines: Sequence[FlowLine], *, body: float, file: str) -> list[Goal]:
    """Goals with their description and activities; empty when the lines hold no goal
    headings."""
    out: list[Goal] = []
    for g in _group(lines, body):
        title = join_lines([_text(fl) for fl in g.heading])
        code = None
        c = _CODE.match(title)
        if c:
            code, title = c.group(1), title[c.end():]
        description = join_lines([_text(fl) for fl in g.description]) or None
        activities = tuple(
            _activity([_BULLET.sub("", _text(b[0]), count=1), *(_text(fl) for fl in b[1:])],
                      b, file) for b in g.bullets)
        out.append(Goal(title=title, code=code, description=description, activities=activities,
                        provenance=provenance_of(file, g.heading)))
    return out

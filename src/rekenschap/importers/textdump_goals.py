"""Goals and their activities from a two-column block whose columns were interleaved.

In the dump the left column (doelen) and the right column (activiteiten, as bullets) are
mixed. The cues that survive extraction:

- a bullet ("• ...") starts an activity; "Goal text • bullet" on one line is a goal line with
  the first activity of that goal;
- a line right after a bullet line (no blank line between) continues that bullet, whatever its
  case ("Interventie Team (RIT)");
- after a blank line, a line starting in lower case still continues the bullet (a blank line
  inside a bullet); one starting in upper case starts a new goal;
- a non-bullet line right after a goal line continues the goal title.

Numbered layouts (Wassenaar: goals "1. Stellen van veiligheidsprioriteiten.", results
"1.1 Uitgevoerd Uitvoeringsplan ...", or "1.2.01" = programme 1, goal 2, result 01) are read
too: a "N." line starts goal N, an "N.M" line is a result for goal N (paired by the caller, also
across W-sections, see :func:`goal_code_of`), and when the document repeats
"N.M ..." later as a sub-heading, the text under it is kept as a section with that heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.quantities import find_quantities
from rekenschap.importers.textdump_lines import (
    TextLine,
    bullet_text,
    is_bullet,
    join_lines,
    split_mid_bullet,
)
from rekenschap.model import Activity, Goal, Provenance, Section

__all__ = ["GoalBlock", "goal_code_of", "parse_goal_block"]


@dataclass
class _Item:
    """A goal title or an activity being collected (mutable while parsing only)."""

    parts: list[str] = field(default_factory=list)
    first: TextLine | None = None
    last: TextLine | None = None

    def add(self, text: str, line: TextLine) -> None:
        self.parts.append(text)
        self.first = self.first or line
        self.last = line

    def provenance(self, file: str) -> Provenance | None:
        if self.first is None or self.last is None:
            return None
        return Provenance(file=file, page=self.first.page, line=self.first.number,
                          line_end=self.last.number)


@dataclass
class _GoalDraft:
    code: str | None = None
    title: _Item = field(default_factory=_Item)
    activities: list[_Item] = field(default_factory=list)


def _starts_lower(text: str) -> bool:
    first = text.lstrip("(\"'\u201c")[:1]
    return first.isalpha() and first.islower()


@dataclass
class GoalBlock:
    """What one block yields: goals (``code`` set when numbered "1."), bullets before any goal,
    coded results ("1.1 ...", to be paired with goal "1" by the caller) and the text that
    describes a coded result where the document repeats its code as a sub-heading."""

    goals: list[Goal] = field(default_factory=list)
    loose: list[Activity] = field(default_factory=list)
    coded: list[Activity] = field(default_factory=list)
    details: list[Section] = field(default_factory=list)


_NUMBERED_GOAL = re.compile(r"^(?P<code>\d{1,2})[.)]\s+(?P<text>[^\W\d_].*)$")
_CODED_RESULT = re.compile(
    r"^(?P<code>\d{1,2}\.\d{1,2}(?:\.\d{1,3})?)\.?\s+(?P<text>[^\W\d_].*)$")


def parse_goal_block(lines: Sequence[TextLine], *, file: str) -> GoalBlock:
    """Goals with activities from a block of lines: interleaved two-column dumps (bullets) and
    numbered lists (goals "1. ...", results "1.1 ..."); see the module docstring for the cues."""
    goals: list[_GoalDraft] = []
    orphans: list[_Item] = []
    coded: list[tuple[str, _Item]] = []
    details: list[tuple[str, _Item]] = []
    seen_codes: set[str] = set()
    state: str | None = None  # "goal" | "bullet" | "coded" | "detail" | None
    blank_before = True

    def new_activity(text: str, line: TextLine) -> None:
        item = _Item()
        item.add(text, line)
        (goals[-1].activities if goals else orphans).append(item)

    def current_activity() -> _Item:
        if goals and goals[-1].activities:
            return goals[-1].activities[-1]
        return orphans[-1]

    def new_goal(text: str, line: TextLine, code: str | None = None) -> None:
        goals.append(_GoalDraft(code=code))
        goals[-1].title.add(text, line)

    for line in lines:
        if line.blank:
            blank_before = True
            continue
        text = line.text
        numbered, result = _NUMBERED_GOAL.match(text), _CODED_RESULT.match(text)
        if result is not None:
            code = result.group("code")
            item = _Item()
            if code in seen_codes:  # the code repeated as the sub-heading of its description
                details.append((text, item))
                state = "detail"
            else:
                seen_codes.add(code)
                item.add(result.group("text"), line)
                coded.append((code, item))
                state = "coded"
        elif state == "detail":
            details[-1][1].add(text, line)
        elif numbered is not None and not is_bullet(text):
            new_goal(numbered.group("text"), line, numbered.group("code"))
            state = "goal"
        elif state == "coded" and not blank_before:
            coded[-1][1].add(text, line)
        elif is_bullet(text):
            new_activity(bullet_text(text), line)
            state = "bullet"
        elif (mid := split_mid_bullet(text)) is not None:
            left, right = mid
            if state == "goal" and not blank_before and goals:
                goals[-1].title.add(left, line)
            else:
                new_goal(left, line)
            new_activity(right, line)
            state = "bullet"
        elif state == "bullet" and (not blank_before or _starts_lower(text)):
            current_activity().add(text, line)
        elif state == "goal" and not blank_before and goals:
            goals[-1].title.add(text, line)
        else:
            new_goal(text, line)
            state = "goal"
        blank_before = False

    block = GoalBlock()
    for draft in goals:
        activities = tuple(_activity(a, file) for a in draft.activities)
        block.goals.append(Goal(title=join_lines(draft.title.parts), code=draft.code,
                                activities=activities, provenance=draft.title.provenance(file)))
    block.loose = [_activity(item, file) for item in orphans]
    block.coded = [_activity(item, file, code) for code, item in coded]
    for heading, item in details:
        block.details.append(Section(heading=heading, text=_paragraphs(item.parts),
                                     provenance=item.provenance(file)))
    return block


def _paragraphs(parts: Sequence[str]) -> str:
    """Wrapped lines joined, with each bullet on a line of its own."""
    groups: list[list[str]] = []
    for part in parts:
        if is_bullet(part) or not groups:
            groups.append([part])
        else:
            groups[-1].append(part)
    return "\n".join(join_lines(g) for g in groups)


def goal_code_of(result_code: str, programme_code: str | None) -> str:
    """The goal a coded result belongs to: "1.2" -> "1"; "1.2.01" in programme 1 -> "2"."""
    parts = result_code.split(".")
    if len(parts) == 3 and programme_code is not None and parts[0] == programme_code:
        return parts[1]
    return parts[0]


def _activity(item: _Item, file: str, code: str | None = None) -> Activity:
    text = join_lines(item.parts)
    return Activity(text=text, code=code, quantities=find_quantities(text),
                    provenance=item.provenance(file))

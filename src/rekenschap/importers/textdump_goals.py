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
"""

from __future__ import annotations

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
from rekenschap.model import Activity, Goal, Location, Problem, Provenance, Severity

__all__ = ["parse_goal_block"]


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
    title: _Item = field(default_factory=_Item)
    activities: list[_Item] = field(default_factory=list)


def _starts_lower(text: str) -> bool:
    first = text.lstrip("(\"'\u201c")[:1]
    return first.isalpha() and first.islower()


def parse_goal_block(
    lines: Sequence[TextLine], *, file: str,
) -> tuple[list[Goal], list[Activity], list[Problem]]:
    """Goals with activities from interleaved two-column lines.

    Returns the goals, the activities that came before any goal (the caller keeps their text
    as a section) and problems.
    """
    goals: list[_GoalDraft] = []
    orphans: list[_Item] = []
    state: str | None = None  # "goal" | "bullet" | None
    blank_before = True

    def new_activity(text: str, line: TextLine) -> None:
        item = _Item()
        item.add(text, line)
        (goals[-1].activities if goals else orphans).append(item)

    def current_activity() -> _Item:
        if goals and goals[-1].activities:
            return goals[-1].activities[-1]
        return orphans[-1]

    for line in lines:
        if line.blank:
            blank_before = True
            continue
        text = line.text
        if is_bullet(text):
            new_activity(bullet_text(text), line)
            state = "bullet"
        else:
            mid = split_mid_bullet(text)
            if mid is not None:
                left, right = mid
                if state == "goal" and not blank_before and goals:
                    goals[-1].title.add(left, line)
                else:
                    goals.append(_GoalDraft())
                    goals[-1].title.add(left, line)
                new_activity(right, line)
                state = "bullet"
            elif state == "bullet" and (not blank_before or _starts_lower(text)):
                current_activity().add(text, line)
            elif state == "goal" and not blank_before and goals:
                goals[-1].title.add(text, line)
            else:
                goals.append(_GoalDraft())
                goals[-1].title.add(text, line)
                state = "goal"
        blank_before = False

    problems: list[Problem] = []
    result: list[Goal] = []
    for draft in goals:
        title = join_lines(draft.title.parts)
        activities = tuple(
            Activity(text=(t := join_lines(a.parts)), quantities=find_quantities(t),
                     provenance=a.provenance(file))
            for a in draft.activities)
        where = draft.title.provenance(file)
        if not activities:
            problems.append(Problem(
                code="TXT-GOAL-NO-ACTIVITY", severity=Severity.NOTICE,
                message=f"goal {title!r} has no activities in the text (kept as a goal)",
                location=Location.of(where)))
        result.append(Goal(title=title, activities=activities, provenance=where))
    loose: list[Activity] = []
    for item in orphans:
        text = join_lines(item.parts)
        loose.append(Activity(text=text, provenance=item.provenance(file)))
        problems.append(Problem(
            code="TXT-ACTIVITY-NO-GOAL", severity=Severity.WARNING,
            message=f"activity {text!r} comes before any goal; kept as section text of the "
                    "programme",
            location=Location.of(item.provenance(file))))
    return result, loose, problems

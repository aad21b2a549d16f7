"""One programme of a text dump: goals, finance table, indicators and leftover text.

Takes a :class:`ProgrammeDraft` from the outline and reads its zones:

- goal zones (and the zone right under the programme heading) hold the interleaved
  goals/activities block, possibly followed by the finance table and indicator bullets (the
  seed has no headings for those);
- a finance zone holds the table; an indicator zone holds indicator tables
  (:mod:`textdump_indicator_table`) and indicator sentences;
- an explanation zone ("Toelichting op verschillen ... >= € 50.000") becomes a
  :class:`VarianceExplanation` (:mod:`textdump_explanations`), the text around its items a
  :class:`Section`; development zones become :class:`Section` text.

Text that fits nowhere is kept as a section "Overige tekst" with a ``TXT-UNPLACED`` warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rekenschap.importers.headings import Question
from rekenschap.importers.sentences import parse_indicator_sentence
from rekenschap.importers.textdump_explanations import parse_explanation
from rekenschap.importers.textdump_finance import find_finance_block, parse_finance_block
from rekenschap.importers.textdump_goals import goal_code_of, parse_goal_block
from rekenschap.importers.textdump_indicator_table import (
    TableRow,
    find_indicator_table,
    read_indicator_table,
)
from rekenschap.importers.textdump_lines import TextLine, bullet_text, is_bullet, join_lines
from rekenschap.importers.textdump_outline import ProgrammeDraft
from rekenschap.model import (
    Activity,
    FinanceTable,
    Goal,
    Indicator,
    Location,
    Problem,
    Programme,
    Provenance,
    Section,
    Severity,
    VarianceExplanation,
)

__all__ = ["LEFTOVER_HEADING", "build_programme", "group_items"]

LEFTOVER_HEADING = "Overige tekst"


def group_items(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """Bullets and paragraphs: a bullet starts an item; a line right below continues it; after
    a blank line a lower-case line still continues a bullet, anything else starts an item."""
    items: list[list[TextLine]] = []
    blank_before = True
    in_bullet = False
    for ln in lines:
        if ln.blank:
            blank_before = True
            continue
        first = ln.text.lstrip("(\"'")[:1]
        lower = first.isalpha() and first.islower()
        if is_bullet(ln.text):
            items.append([ln])
            in_bullet = True
        elif items and (not blank_before or (in_bullet and lower)):
            items[-1].append(ln)
        else:
            items.append([ln])
            in_bullet = False
        blank_before = False
    return items


_SENTENCES_HEADING = re.compile(r"^\s*toelichting\b[\w\s]{0,30}indicatoren\s*:?\s*$", re.IGNORECASE)


def _item_text(item: Sequence[TextLine]) -> str:
    return join_lines([bullet_text(ln.text) if k == 0 else ln.text for k, ln in enumerate(item)])


def _where(item: Sequence[TextLine], file: str) -> Provenance:
    return Provenance(file=file, page=item[0].page, line=item[0].number,
                      line_end=item[-1].number)


class _Collector:
    """What one programme accumulates while its zones are read."""

    def __init__(self, file: str, year: int | None, programme_code: str | None) -> None:
        self.file, self.year, self.programme_code = file, year, programme_code
        self.goals: list[Goal] = []
        self.coded: list[Activity] = []
        self.goal_headings: dict[int, str | None] = {}
        self.finance: FinanceTable | None = None
        self.indicators: list[Indicator] = []
        self.explanations: list[VarianceExplanation] = []
        self.elsewhere: list[TableRow] = []
        self.sections: list[Section] = []
        self.leftover: list[str] = []
        self.leftover_first: Provenance | None = None
        self.problems: list[Problem] = []

    def goals_block(self, lines: Sequence[TextLine], heading: str | None = None) -> None:
        block = parse_goal_block(lines, file=self.file)
        for goal in block.goals:
            self.goal_headings[len(self.goals)] = heading
            self.goals.append(goal)
        self.coded.extend(block.coded)
        self.sections.extend(block.details)
        for activity in block.loose:
            self.loose(activity)

    def loose(self, activity: Activity) -> None:
        self.keep(activity.text, activity.provenance, report=False)
        self.problems.append(Problem(
            code="TXT-ACTIVITY-NO-GOAL", severity=Severity.WARNING,
            message=f"activity {activity.text!r} belongs to no goal in the text; kept under "
                    f"{LEFTOVER_HEADING!r}",
            location=Location.of(activity.provenance)))

    def finish_goals(self) -> None:
        """Pair coded results with goals by code ("1.2" -> goal "1"); report goals without
        activities."""
        by_code = {g.code: i for i, g in enumerate(self.goals) if g.code}
        extra: dict[int, list[Activity]] = {}
        for activity in self.coded:
            index = by_code.get(goal_code_of(activity.code or "", self.programme_code))
            if index is None:
                self.loose(activity)
            else:
                extra.setdefault(index, []).append(activity)
        for index, activities in extra.items():
            goal = self.goals[index]
            self.goals[index] = goal.model_copy(
                update={"activities": (*goal.activities, *activities)})
        if any(g.code for g in self.goals):
            # Numbered goals exist: an unnumbered paragraph without activities is narrative
            # ("Visie ..."), not a goal.
            kept: list[Goal] = []
            for i, goal in enumerate(self.goals):
                if goal.code is None and not goal.activities:
                    self.sections.append(Section(
                        heading=self.goal_headings.get(i) or LEFTOVER_HEADING, text=goal.title,
                        provenance=goal.provenance))
                else:
                    kept.append(goal)
            self.goals = kept
        for goal in self.goals:
            if not goal.activities:
                self.problems.append(Problem(
                    code="TXT-GOAL-NO-ACTIVITY", severity=Severity.NOTICE,
                    message=f"goal {goal.title!r} has no activities in the text (kept as a goal)",
                    location=Location.of(goal.provenance)))

    def finance_then_rest(self, lines: Sequence[TextLine], before: str,
                          heading: str | None = None) -> None:
        """Find a finance table in ``lines``; text before it goes to ``before``, after it to
        indicators."""
        block = find_finance_block(lines)
        if block is None:
            self.read(lines, before, heading)
            return
        self.read(lines[:block.start], before, heading)
        table, problems = parse_finance_block(lines, block, file=self.file, doc_year=self.year)
        self.problems.extend(problems)
        if table is not None and self.finance is None:
            self.finance = table
        else:
            if table is not None:
                self.problems.append(Problem(
                    code="TXT-FINANCE-EXTRA", severity=Severity.WARNING,
                    message="a second finance table in one programme; the model holds one, so "
                            f"this one is kept as text under {LEFTOVER_HEADING!r} "
                            f"(rows {', '.join(r.label for r in table.rows)})",
                    location=Location.of(table.provenance)))
            # Unread (reported by the finance reader) or extra: keep the printed lines.
            kept = [ln for ln in lines[block.start:block.end] if not ln.blank]
            self.keep("\n".join(ln.text for ln in kept), _where(kept, self.file), report=False)
        self.indicators_block(lines[block.end:])

    def read(self, lines: Sequence[TextLine], kind: str, heading: str | None = None) -> None:
        if kind == "goals":
            self.goals_block(lines, heading)
        else:
            self.indicators_block(lines)

    def indicators_block(self, lines: Sequence[TextLine]) -> None:
        """Indicator tables (:mod:`textdump_indicator_table`) and indicator sentences."""
        pos = 0
        while (table := find_indicator_table(lines, pos)) is not None:
            self.sentences_block(lines[pos:table.start])
            rows, unread, problems = read_indicator_table(lines, table, file=self.file)
            for row in rows:
                if row.programme is None or row.programme == self.programme_code:
                    self.indicators.append(row.indicator)
                else:  # "Progr. 2" in a table printed under another programme
                    self.elsewhere.append(row)
            self.problems.extend(problems)
            if unread:  # reported by the table reader; the printed lines are kept
                self.keep("\n".join(ln.text for ln in unread), _where(unread, self.file),
                          report=False)
            pos = table.end
        self.sentences_block(lines[pos:])

    def sentences_block(self, lines: Sequence[TextLine]) -> None:
        for item in group_items(lines):
            text = _item_text(item)
            where = _where(item, self.file)
            # "Toelichting beleidsindicatoren" printed right above the sentence is its
            # heading, not the start of the indicator's name.
            body = item[1:] if len(item) > 1 and _SENTENCES_HEADING.match(item[0].text) else item
            indicator, problems = parse_indicator_sentence(_item_text(body), year=self.year,
                                                           provenance=where)
            self.problems.extend(problems)
            if indicator is not None:
                self.indicators.append(indicator)
            else:
                self.keep(text, where)

    def section(self, heading: str, lines: Sequence[TextLine]) -> None:
        items = group_items(lines)
        if not items:
            return
        text = "\n".join(_item_text(it) for it in items)
        where = Provenance(file=self.file, page=items[0][0].page, line=items[0][0].number,
                           line_end=items[-1][-1].number)
        self.sections.append(Section(heading=heading, text=text, provenance=where))

    def keep(self, text: str, where: Provenance | None, *, report: bool = True) -> None:
        self.leftover.append(text)
        self.leftover_first = self.leftover_first or where
        if report:
            self.problems.append(Problem(
                code="TXT-UNPLACED", severity=Severity.WARNING,
                message=f"text not recognised as goal, activity, finance row or indicator; kept "
                        f"under {LEFTOVER_HEADING!r}: {text[:120]!r}",
                location=Location.of(where)))


def build_programme(draft: ProgrammeDraft, *, file: str,
                    year: int | None) -> tuple[Programme, list[Problem], list[TableRow]]:
    """Read every zone of ``draft`` into a :class:`Programme`; also returns indicator table rows
    that name another programme ("Progr." column), for the caller to place."""
    c = _Collector(file, year, draft.heading.code)
    for zone in draft.zones:
        q = zone.question
        if q in (None, Question.GOALS, Question.ACTIVITIES):
            c.finance_then_rest(zone.lines, "goals", zone.heading.text if zone.heading else None)
        elif q is Question.FINANCE:
            c.finance_then_rest(zone.lines, "indicators")
        elif q is Question.INDICATORS:
            c.indicators_block(zone.lines)
        elif q is Question.EXPLANATION and zone.heading is not None:
            explanation, text, problems = parse_explanation(zone.heading, zone.lines, file=file)
            c.explanations.append(explanation)
            c.problems.extend(problems)
            if text is not None:
                c.sections.append(text)
        else:
            heading = zone.heading.text if zone.heading else str(q)
            c.section(heading, zone.lines)
    c.finish_goals()
    if c.leftover:
        c.sections.append(Section(heading=LEFTOVER_HEADING, text="\n".join(c.leftover),
                                  provenance=c.leftover_first))
    last = draft.last_line
    programme = Programme(
        code=draft.heading.code,
        name=draft.heading.name,
        level=draft.heading.level,
        goals=tuple(c.goals),
        finance=c.finance,
        indicators=tuple(c.indicators),
        explanations=tuple(c.explanations),
        sections=tuple(c.sections),
        provenance=Provenance(file=file, page=draft.line.page, line=draft.line.number,
                              line_end=last.number),
    )
    return programme, c.problems, c.elsewhere

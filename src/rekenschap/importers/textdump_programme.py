"""One programme of a text dump: goals, finance table, indicators and leftover text.

Takes a :class:`ProgrammeDraft` from the outline and reads its zones:

- goal zones (and the zone right under the programme heading) hold the interleaved
  goals/activities block, possibly followed by the finance table and indicator bullets (the
  seed has no headings for those);
- a finance zone holds the table; an indicator zone holds indicator sentences;
- explanation and development zones become :class:`Section` text.

Text that fits nowhere is kept as a section "Overige tekst" with a ``TXT-UNPLACED`` warning.
"""

from __future__ import annotations

from collections.abc import Sequence

from rekenschap.importers.headings import Question
from rekenschap.importers.sentences import parse_indicator_sentence
from rekenschap.importers.textdump_finance import find_finance_block, parse_finance_block
from rekenschap.importers.textdump_goals import parse_goal_block
from rekenschap.importers.textdump_lines import TextLine, bullet_text, is_bullet, join_lines
from rekenschap.importers.textdump_outline import ProgrammeDraft
from rekenschap.model import (
    FinanceTable,
    Goal,
    Indicator,
    Location,
    Problem,
    Programme,
    Provenance,
    Section,
    Severity,
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


def _item_text(item: Sequence[TextLine]) -> str:
    return join_lines([bullet_text(ln.text) if k == 0 else ln.text for k, ln in enumerate(item)])


def _where(item: Sequence[TextLine], file: str) -> Provenance:
    return Provenance(file=file, page=item[0].page, line=item[0].number,
                      line_end=item[-1].number)


class _Collector:
    """What one programme accumulates while its zones are read."""

    def __init__(self, file: str, year: int | None) -> None:
        self.file, self.year = file, year
        self.goals: list[Goal] = []
        self.finance: FinanceTable | None = None
        self.indicators: list[Indicator] = []
        self.sections: list[Section] = []
        self.leftover: list[str] = []
        self.leftover_first: Provenance | None = None
        self.problems: list[Problem] = []

    def goals_block(self, lines: Sequence[TextLine]) -> None:
        goals, loose, problems = parse_goal_block(lines, file=self.file)
        self.goals.extend(goals)
        self.problems.extend(problems)
        for activity in loose:
            self.keep(activity.text, activity.provenance, report=False)

    def finance_then_rest(self, lines: Sequence[TextLine], before: str) -> None:
        """Find a finance table in ``lines``; text before it goes to ``before``, after it to
        indicators."""
        block = find_finance_block(lines)
        if block is None:
            self.read(lines, before)
            return
        self.read(lines[:block.start], before)
        table, problems = parse_finance_block(lines, block, file=self.file, doc_year=self.year)
        self.problems.extend(problems)
        if table is not None:
            if self.finance is not None:
                self.problems.append(Problem(
                    code="TXT-FINANCE-EXTRA", severity=Severity.WARNING,
                    message="a second finance table in one programme; only the first is kept "
                            f"(rows {', '.join(r.label for r in table.rows)})",
                    location=Location.of(table.provenance)))
            else:
                self.finance = table
        self.indicators_block(lines[block.end:])

    def read(self, lines: Sequence[TextLine], kind: str) -> None:
        if kind == "goals":
            self.goals_block(lines)
        else:
            self.indicators_block(lines)

    def indicators_block(self, lines: Sequence[TextLine]) -> None:
        for item in group_items(lines):
            text = _item_text(item)
            where = _where(item, self.file)
            indicator, problems = parse_indicator_sentence(text, year=self.year,
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
                    year: int | None) -> tuple[Programme, list[Problem]]:
    """Read every zone of ``draft`` into a :class:`Programme`."""
    c = _Collector(file, year)
    for zone in draft.zones:
        q = zone.question
        if q in (None, Question.GOALS, Question.ACTIVITIES):
            c.finance_then_rest(zone.lines, "goals")
        elif q is Question.FINANCE:
            c.finance_then_rest(zone.lines, "indicators")
        elif q is Question.INDICATORS:
            c.indicators_block(zone.lines)
        else:
            heading = zone.heading.text if zone.heading else str(q)
            c.section(heading, zone.lines)
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
        sections=tuple(c.sections),
        provenance=Provenance(file=file, page=draft.line.page, line=draft.line.number,
                              line_end=last.number),
    )
    return programme, c.problems

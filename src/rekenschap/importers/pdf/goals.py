"""Goals (doelstellingen) and their results/activities (resultaten), paired by item codes.

Goals are the numbered list under "Wat willen/wilden we bereiken?" ("1. Stellen van
veiligheidsprioriteiten;"). Results are the coded list under "Wat gaan we daarvoor doen?" /
"Belangrijkste resultaten" ("1.1 ...", or "1.1.01 ..." with the programme number first); the
code says which goal a result serves, so pairing does not depend on the two lists lining up.
The detailed "Toelichting" that repeats the codes later is not a second list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.quantities import find_quantities
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import Activity, Goal, Location, Problem, Severity

__all__ = ["find_goals", "result_code"]

_GOAL = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
_CODE_PREFIX = re.compile(r"^([\d][\d\s.]*?)[:.]?\s+(?=[^\d\s.:])")
_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,2}$")
_STRICT = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,2})[.:]?\s+(\S.*)$")
_SUSPECT_REST = re.compile(r"^(?:\.|\d{1,2}\s)")  # "1.1 .01 x", "4.4.0 2 x": a split code


class _ResultStart:
    """Matches "1.1 text", "1.1.01 text", "5.1.01: text" and codes with stray spaces from
    extraction ("3 .3 .01 text", "4 .4.0 2 text")."""

    @staticmethod
    def match(text: str) -> _Match | None:
        strict = _STRICT.match(text)
        if strict and not _SUSPECT_REST.match(strict.group(2)):
            return _Match(strict.group(1), strict.group(2).strip())
        m = _CODE_PREFIX.match(text)
        if not m:
            return None
        code = re.sub(r"\s", "", m.group(1)).rstrip(".")
        if not _CODE.match(code):
            return None
        return _Match(code, text[m.end():].strip())


class _Match:
    def __init__(self, code: str, rest: str) -> None:
        self._groups = (code, rest)

    def group(self, i: int) -> str:
        return self._groups[i - 1]


_RESULT = _ResultStart()
_STOP = re.compile(r"^toelichting\b", re.I)


def result_code(text: str) -> str | None:
    """The result code a line starts with ("1.1.01 ...", "3 .3 .01 ..."), else ``None``."""
    m = _RESULT.match(text)
    return m.group(1) if m else None


def _items(lines: Sequence[FlowLine], start: re.Pattern[str] | _ResultStart,
           ) -> list[tuple[str, list[FlowLine], list[str]]]:
    """Numbered items with their continuation lines (no blank line between, not numbered)."""
    items: list[tuple[str, list[FlowLine], list[str]]] = []
    prev: FlowLine | None = None
    open_item = False
    for fl in lines:
        text = fl.text.strip()
        m = start.match(text)
        if m:
            items.append((m.group(1), [fl], [m.group(2)]))
            open_item = True
        elif open_item and prev is not None and _continues(prev, fl):
            items[-1][1].append(fl)
            items[-1][2].append(text)
        else:
            open_item = False
        prev = fl
    return items


def _continues(prev: FlowLine, fl: FlowLine) -> bool:
    """The next line of the same paragraph: no blank line, same page (or the top of the next)."""
    height = max(prev.line.bottom - prev.line.top, 6.0)
    if fl.page == prev.page:
        return 0 <= fl.line.top - prev.line.bottom < 0.9 * height
    return False


def _goal_number(code: str, programme: str) -> str:
    parts = code.split(".")
    if len(parts) == 3 and parts[0] == programme:
        return parts[1]
    return parts[0]


def find_goals(
    goal_lines: Sequence[FlowLine], activity_lines: Sequence[FlowLine], *,
    programme: str, file: str, path: str,
) -> tuple[list[Goal], list[Problem]]:
    """Goals with their activities; problems for results without a goal and vice versa."""
    problems: list[Problem] = []
    goals_raw = _items(goal_lines, _GOAL)
    stop = next((i for i, fl in enumerate(activity_lines) if _STOP.match(fl.text.strip())),
                len(activity_lines))
    results_raw = _items(activity_lines[:stop], _RESULT)
    seen: set[str] = set()
    by_goal: dict[str, list[Activity]] = {}
    orphans: list[Activity] = []
    numbers = {n for n, _, _ in goals_raw}
    for code, fls, parts in results_raw:
        if code in seen:
            continue
        seen.add(code)
        text = join_lines(parts)
        activity = Activity(text=text, code=code, quantities=find_quantities(text),
                            provenance=provenance_of(file, fls))
        number = _goal_number(code, programme)
        if number in numbers:
            by_goal.setdefault(number, []).append(activity)
        else:
            orphans.append(activity)
            problems.append(Problem(
                code="PDF-RESULT-NO-GOAL", severity=Severity.WARNING,
                message=f"result {code} {text[:60]!r} names goal {number}, which is not in the "
                        f"goal list; kept under a goal without a title",
                location=Location(file=file, page=fls[0].page, line=fls[0].number, path=path)))
    goals: list[Goal] = []
    for i, (number, fls, parts) in enumerate(goals_raw):
        if any(g.code == number for g in goals):
            continue  # a repeated list (e.g. in an introduction) is not a second goal
        activities = tuple(by_goal.get(number, []))
        if not activities and results_raw:
            problems.append(Problem(
                code="PDF-GOAL-NO-ACTIVITIES", severity=Severity.NOTICE,
                message=f"goal {number} {join_lines(parts)[:60]!r} has no results in the list",
                location=Location(file=file, page=fls[0].page, line=fls[0].number,
                                  path=f"{path}.goals[{i}]")))
        goals.append(Goal(title=join_lines(parts).rstrip(";"), code=number,
                          activities=activities, provenance=provenance_of(file, fls)))
    if orphans:
        goals.append(Goal(title="(doel niet gevonden)", activities=tuple(orphans),
                          provenance=orphans[0].provenance))
    if not goals_raw and (goal_lines or activity_lines):
        where = (goal_lines or activity_lines)[0]
        problems.append(Problem(
            code="PDF-GOALS-NONE", severity=Severity.NOTICE,
            message="no numbered goal list found under the goals heading",
            location=Location(file=file, page=where.page, line=where.number, path=path)))
    return goals, problems

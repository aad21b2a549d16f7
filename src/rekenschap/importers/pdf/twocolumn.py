"""Two-column goal tables (tweekoloms-tabellen): goals or developments left, results right.

The table starts at a line holding two W-headings side by side ("Wat willen we bereiken?  Wat
gaan we daarvoor doen?", "Belangrijkste ontwikkelingen 2021  Belangrijkste resultaten 2021");
the x-position of the second heading splits every following line into a left and a right
part, also on continuation pages without a header, until full-width text, "Toelichting" or
another heading ends the table. Each column is cut into paragraphs by vertical gaps. Right
paragraphs are paired with a left paragraph by item code when both carry one ("1." / "1.1"),
else by vertical position: the nearest left paragraph that starts at or above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from rekenschap.importers.headings import parse_w_heading
from rekenschap.importers.pdf.cells import cells_of
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.sections import match_w_section
from rekenschap.importers.quantities import find_quantities
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import Activity, Goal, Location, Problem, Severity

__all__ = ["find_two_column_goals", "two_column_lines"]

_END = re.compile(r"^toelichting\b", re.I)
_GOAL_CODE = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$", re.S)
_RESULT_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,2})\.?:?\s+(\S.*)$", re.S)
_SPAN = 20.0  # a segment reaching this far over the boundary on both sides is full-width text


@dataclass
class _Para:
    lines: list[FlowLine] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines(self.parts)

    @property
    def key(self) -> tuple[int, float]:
        first = self.lines[0]
        return first.page, first.line.top


def _boundary(fl: FlowLine) -> float | None:
    """The x where the right column starts, when ``fl`` is a two-column header line."""
    if len(fl.segments) < 2 or len(parse_w_heading(fl.text)) < 2:
        return None
    second = next((s for s in fl.segments[1:] if parse_w_heading(s.text)), None)
    return second.x0 if second is not None else fl.segments[1].x0


def _split(fl: FlowLine, boundary: float) -> tuple[str, str] | None:
    """Left and right text of a line; ``None`` when the line is full-width text."""
    for seg in fl.segments:
        if seg.x0 < boundary - _SPAN and seg.x1 > boundary + _SPAN:
            cells = cells_of(fl)
            gap = any(a.x1 < boundary - 2 and b.x0 > boundary - 8
                      for a, b in pairwise(cells))
            if not gap:
                return None
    left: list[str] = []
    right: list[str] = []
    for cell in cells_of(fl):
        (right if cell.x0 >= boundary - 8 else left).append(cell.text)
    return " ".join(left), " ".join(right)


def _paragraphs(rows: list[tuple[FlowLine, str]]) -> list[_Para]:
    """Cut one column into paragraphs at vertical gaps (a paragraph may cross a page)."""
    pitches = sorted(b[0].line.top - a[0].line.top for a, b in pairwise(rows)
                     if a[0].page == b[0].page and b[0].line.top > a[0].line.top)
    heights = sorted(fl.line.bottom - fl.line.top for fl, _ in rows)
    line_pitch = 1.6 * heights[len(heights) // 2] if heights else 14.0
    pitch = min(pitches[len(pitches) // 4], line_pitch) if pitches else line_pitch
    paras: list[_Para] = []
    prev: FlowLine | None = None
    for fl, text in rows:
        if prev is None:
            new = True
        elif fl.page != prev.page:
            new = paras[-1].parts[-1].rstrip().endswith((".", ";", ":")) or not text[:1].islower()
        else:
            new = fl.line.top - prev.line.top > 1.5 * pitch
        new = new or bool(_GOAL_CODE.match(text) or _RESULT_CODE.match(text))
        if new:
            paras.append(_Para())
        paras[-1].lines.append(fl)
        paras[-1].parts.append(text)
        prev = fl
    return paras


def _blocks(lines: Sequence[FlowLine]) -> list[tuple[float, list[FlowLine]]]:
    """Each two-column table: its boundary and the lines after its header."""
    out: list[tuple[float, list[FlowLine]]] = []
    i = 0
    while i < len(lines):
        boundary = _boundary(lines[i])
        if boundary is None:
            i += 1
            continue
        body: list[FlowLine] = []
        i += 1
        while i < len(lines):
            fl = lines[i]
            text = fl.text.strip()
            if _boundary(fl) is not None or _END.match(text) or (
                    match_w_section(text) is not None and fl.line.x1 < boundary):
                break
            if _split(fl, boundary) is None:
                break
            body.append(fl)
            i += 1
        out.append((boundary, body))
    return out


def two_column_lines(lines: Sequence[FlowLine]) -> set[tuple[int, int]]:
    """(page, line) of every header and body line of the two-column tables among ``lines``."""
    out: set[tuple[int, int]] = set()
    for _, body in _blocks(lines):
        out |= {(fl.page, fl.number) for fl in body}
    for fl in lines:
        if _boundary(fl) is not None:
            out.add((fl.page, fl.number))
    return out


def _pair(left: list[_Para], right: list[_Para]) -> dict[int, list[_Para]]:
    codes = {m.group(1): n for n, p in enumerate(left) if (m := _GOAL_CODE.match(p.text))}
    out: dict[int, list[_Para]] = {n: [] for n in range(len(left))}
    for para in right:
        m = _RESULT_CODE.match(para.text)
        target = codes.get(m.group(1).split(".")[0]) if m and codes else None
        if target is None:
            above = [n for n, p in enumerate(left) if p.key <= (para.key[0], para.key[1] + 3)]
            target = above[-1] if above else 0
        out[target].append(para)
    return out


def find_two_column_goals(
    lines: Sequence[FlowLine], *, file: str, path: str,
) -> tuple[list[Goal], list[Problem]]:
    """Goals with their results from every two-column table among ``lines``."""
    goals: list[Goal] = []
    problems: list[Problem] = []
    for boundary, body in _blocks(lines):
        left_rows: list[tuple[FlowLine, str]] = []
        right_rows: list[tuple[FlowLine, str]] = []
        for fl in body:
            split = _split(fl, boundary)
            assert split is not None
            if split[0]:
                left_rows.append((fl, split[0]))
            if split[1]:
                right_rows.append((fl, split[1]))
        left, right = _paragraphs(left_rows), _paragraphs(right_rows)
        if not left:
            if right:
                first = right[0].lines[0]
                problems.append(Problem(
                    code="PDF-TWOCOLUMN-NO-GOALS", severity=Severity.WARNING,
                    message=f"{len(right)} result(s) in a two-column table without goals; "
                            f"kept under a goal without a title",
                    location=Location(file=file, page=first.page, line=first.number, path=path)))
                left = [_Para(lines=right[0].lines[:1], parts=["(doel niet gevonden)"])]
            else:
                continue
        for n, results in _pair(left, right).items():
            goal_text = left[n].text
            m = _GOAL_CODE.match(goal_text)
            activities = []
            for para in results:
                text = para.text
                rm = _RESULT_CODE.match(text)
                code, text = (rm.group(1), rm.group(2)) if rm else (None, text)
                activities.append(Activity(text=text, code=code, quantities=find_quantities(text),
                                           provenance=provenance_of(file, para.lines)))
            goals.append(Goal(title=m.group(2) if m else goal_text, code=m.group(1) if m else None,
                              activities=tuple(activities),
                              provenance=provenance_of(file, left[n].lines)))
    return goals, problems

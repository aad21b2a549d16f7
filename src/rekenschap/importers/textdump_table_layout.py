"""Tables in a layout-preserving text dump (``pdftotext -layout``): columns and rows by position.

Column titles come from the header line(s) (a second line adds to the title above it); each
title gets a role (programme, nr, name, unit, source, value, benchmark, target, other) and the
year it names. A piece of text belongs to the column it overlaps most; where it overlaps none
(centred headers, left-aligned cells) to the nearest column for its kind of text. Pieces printed
one space apart over two columns are split where that is unambiguous (:func:`place`). Rows are
the lines between blank lines, or — without blank lines — split at the value lines
(:func:`group_rows`). Used by :mod:`textdump_indicator_table`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rekenschap.importers.textdump_lines import TextLine
from rekenschap.model import ObservationQualifier

__all__ = ["NAME", "QUALIFIERS", "VALUE", "Column", "Role", "column_of", "filled_columns",
           "group_rows", "header_columns", "is_value_line", "place", "role_of"]

Role = Literal["programme", "nr", "name", "unit", "source", "value", "benchmark", "target",
               "other"]

NAME = re.compile(r"\b(?:beleids|effect|prestatie)?indicator(?:en)?\b|\bnaam\b", re.I)
VALUE = re.compile(r"^(?:€\s*)?(?P<num>[-+]?\d[\d.]*(?:,\d+)?)\s*(?P<pct>%)?"
                   r"(?:\s*\(\s*(?P<year>(?:19|20)\d\d)\s*\))?$")
QUALIFIERS = {"n.v.t.": ObservationQualifier.NOT_APPLICABLE,
              "n.n.b.": ObservationQualifier.NOT_YET_KNOWN}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_ONLY = re.compile(r"^\(\s*(?:19|20)\d\d\s*\)$")
# two cells printed one space apart: "44,2 % (2022) 46,4 % (2022)", "Eigen gegevens 13,11 %"
_TWO = re.compile(r"^(?P<a>.+?)\s+(?P<b>(?:€\s*)?[-+]?\d[\d.]*(?:,\d+)?\s*%?"
                  r"(?:\s*\(\s*(?:19|20)\d\d\))?)$")
_LEADING_NUMBER = re.compile(r"^(?P<a>\d{1,3}\.?)\s+(?P<b>\D.*)$")


@dataclass
class Column:
    """A header column: character span of its title, the title, its role and year."""

    start: int
    end: int
    title: str
    role: Role = "other"
    year: str | None = None


def role_of(title: str) -> tuple[Role, str | None]:
    """What a column title stands for, and the year it names ("Realisatie 2023")."""
    low = title.lower()
    year = _YEAR.search(low)
    found = year.group(1) if year else None
    if re.match(r"progr", low):
        return "programme" if not NAME.search(low) else "name", None
    if re.fullmatch(r"nr\.?|nummer", low):
        return "nr", None  # the indicator's number in the BBV list; not kept
    if "eenheid" in low:
        return "unit", None
    if re.search(r"\bbron\b", low):
        return "source", None
    if re.search(r"nederland|landelijk|vergelijking", low):
        return "benchmark", found
    if re.search(r"streef|\bdoel", low):
        return "target", found
    if NAME.search(low):
        return "name", None
    if year or re.search(r"realisatie|waarde|cijfer|jaartal|raming|begroting|meting|wassenaar",
                         low):
        return "value", found
    return "other", None


def header_columns(header: Sequence[TextLine]) -> list[Column]:
    """Columns from the first header line's pieces; later header lines add to the titles."""
    first = header[0].cells
    columns = [Column(pos, pos + len(text), text) for pos, text in first]
    for ln in header[1:]:
        for pos, text in ln.cells or [(0, ln.text)]:
            k = column_of(columns, pos, pos + len(text))
            columns[k].title = f"{columns[k].title} {text}"
    for c in columns:
        c.role, c.year = role_of(c.title)
    return columns


def _kind(role: Role) -> str:
    return {"programme": "number", "nr": "number", "value": "value", "benchmark": "value",
            "target": "value"}.get(role, "text")


def column_of(columns: Sequence[Column], start: int, end: int, text: str = "") -> int:
    """The column a piece of text at ``start``..``end`` overlaps most. When it overlaps none
    (headers are centred, cells left-aligned), the nearest column that holds that kind of text:
    a bare number ("17.") a programme or number column, an amount a value column, words a name,
    unit or source column."""
    def score(k: int) -> tuple[int, int]:
        c = columns[k]
        overlap = min(end, c.end) - max(start, c.start)
        distance = abs((start + end) // 2 - (c.start + c.end) // 2)
        return overlap, -distance
    best = max(range(len(columns)), key=score)
    if score(best)[0] > 0 or not text:
        return best
    kind = ("number" if re.fullmatch(r"\d{1,3}\.?", text)
            else "value" if VALUE.match(text) or text.lower() in QUALIFIERS else "text")
    fitting = [k for k, c in enumerate(columns) if _kind(c.role) == kind]
    return max(fitting, key=score) if fitting else best


def _spanned(columns: Sequence[Column], start: int, end: int) -> list[int]:
    """The columns a piece of text overlaps by two characters or more."""
    return [k for k, c in enumerate(columns) if min(end, c.end) - max(start, c.start) >= 2]


def place(columns: Sequence[Column], pos: int, text: str,
           parts: list[list[str]]) -> bool:
    """Put a piece into its column; a piece over two columns that reads as two cells printed
    one space apart ("44,2 % (2022) 46,4 % (2022)", "Eigen gegevens 13,11 % (2023)") is split.
    ``False`` when the piece covers two columns otherwise (cannot be split without guessing)."""
    spanned = _spanned(columns, pos, pos + len(text))
    if len(spanned) <= 1:
        parts[column_of(columns, pos, pos + len(text), text)].append(text)
        return True
    lead = _LEADING_NUMBER.match(text)
    if len(spanned) == 2 and lead and columns[spanned[0]].role in ("nr", "programme"):
        parts[spanned[0]].append(lead.group("a"))  # "20. Niet-sporters": number, then name
        parts[spanned[1]].append(lead.group("b"))
        return True
    m = _TWO.match(text)
    valued = ("value", "benchmark", "target")
    if len(spanned) == 2 and m and columns[spanned[1]].role in valued and (
            columns[spanned[0]].role in valued) == bool(VALUE.match(m.group("a"))):
        parts[spanned[0]].append(m.group("a"))
        parts[spanned[1]].append(" ".join(m.group("b").split()))
        return True
    return False


def is_value_line(ln: TextLine, columns: Sequence[Column]) -> bool:
    """A line that holds a row's values (or its programme/number): the row's middle line."""
    for pos, text in ln.cells or [(0, ln.text)]:
        role = columns[column_of(columns, pos, pos + len(text), text)].role
        if role in ("value", "benchmark", "target") and (
                VALUE.match(text) or text.lower() in QUALIFIERS):
            return True
        if role in ("programme", "nr") and re.fullmatch(r"\d{1,3}\.?", text):
            return True
    return False


def filled_columns(ln: TextLine, columns: Sequence[Column]) -> set[int]:
    """The columns a line has text in."""
    return {column_of(columns, pos, pos + len(text), text)
            for pos, text in ln.cells or [(0, ln.text)]}


def group_rows(body: Sequence[TextLine], columns: Sequence[Column],
            stray: list[TextLine], doubtful: set[int]) -> list[list[TextLine]]:
    """Rows: blocks between blank lines; a block with several value lines (rows not separated
    by blank lines, cells wrapped above and below their middle line) is split between them. A
    line between two value lines goes to the one whose own line leaves its columns empty (the
    cell it continues); when both or neither do, the lines between are split half and half, and
    an odd middle line — which could belong to either — goes to ``stray`` and both rows to
    ``doubtful`` (indexes in the result)."""
    blocks: list[list[TextLine]] = [[]]
    for ln in body:
        if ln.blank:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(ln)
    rows: list[list[TextLine]] = []
    for block in (b for b in blocks if b):
        # a line with a value, or with a name and two more pieces (a row of its own, even
        # without values), is a row's middle line; anything else is a wrapped piece of a cell
        named = {k for k, c in enumerate(columns) if c.role == "name"}
        anchors = [k for k, ln in enumerate(block) if is_value_line(ln, columns) or (
            len(filled := filled_columns(ln, columns)) >= 3 and filled & named)]
        if len(anchors) <= 1:
            rows.append(block)
            continue
        groups = [[block[k]] for k in anchors]
        groups[0][:0] = block[:anchors[0]]
        groups[-1].extend(block[anchors[-1] + 1:])
        for g, (a, b) in enumerate(itertools.pairwise(anchors)):
            upper, lower = filled_columns(block[a], columns), filled_columns(block[b], columns)
            undecided: list[TextLine] = []
            for ln in block[a + 1:b]:
                cols = filled_columns(ln, columns)
                to_upper, to_lower = not cols & upper, not cols & lower
                if all(_YEAR_ONLY.match(t) for _, t in ln.cells or [(0, ln.text)]):
                    to_upper, to_lower = True, False  # "(2018)" printed under its value
                if to_upper and not to_lower and not undecided:
                    groups[g].append(ln)
                elif to_lower and not to_upper:
                    groups[g + 1].insert(groups[g + 1].index(block[b]), ln)  # above its value line
                else:
                    undecided.append(ln)
            half = len(undecided) // 2
            groups[g].extend(undecided[:half])
            for ln in undecided[len(undecided) - half:]:
                groups[g + 1].insert(groups[g + 1].index(block[b]), ln)
            if len(undecided) % 2:
                stray.append(undecided[half])
                doubtful.update({len(rows) + g, len(rows) + g + 1})
        rows.extend(groups)
    return rows

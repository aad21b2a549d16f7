"""Indicator tables (beleidsindicatoren in tabelvorm) in a text dump.

A table starts at a header line that names the indicator and its unit ("Indicator  Eenheid
Bron  2021  2022", "Progr. Nr. Naam Indicator   Eenheid   Bron   Wassenaar   Nederland"); a
second header line may add to the column titles ("(jaartal)"). Rows can only be read where the
dump keeps the columns apart — runs of two or more spaces at stable positions, as
``pdftotext -layout`` writes them (:attr:`TextLine.cells`). Each piece of text belongs to the
header column it overlaps most. A row is the lines between two blank lines (cells wrapped over
lines: "Aantal per 1.000" / "inwoners"); where rows follow each other without blank lines, the
lines between two value lines are split half and half between them (an odd one is reported).
Each row gives an :class:`Indicator`: name (row numbering "1 8." dropped), unit, source, one
observation per value column (the year from the header or printed in the cell: "10 (2022)"),
a benchmark for a "Nederland"/"landelijk" column and a target for a "streefwaarde" column. A
"Progr." column names the programme the row belongs to (``programme`` of the result).

Nothing is guessed: a dump that lost the column gaps (pypdfium2 text) gets one
``TXT-INDICATOR-TABLE`` warning naming the lines, a row without a name or values gets one too,
and a cell that is not a number gets ``TXT-INDICATOR-VALUE``; the caller keeps those lines as
text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rekenschap.importers.headings import w_heading
from rekenschap.importers.sentences import catalogue_id
from rekenschap.importers.textdump_lines import TextLine, join_lines
from rekenschap.model import (
    Benchmark,
    Indicator,
    Location,
    Observation,
    ObservationQualifier,
    Problem,
    Provenance,
    Severity,
    Target,
)
from rekenschap.model.numbers import parse_number
from rekenschap.model.units import parse_unit

__all__ = ["IndicatorTable", "TableRow", "find_indicator_table", "read_indicator_table"]

Role = Literal["programme", "nr", "name", "unit", "source", "value", "benchmark", "target",
               "other"]

_NAME = re.compile(r"\b(?:beleids|effect|prestatie)?indicator(?:en)?\b|\bnaam\b", re.I)
_UNIT = re.compile(r"\beenheid\b", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TITLE_ONLY = re.compile(r"^(?:[^\d]*|\(?(?:19|20)\d\d\)?)$")
_VALUE = re.compile(r"^(?:€\s*)?(?P<num>[-+]?\d[\d.]*(?:,\d+)?)\s*(?P<pct>%)?"
                    r"(?:\s*\(\s*(?P<year>(?:19|20)\d\d)\s*\))?$")
_YEAR_ONLY = re.compile(r"^\(\s*(?:19|20)\d\d\s*\)$")
_HEADER_WORDS = {"realisatie", "cijfer", "vergelijkingscijfer", "(jaartal)", "jaartal"}
_NUMBERING = re.compile(r"^(?:\d{1,3}\.?\s+)+")
_NUMBER_ONLY = re.compile(r"^(?:\d{1,3}\.?\s*)+$")
_QUALIFIERS = {"n.v.t.": ObservationQualifier.NOT_APPLICABLE,
               "n.n.b.": ObservationQualifier.NOT_YET_KNOWN}
_EMPTY = {"", "-", "\u2013", "\u2014"}


@dataclass
class IndicatorTable:
    """Header lines ``start``..``rows`` (exclusive), body lines ``rows``..``end`` (exclusive)."""

    start: int
    rows: int
    end: int


@dataclass
class TableRow:
    """One indicator read from a table; ``programme`` is the "Progr." cell, when there is one."""

    indicator: Indicator
    programme: str | None = None


@dataclass
class _Column:
    start: int
    end: int
    title: str
    role: Role = "other"
    year: str | None = None


@dataclass
class _Read:
    rows: list[TableRow] = field(default_factory=list)
    unread: list[TextLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _is_header(text: str) -> bool:
    return (len(text) <= 200 and bool(_NAME.search(text)) and bool(_UNIT.search(text))
            and not text.rstrip().endswith("."))


def _title_line(ln: TextLine) -> bool:
    return not ln.blank and all(_TITLE_ONLY.match(text) for _, text in ln.cells or [(0, ln.text)])


def find_indicator_table(lines: Sequence[TextLine], begin: int = 0) -> IndicatorTable | None:
    """The first indicator table at or after ``begin``, or ``None``."""
    start = next((i for i in range(begin, len(lines))
                  if not lines[i].blank and _is_header(lines[i].text)), None)
    if start is None:
        return None
    rows = start + 1
    limit = 3 if lines[start].cells else 12  # a header wrapped over short lines (no gaps kept)
    while rows < len(lines) and rows - start <= limit and _title_line(lines[rows]) and (
            lines[start].cells or len(lines[rows].text) <= 40):
        rows += 1
    end, blanks = rows, 0
    while end < len(lines):
        ln = lines[end]
        blanks = blanks + 1 if ln.blank else 0
        if blanks >= 2:  # a gap ends the table unless what follows is laid out in columns
            after = next((x for x in lines[end:] if not x.blank), None)
            if after is None or not after.cells or (blanks >= 3 and len(after.cells) < 3):
                break
        if not ln.blank and (w_heading(ln.text) is not None
                             or ln.text.lower().startswith("toelichting")
                             or (len(ln.text) > 70 and not re.search(r"\d", ln.text))
                             or len(ln.text) > 110
                             or (lines[start].cells and not ln.cells)):  # not in columns
            break
        end += 1
    while end > rows and lines[end - 1].blank:
        end -= 1
    return IndicatorTable(start, rows, end)


def _role(title: str) -> tuple[Role, str | None]:
    low = title.lower()
    year = _YEAR.search(low)
    found = year.group(1) if year else None
    if re.match(r"progr", low):
        return "programme" if not _NAME.search(low) else "name", None
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
    if _NAME.search(low):
        return "name", None
    if year or re.search(r"realisatie|waarde|cijfer|jaartal|raming|begroting|meting|wassenaar",
                         low):
        return "value", found
    return "other", None


def _columns(header: Sequence[TextLine]) -> list[_Column]:
    first = header[0].cells
    columns = [_Column(pos, pos + len(text), text) for pos, text in first]
    for ln in header[1:]:
        for pos, text in ln.cells or [(0, ln.text)]:
            k = _column_of(columns, pos, pos + len(text))
            columns[k].title = f"{columns[k].title} {text}"
    for c in columns:
        c.role, c.year = _role(c.title)
    return columns


def _kind(role: Role) -> str:
    return {"programme": "number", "nr": "number", "value": "value", "benchmark": "value",
            "target": "value"}.get(role, "text")


def _column_of(columns: Sequence[_Column], start: int, end: int, text: str = "") -> int:
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
            else "value" if _VALUE.match(text) or text.lower() in _QUALIFIERS else "text")
    fitting = [k for k, c in enumerate(columns) if _kind(c.role) == kind]
    return max(fitting, key=score) if fitting else best


def _problem(code: str, severity: Severity, message: str, file: str,
             ln: TextLine) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=file, page=ln.page, line=ln.number))


def _observation(text: str, column: _Column, where: Provenance, name: str, file: str,
                 ln: TextLine, problems: list[Problem]) -> Observation | None:
    if text.lower() in _EMPTY:
        return None
    qualifier = _QUALIFIERS.get(text.lower())
    if qualifier is not None:
        return Observation(period=column.year, qualifier=qualifier, printed=text,
                           provenance=where)
    m = _VALUE.match(text.replace("\u2212", "-"))
    value = parse_number(m.group("num")).value if m else None
    if m is None or value is None:
        problems.append(_problem("TXT-INDICATOR-VALUE", Severity.WARNING,
                                 f"{name!r}: {text!r} under {column.title!r} is not a number "
                                 "nor n.v.t./n.n.b.; left out", file, ln))
        return None
    period = m.group("year") or column.year
    if period is None:
        problems.append(_problem("TXT-INDICATOR-VALUE", Severity.WARNING,
                                 f"{name!r}: {text!r} under {column.title!r} has no year in "
                                 "the cell or the header; kept without a period", file, ln))
    return Observation(period=period, value=value,
                       printed=text if text != m.group("num") else None, provenance=where)


_TWO = re.compile(r"^(?P<a>.+?)\s+(?P<b>(?:€\s*)?[-+]?\d[\d.]*(?:,\d+)?\s*%?"
                  r"(?:\s*\(\s*(?:19|20)\d\d\))?)$")
_LEADING_NUMBER = re.compile(r"^(?P<a>\d{1,3}\.?)\s+(?P<b>\D.*)$")


def _spanned(columns: Sequence[_Column], start: int, end: int) -> list[int]:
    """The columns a piece of text overlaps by two characters or more."""
    return [k for k, c in enumerate(columns) if min(end, c.end) - max(start, c.start) >= 2]


def _place(columns: Sequence[_Column], pos: int, text: str,
           parts: list[list[str]]) -> bool:
    """Put a piece into its column; a piece over two columns that reads as two cells printed
    one space apart ("44,2 % (2022) 46,4 % (2022)", "Eigen gegevens 13,11 % (2023)") is split.
    ``False`` when the piece covers two columns otherwise (cannot be split without guessing)."""
    spanned = _spanned(columns, pos, pos + len(text))
    if len(spanned) <= 1:
        parts[_column_of(columns, pos, pos + len(text), text)].append(text)
        return True
    lead = _LEADING_NUMBER.match(text)
    if len(spanned) == 2 and lead and columns[spanned[0]].role in ("nr", "programme"):
        parts[spanned[0]].append(lead.group("a"))  # "20. Niet-sporters": number, then name
        parts[spanned[1]].append(lead.group("b"))
        return True
    m = _TWO.match(text)
    valued = ("value", "benchmark", "target")
    if len(spanned) == 2 and m and columns[spanned[1]].role in valued and (
            columns[spanned[0]].role in valued) == bool(_VALUE.match(m.group("a"))):
        parts[spanned[0]].append(m.group("a"))
        parts[spanned[1]].append(" ".join(m.group("b").split()))
        return True
    return False


def _row(group: Sequence[TextLine], columns: Sequence[_Column], file: str,
         problems: list[Problem]) -> TableRow | str:
    parts: list[list[str]] = [[] for _ in columns]
    for ln in group:
        for pos, text in ln.cells or [(0, ln.text)]:
            if not _place(columns, pos, text, parts):
                return f"the cell {text[:50]!r} spans two columns"
    cells = {c.role: join_lines(p) for c, p in zip(columns, parts, strict=True)
             if c.role not in ("value", "benchmark", "target")}
    programme = None
    if "programme" in cells:
        programme = cells["programme"].split(" ")[0].rstrip(".") or None
    name_parts = [t for c, p in zip(columns, parts, strict=True) if c.role == "name" for t in p]
    name_column = next(c for c in columns if c.role == "name")
    if programme is None and name_column.title.lower().startswith("progr"):
        # "Progr. Nr. Naam": the first number of the name cell is the programme
        lead = next((m for t in name_parts if (m := re.match(r"(\d{1,2})(?:\s|$)", t))), None)
        programme = lead.group(1) if lead else None
    names = [_NUMBERING.sub("", t) for t in name_parts if not _NUMBER_ONLY.match(t)]
    name = join_lines([t for t in names if t]).strip()
    first = group[0]
    where = Provenance(file=file, page=first.page, line=first.number,
                       line_end=group[-1].number if len(group) > 1 else None)
    observations: list[Observation] = []
    benchmarks: list[Benchmark] = []
    targets: list[Target] = []
    for column, part in zip(columns, parts, strict=True):
        if column.role not in ("value", "benchmark", "target") or not part:
            continue
        obs = _observation(" ".join(part), column, where, name, file, first, problems)
        if obs is None:
            continue
        if column.role == "value":
            observations.append(obs)
        elif column.role == "benchmark":
            benchmarks.append(Benchmark(region="Nederland", region_code="NL01",
                                        observations=(obs,), provenance=where))
        elif obs.value is not None:
            targets.append(Target(value=obs.value, period=obs.period, provenance=where))
    if not name or len(name) > 150 or len(group) > 8 or not (
            observations or benchmarks or targets):
        return "no name or no value"  # or prose rather than a row
    unit_text = cells.get("unit", "").strip()
    indicator = Indicator(
        name=name, unit=parse_unit(unit_text) if unit_text else None,
        source=cells.get("source", "").strip() or None, catalogue_id=catalogue_id(name),
        observations=tuple(observations), benchmarks=tuple(benchmarks),
        target=targets[0] if len(targets) == 1 else None, targets=tuple(targets),
        provenance=where)
    return TableRow(indicator, programme)


def _anchor(ln: TextLine, columns: Sequence[_Column]) -> bool:
    """A line that holds a row's values (or its programme/number): the row's middle line."""
    for pos, text in ln.cells or [(0, ln.text)]:
        role = columns[_column_of(columns, pos, pos + len(text), text)].role
        if role in ("value", "benchmark", "target") and (
                _VALUE.match(text) or text.lower() in _QUALIFIERS):
            return True
        if role in ("programme", "nr") and re.fullmatch(r"\d{1,3}\.?", text):
            return True
    return False


def _filled(ln: TextLine, columns: Sequence[_Column]) -> set[int]:
    """The columns a line has text in."""
    return {_column_of(columns, pos, pos + len(text), text)
            for pos, text in ln.cells or [(0, ln.text)]}


def _groups(body: Sequence[TextLine], columns: Sequence[_Column],
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
        anchors = [k for k, ln in enumerate(block) if _anchor(ln, columns) or (
            len(filled := _filled(ln, columns)) >= 3 and filled & named)]
        if len(anchors) <= 1:
            rows.append(block)
            continue
        groups = [[block[k]] for k in anchors]
        groups[0][:0] = block[:anchors[0]]
        groups[-1].extend(block[anchors[-1] + 1:])
        for g, (a, b) in enumerate(itertools.pairwise(anchors)):
            upper, lower = _filled(block[a], columns), _filled(block[b], columns)
            undecided: list[TextLine] = []
            for ln in block[a + 1:b]:
                cols = _filled(ln, columns)
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


def read_indicator_table(lines: Sequence[TextLine], table: IndicatorTable, *,
                         file: str) -> tuple[list[TableRow], list[TextLine], list[Problem]]:
    """The rows of ``table``, the lines not read (to keep as text) and the problems."""
    out = _Read()
    header = [ln for ln in lines[table.start:table.rows] if not ln.blank]
    body = list(lines[table.rows:table.end])
    printed = [ln for ln in body if not ln.blank]
    last = printed[-1] if printed else header[-1]
    columns = _columns(header) if header[0].cells else []
    roles = {c.role for c in columns}
    if "name" not in roles or not roles & {"value", "benchmark", "target"}:
        why = ("whose columns the dump does not keep apart" if not columns
               else "without a name column or a value column")
        out.problems.append(_problem(
            "TXT-INDICATOR-TABLE", Severity.WARNING,
            f"indicator table (header {header[0].text[:60]!r}) {why} (lines "
            f"{header[0].number}-{last.number}); its rows are not read, only kept as text — "
            "import the PDF, or a dump with the columns apart (pdftotext -layout)",
            file, header[0]))
        return [], [*header, *printed], out.problems
    # the header repeated on the next page ("Realisatie Realisatie" / "Progr. Nr. Naam ...")
    known = {w.lower() for c in columns for w in c.title.split()} | _HEADER_WORDS
    body = [ln for ln in body if ln.blank or not (
        _is_header(ln.text) or set(ln.text.lower().split()) <= known)]
    stray: list[TextLine] = []
    doubtful: set[int] = set()
    for k, group in enumerate(_groups(body, columns, stray, doubtful)):
        row = _row(group, columns, file, []) if k in doubtful else _row(
            group, columns, file, out.problems)
        if k in doubtful and not isinstance(row, str):
            row = "a wrapped line next to it could belong to this row or its neighbour"
        if isinstance(row, str):
            out.unread.extend(group)
            out.problems.append(_problem(
                "TXT-INDICATOR-TABLE", Severity.WARNING,
                f"indicator table row {' / '.join(ln.text for ln in group)[:100]!r}: {row}; "
                "not read, kept as text", file, group[0]))
        else:
            out.rows.append(row)
    for ln in stray:
        out.unread.append(ln)
        out.problems.append(_problem(
            "TXT-INDICATOR-TABLE", Severity.WARNING,
            f"indicator table line {ln.text[:80]!r} lies between two rows and could belong to "
            "either; both rows and the line are not read, kept as text", file, ln))
    skipped = [c.title for c in columns if c.role == "other"]
    if skipped:
        out.problems.append(_problem(
            "TXT-INDICATOR-TABLE", Severity.WARNING,
            f"indicator table column(s) {', '.join(map(repr, skipped))} not understood; their "
            "cells are not read", file, header[0]))
    return out.rows, out.unread, out.problems

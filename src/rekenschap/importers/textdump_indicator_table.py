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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.headings import w_heading
from rekenschap.importers.sentences import catalogue_id
from rekenschap.importers.textdump_lines import TextLine, join_lines
from rekenschap.importers.textdump_table_layout import (
    NAME,
    QUALIFIERS,
    VALUE,
    Column,
    group_rows,
    header_columns,
    place,
)
from rekenschap.model import (
    Benchmark,
    Indicator,
    Location,
    Observation,
    Problem,
    Provenance,
    Severity,
    Target,
)
from rekenschap.model.numbers import parse_number
from rekenschap.model.units import parse_unit

__all__ = ["IndicatorTable", "TableRow", "find_indicator_table", "read_indicator_table"]

_UNIT = re.compile(r"\beenheid\b", re.I)
_TITLE_ONLY = re.compile(r"^(?:[^\d]*|\(?(?:19|20)\d\d\)?)$")
_HEADER_WORDS = {"realisatie", "cijfer", "vergelijkingscijfer", "(jaartal)", "jaartal"}
_NUMBERING = re.compile(r"^(?:\d{1,3}\.?\s+)+")
_NUMBER_ONLY = re.compile(r"^(?:\d{1,3}\.?\s*)+$")
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
class _Read:
    rows: list[TableRow] = field(default_factory=list)
    unread: list[TextLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _is_header(text: str) -> bool:
    return (len(text) <= 200 and bool(NAME.search(text)) and bool(_UNIT.search(text))
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










def _problem(code: str, severity: Severity, message: str, file: str,
             ln: TextLine) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=file, page=ln.page, line=ln.number))


def _observation(text: str, column: Column, where: Provenance, name: str, file: str,
                 ln: TextLine, problems: list[Problem]) -> Observation | None:
    if text.lower() in _EMPTY:
        return None
    qualifier = QUALIFIERS.get(text.lower())
    if qualifier is not None:
        return Observation(period=column.year, qualifier=qualifier, printed=text,
                           provenance=where)
    m = VALUE.match(text.replace("\u2212", "-"))
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








def _row(group: Sequence[TextLine], columns: Sequence[Column], file: str,
         problems: list[Problem]) -> TableRow | str:
    parts: list[list[str]] = [[] for _ in columns]
    for ln in group:
        for pos, text in ln.cells or [(0, ln.text)]:
            if not place(columns, pos, text, parts):
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








def read_indicator_table(lines: Sequence[TextLine], table: IndicatorTable, *,
                         file: str) -> tuple[list[TableRow], list[TextLine], list[Problem]]:
    """The rows of ``table``, the lines not read (to keep as text) and the problems."""
    out = _Read()
    header = [ln for ln in lines[table.start:table.rows] if not ln.blank]
    body = list(lines[table.rows:table.end])
    printed = [ln for ln in body if not ln.blank]
    last = printed[-1] if printed else header[-1]
    columns = header_columns(header) if header[0].cells else []
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
    for k, group in enumerate(group_rows(body, columns, stray, doubtful)):
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

"""The document overview of baten and lasten per programme (recapitulatie / overzicht van baten
en lasten).

Layout (Wassenaar jaarstukken 2023 p. 18, begroting 2024 p. 66): a heading "Recapitulatie"
(or "Overzicht (van) baten en lasten ...", "Tabel 6.2 - Recapitulatie ..."), a scale line
("Bedragen x € 1.000") with the sign note, group headers ("Begroting primair 2023", "Begroting
2025"), then a line "baten lasten saldo" repeated once per group, then one line per programme
("P1 Veiligheid en handhaving 1.101 -4.346 -3.245 ...") and the totals below.

The result is one :class:`~rekenschap.model.FinanceTable`: one column per group, and per printed
line three rows (baten, lasten, saldo, in the order the "baten lasten saldo" line gives) with the
same label; rows of a programme carry its code in ``ref``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rekenschap.importers.pdf.cells import Cell, cells_of, split_label_values
from rekenschap.importers.pdf.columns import ColumnContext, map_column
from rekenschap.importers.pdf.finance import SIGN_NOTE, money_unit_of, sign_note_of
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.model import (
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Location,
    Problem,
    RowKind,
    Severity,
    SignConvention,
)
from rekenschap.model.numbers import parse_number

__all__ = ["find_overview"]

_HEADING = re.compile(
    r"^(?:tabel\s+[\d.]+\s*[-–]\s*)?(?:recapitulatie|overzicht\s+(?:van\s+)?baten\s+en\s+lasten"
    r"(?:\s+per\s+programma|\s+in\s+de\s+jaarrekening)?)\b", re.I)
_TOC = re.compile(r"\.{4,}|…{2,}")
_TRIPLE = {"baten": RowKind.BATEN, "lasten": RowKind.LASTEN, "saldo": RowKind.SALDO}
_RESERVES = {RowKind.BATEN: RowKind.RESERVE_WITHDRAWAL, RowKind.LASTEN: RowKind.RESERVE_ADDITION,
             RowKind.SALDO: RowKind.RESERVE_MUTATIONS}
_PROGRAMME = re.compile(r"^(?:P|programma\s*)(\d{1,2})\b", re.I)
_LOOKAHEAD = 12
_NOTE = re.compile(r"^(\*|\d\)|nb\b|noot\b)|^(\S+\s+){6,}\S", re.I)  # footnote, prose
_FOOTNOTE = re.compile(r"^\(\d\)$")
_EMPTY = {"-", "–", "—"}


def _triple_cells(fl: FlowLine) -> list[Cell]:
    """The "baten lasten saldo" words of a group-header line, in order."""
    return [c for c in cells_of(fl) if c.text.lower().strip("*") in _TRIPLE]


def _groups_line(fl: FlowLine) -> bool:
    """Is this the line of kind words: "baten lasten saldo" per group, or (a print without a
    saldo column) "lasten baten" per group; every group repeats the first group's words, and
    after the first kind word the line has nothing else (a caption such as "Tabel 6.2
    Recapitulatie Baten en lasten programma's" is not a header line)."""
    cells = cells_of(fl)
    first = next((i for i, c in enumerate(cells) if c.text.lower().strip("*") in _TRIPLE), None)
    if first is None or any(c.text.lower().strip("*") not in _TRIPLE for c in cells[first:]):
        return False
    words = [c.text.lower().strip("*") for c in cells[first:]]
    if not {"baten", "lasten"} <= set(words):
        return False
    n = words.count(words[0])
    size = len(words) // n
    return len(words) == n * size and all(words[g * size:(g + 1) * size] == words[:size]
                                          for g in range(n))


def _start(flow: Sequence[FlowLine]) -> tuple[int, int] | None:
    """Index of the first overview heading and of its "baten lasten saldo" line."""
    for i, fl in enumerate(flow):
        if _TOC.search(fl.text) or not _HEADING.match(fl.text.strip()):
            continue
        for j in range(i + 1, min(i + _LOOKAHEAD, len(flow))):
            if flow[j].page != fl.page:
                break
            if _groups_line(flow[j]):
                return i, j
    return None


def _groups(flow: Sequence[FlowLine], head: int, bls: int, ctx: ColumnContext,
            file: str) -> tuple[list[FinanceColumn], list[RowKind], list[Problem]]:
    """The columns (one per group) and the row kind of each value position."""
    triple = _triple_cells(flow[bls])
    kinds = [_TRIPLE[c.text.lower().strip("*")] for c in triple]
    n = max(1, kinds.count(kinds[0]))
    size = len(triple) // n
    centres = [sum(c.centre for c in triple[g * size:(g + 1) * size]) / size for g in range(n)]
    left = triple[0].x0 - 10
    words: list[list[str]] = [[] for _ in range(n)]
    for fl in flow[head + 1:bls]:
        if _HEADING.match(fl.text.strip()) or SIGN_NOTE.search(fl.text):
            continue  # a title or the sign note, not a group header
        for c in cells_of(fl):
            if c.x0 > left:
                g = min(range(n), key=lambda k: abs(centres[k] - c.centre))
                words[g].append(c.text)
    columns: list[FinanceColumn] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    for g in range(n):
        column, problem = map_column(" ".join(words[g]), g, ctx, taken=taken)
        taken.add(column.key)
        columns.append(column)
        if problem is not None:
            problems.append(problem.model_copy(update={
                "code": "PDF-OVERVIEW-COLUMN",
                "location": Location(file=file, page=flow[bls].page, line=flow[bls].number)}))
    return columns, kinds[:size], problems


def _kind(label: str, kind: RowKind) -> RowKind:
    low = label.lower()
    if "reserve" in low:
        return _RESERVES[kind]
    if "resultaat" in low and kind is RowKind.SALDO:
        return RowKind.RESULT
    return kind


def find_overview(
    flow: Sequence[FlowLine], *, file: str, context: ColumnContext,
    programme_codes: Sequence[str] = (), programme_names: Mapping[str, str] | None = None,
) -> tuple[FinanceTable | None, list[Problem]]:
    """The first overview of baten and lasten per programme in ``flow``; ``None`` if absent.

    ``programme_codes``: the report's programme codes; a row "P1 ..." or "Programma 1 ..."
    refers to the code whose digits are 1. ``programme_names``: programme name -> code, for
    rows that print the name only ("Veiligheid en handhaving"). A kind whose cells are all
    empty ("-") on a line is not a row (Overhead without baten).
    """
    found = _start(flow)
    if found is None:
        return None, []
    head, bls = found
    columns, kinds, problems = _groups(flow, head, bls, context, file)
    by_number = {re.sub(r"\D", "", c): c for c in programme_codes}
    width = len(columns) * len(kinds)
    rows: list[FinanceRow] = []
    used: list[FlowLine] = [flow[head]]
    for fl in flow[bls + 1:]:
        if fl.page != flow[bls].page:
            break
        label, values = split_label_values(cells_of(fl))
        if len(values) == width + 1 and _FOOTNOTE.match(values[0].text):
            label, values = f"{label} {values[0].text}", values[1:]  # "Saldo ... (1)"
        if not values or (rows and len(values) < width and _NOTE.match(label)):
            if rows:
                break  # the end of the table, or a footnote / note under it
            continue
        where = Location(file=file, page=fl.page, line=fl.number)
        if len(values) != width or not label:
            problems.append(Problem(
                code="PDF-OVERVIEW-CELLS", severity=Severity.WARNING,
                message=f"overview line {fl.text.strip()[:60]!r} has {len(values)} amount(s) "
                        f"where the table has {width}; the line is skipped", location=where))
            continue
        ref = None
        if m := _PROGRAMME.match(label):
            ref = by_number.get(m.group(1))
            if ref is None:
                problems.append(Problem(
                    code="PDF-OVERVIEW-PROGRAMME", severity=Severity.WARNING,
                    message=f"overview line {label!r} names programme {m.group(1)}, which was "
                            f"not found; kept without a reference", location=where))
        elif programme_names:
            ref = programme_names.get(" ".join(label.split()))
        for i, kind in enumerate(kinds):
            if all(values[g * len(kinds) + i].text.strip() in _EMPTY
                   for g in range(len(columns))):
                continue
            cells: dict[str, object] = {}
            for g, col in enumerate(columns):
                text = values[g * len(kinds) + i].text
                parsed = parse_number(text).value
                if parsed is None and text.strip() not in _EMPTY:
                    problems.append(Problem(
                        code="PDF-OVERVIEW-CELLS", severity=Severity.WARNING,
                        message=f"overview amount {text!r} ({label}, {col.label}) is not a "
                                f"Dutch amount; the cell is left empty", location=where))
                cells[col.key] = parsed
            rows.append(FinanceRow.model_validate({
                "kind": _kind(label, kind), "label": label, "values": cells, "ref": ref,
                "provenance": provenance_of(file, [fl])}))
        used.append(fl)
    if not rows:
        problems.append(Problem(
            code="PDF-OVERVIEW-EMPTY", severity=Severity.WARNING,
            message="the overview of baten and lasten has a header but no readable rows; skipped",
            location=Location(file=file, page=flow[head].page, line=flow[head].number)))
        return None, problems
    header = " ".join(fl.text for fl in flow[head:bls + 1])
    lasten = [v for r in rows if r.kind is RowKind.LASTEN for v in r.values.values()]
    negative = any(v is not None and v < 0 for v in lasten)
    table = FinanceTable(
        title=" ".join(flow[head].text.split()),
        unit=money_unit_of(header),
        sign_convention=SignConvention.LASTEN_NEGATIVE if negative else SignConvention.POSITIVE,
        sign_note=sign_note_of(header),
        columns=tuple(columns), rows=tuple(rows), provenance=provenance_of(file, used))
    return table, problems

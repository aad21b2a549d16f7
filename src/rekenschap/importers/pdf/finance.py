"""Finance tables (Wat heeft het gekost? / Wat mag het kosten?) from line geometry.

The data rows are found first: lines whose label names a finance row (Baten, Lasten, Saldo,
reserves, resultaat) followed by three or more amounts. Their amounts fix the column
positions (right edges); the header lines above are then split over those columns by
x-position, so headers that wrap over several lines ("Begroting / 2023 / na / wijziging")
become one label per column. Columns are mapped to :class:`ColumnKind` by their words and
year; what cannot be mapped is reported, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from rekenschap.importers.pdf.cells import Cell, cells_of, split_label_values
from rekenschap.importers.pdf.columns import ColumnContext, map_column
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.layout import Line, Segment
from rekenschap.importers.pdf.sections import match_w_section
from rekenschap.model import (
    DifferenceConvention,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Location,
    MoneyUnit,
    Problem,
    RowKind,
    Severity,
    SignConvention,
)
from rekenschap.model.numbers import parse_number, parse_scale

__all__ = ["find_finance_table", "row_kind"]

_ROWS = [
    (RowKind.RESERVE_MUTATIONS,
     re.compile(r"^(saldo\s+)?mutaties?\s+(in\s+de\s+|op\s+)?reserves?", re.I)),
    (RowKind.RESERVE_ADDITION,
     re.compile(r"^toevoeging(en)?\s+(aan\s+)?(de\s+)?reserves?", re.I)),
    (RowKind.RESERVE_WITHDRAWAL,
     re.compile(r"^onttrekking(en)?\s+(aan\s+|uit\s+)?(de\s+)?reserves?", re.I)),
    (RowKind.SALDO,
     re.compile(r"^(totaal\s+)?saldo\s+(van\s+)?baten\s+en\s+lasten|^saldo\s*$", re.I)),
    (RowKind.LASTEN, re.compile(r"^(totaal\s+)?lasten\s*$", re.I)),
    (RowKind.BATEN, re.compile(r"^(totaal\s+)?baten\s*$", re.I)),
    (RowKind.RESULT, re.compile(r"resultaat", re.I)),
]

SIGN_NOTE = re.compile(
    r"\(?\s*[\"“”']?\s*-\s*[\"“”']?\s*=\s*nadeel\w*\s*[/,]\s*[\"“”']?\s*\+\s*[\"“”']?\s*=\s*voordeel\w*\s*\)?"
    r"|\(?\s*[\"“”']?\s*\+\s*[\"“”']?\s*=\s*voordeel\w*\s*[/,]\s*[\"“”']?\s*-\s*[\"“”']?\s*="
    r"\s*nadeel\w*\s*\)?", re.I)

_MIN_COLUMNS = 2
_ALIGN = 2.0  # points: a header's right edge on a column's right edge
_HEADER_REACH = 70.0  # points above the first data row that may hold column headers


_KIND_WORD = re.compile(r"\s+(baten|lasten|saldo)\s*$", re.I)
_TAAKVELD = re.compile(r"^\d{1,2}\.\d{1,2}\b")


def row_kind(label: str) -> RowKind | None:
    """The kind of a finance row label, ``None`` when it is not a finance row.

    A repeated kind word in a second label column ("Totaal baten  Baten") is ignored.
    """
    s = " ".join(label.split())
    m = _KIND_WORD.search(s)
    if m and m.group(1).lower() in s[:m.start()].lower():
        s = s[:m.start()]
    for kind, pattern in _ROWS:
        if pattern.search(s):
            return kind
    return None


def _is_row(label: str) -> bool:
    return row_kind(label) is not None or bool(_TAAKVELD.match(label)) or bool(
        _KIND_WORD.search(" " + label))


@dataclass
class _Block:
    rows: list[tuple[FlowLine, str, list[Cell]]]


def _data_rows(lines: Sequence[FlowLine]) -> list[_Block]:
    """Runs of finance rows (at most two unrelated lines between rows; a run may continue
    at the top of the next page)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    gap = 0
    for fl in lines:
        label, values = split_label_values(cells_of(fl))
        if len(values) >= _MIN_COLUMNS and label and _is_row(label):
            new_page = current is not None and current.rows[-1][0].page != fl.page
            if current is None or gap > (6 if new_page else 2) or (
                    new_page and fl.page != current.rows[-1][0].page + 1):
                current = _Block([])
                blocks.append(current)
            current.rows.append((fl, label, values))
            gap = 0
        elif current is not None:
            gap += 1
    need = {RowKind.BATEN, RowKind.LASTEN}
    return [b for b in blocks if {row_kind(r[1]) for r in b.rows} >= need]


def _row_kinds(block: _Block) -> list[tuple[RowKind, str]]:
    """Kinds and labels; with "Totaal baten/lasten" rows present, bare "Baten"/"Lasten" rows
    are taakveld details and are labelled with their taakveld."""
    totals = any(r[1].lower().startswith("totaal") for r in block.rows)
    out: list[tuple[RowKind, str]] = []
    taakveld = ""
    for _, label, _ in block.rows:
        kind = row_kind(label) or RowKind.OTHER
        low = label.lower()
        if _TAAKVELD.match(label):
            taakveld = _KIND_WORD.sub("", label)
            kind = RowKind.OTHER
        elif totals and (kind in (RowKind.BATEN, RowKind.LASTEN, RowKind.SALDO) or (
                kind is RowKind.OTHER and _KIND_WORD.search(label))) and not (
                low.startswith("totaal") or low.startswith("saldo van")):
            kind = RowKind.OTHER
            word = _KIND_WORD.search(" " + label)
            label = f"{taakveld} {word.group(1) if word else label}".strip()
        out.append((kind, label))
    return out


def _header_lines(lines: Sequence[FlowLine], first: FlowLine, n: int) -> list[FlowLine]:
    idx = next(i for i, fl in enumerate(lines) if fl is first)
    out: list[FlowLine] = []
    for fl in reversed(lines[:idx]):
        if fl.page != first.page or first.line.top - fl.line.bottom > _HEADER_REACH:
            break
        if match_w_section(fl.text):
            break
        label, values = split_label_values(cells_of(fl))
        if len(values) >= _MIN_COLUMNS and row_kind(label) is None and not _years_only(
                values[-n:]):
            break  # another table's data row
        out.append(fl)
    return list(reversed(out))


def _years_only(values: list[Cell]) -> bool:
    return all(re.fullmatch(r"(19|20)\d\d", c.text) for c in values)


def _column_centres(block: _Block, n: int) -> tuple[list[float], float]:
    """Median centre of each column's amounts, and the median column pitch."""
    full = [v for _, _, v in block.rows if len(v) == n]
    centres = [median(v[i].centre for v in full) for i in range(n)]
    pitch = median([centres[i] - centres[i - 1] for i in range(1, n)]) if n > 1 else 60.0
    return centres, pitch


def _header_cells(fl: FlowLine, stub: tuple[float, float], pitch: float, rights: list[float],
                  ) -> tuple[list[str], list[Cell]]:
    """Stub words (left of the amounts) and header cells: whole segments unless one is wider
    than a column, then its words. A segment whose right edge lines up with a column's
    right-aligned amounts is that column's header, however far left it reaches (a wide
    header printed on one line: "Begroting 2023 na wijziging"), unless it starts where the
    row labels start: that is a caption above the table ("Tabel 5.3 - Baten en lasten P5
    Natuur, Klimaat en Mobiliteit") that happens to end at a column's edge."""
    stub_left, stub_right = stub
    words: list[str] = []
    cells: list[Cell] = []
    for seg in fl.segments:
        aligned = [r for r in rights if abs(seg.x1 - r) <= _ALIGN]
        if aligned and seg.x0 >= stub_right - 2.5 * pitch and seg.x0 > stub_left + _ALIGN:
            cells.append(Cell(seg.text, aligned[0] - 1.0, aligned[0]))
        elif seg.x0 < stub_right:
            words.append(seg.text)
        elif seg.x1 - seg.x0 > 1.3 * pitch:
            cells += [c for c in cells_of(FlowLine(fl.page, fl.number, _one(fl, seg)))]
        else:
            cells.append(Cell(seg.text, seg.x0, seg.x1))
    return words, cells


def _one(fl: FlowLine, seg: Segment) -> Line:
    return Line(seg.text, seg.x0, seg.top, seg.x1, seg.bottom, (seg,))


def _nearest(cell: Cell, centres: list[float]) -> int:
    return min(range(len(centres)), key=lambda i: abs(cell.centre - centres[i]))


def find_finance_table(
    lines: Sequence[FlowLine], *, file: str, context: ColumnContext, path: str,
) -> tuple[FinanceTable | None, list[Problem]]:
    """The programme's baten/lasten table among ``lines``; ``None`` (and a problem) if absent."""
    problems: list[Problem] = []
    blocks = _data_rows(lines)
    if not blocks:
        return None, problems
    block = blocks[0]
    n = Counter(len(v) for _, _, v in block.rows).most_common(1)[0][0]
    centres, pitch = _column_centres(block, n)
    rights = [median(v[i].x1 for _, _, v in block.rows if len(v) == n) for i in range(n)]
    first = block.rows[0][0]
    header = _header_lines(lines, first, n)
    value_left = min(v[0].x0 for _, _, v in block.rows if len(v) == n)
    stub_right = value_left - pitch / 2
    stub_left = min(fl.line.x0 for fl, _, _ in block.rows)
    col_words: list[list[str]] = [[] for _ in range(n)]
    stub: list[str] = []
    for fl in header:
        words, cells = _header_cells(fl, (stub_left, stub_right), pitch, rights)
        stub += words
        for cell in cells:
            col_words[_nearest(cell, rights if cell.x1 - cell.x0 == 1.0 else centres)
                      ].append(cell.text)
    stub_text = " ".join(stub)
    header_text = " ".join(fl.text for fl in header)
    columns: list[FinanceColumn] = []
    for i, words in enumerate(col_words):
        column, problem = map_column(" ".join(words), i, context, taken={c.key for c in columns})
        columns.append(column)
        if problem:
            problems.append(problem.model_copy(update={"location": Location(
                file=file, page=first.page, line=first.number, path=path)}))
    rows: list[FinanceRow] = []
    for (fl, _, values), (kind, label) in zip(block.rows, _row_kinds(block), strict=True):
        if len(values) != n:
            problems.append(Problem(
                code="PDF-FIN-CELLS", severity=Severity.WARNING,
                message=f"row {label!r} has {len(values)} amounts where the table has {n} "
                        f"columns; the row is skipped",
                location=Location(file=file, page=fl.page, line=fl.number, path=path)))
            continue
        amounts: dict[str, Decimal | None] = {}
        for col, cell in zip(columns, values, strict=True):
            parsed = parse_number(cell.text)
            value = None if parsed.point_decimal else parsed.value
            if value is None and parsed.qualifier != "nil":
                problems.append(Problem(
                    code="PDF-FIN-NUMBER", severity=Severity.WARNING,
                    message=f"{cell.text!r} in row {label!r}, column {col.label!r} is not a "
                            f"Dutch amount; the cell is left empty",
                    location=Location(file=file, page=fl.page, line=fl.number, path=path)))
            amounts[col.key] = value
        rows.append(FinanceRow(kind=kind, label=label, values=amounts,
                               provenance=provenance_of(file, [fl])))
    sign_note = sign_note_of(header_text)
    lasten = next((r for r in rows if r.kind is RowKind.LASTEN), None)
    negative = lasten is not None and any(v is not None and v < 0 for v in lasten.values.values())
    unit = money_unit_of(header_text, stub_text)
    if unit is None:
        problems.append(Problem(
            code="PDF-FIN-SCALE", severity=Severity.NOTICE,
            message="no scale line ('bedragen x € 1.000') above the finance table; "
                    "the report's unit applies",
            location=Location(file=file, page=first.page, line=first.number, path=path)))
    convention = None
    if sign_note and "voordeel" in sign_note.lower():
        convention = DifferenceConvention.FAVOURABLE_POSITIVE
    table_lines = header + [r[0] for r in block.rows]
    table = FinanceTable(
        title=_title(stub_text),
        unit=unit,
        sign_convention=SignConvention.LASTEN_NEGATIVE if negative else SignConvention.POSITIVE,
        difference_convention=convention,
        sign_note=sign_note,
        columns=tuple(columns),
        rows=tuple(rows),
        provenance=provenance_of(file, table_lines),
    )
    return table, problems


def sign_note_of(header: str) -> str | None:
    """The sign statement printed in a table header ('"-" = nadeel ...'), normalised."""
    found = SIGN_NOTE.search(header)
    return _normal_note(found.group()) if found else None


def money_unit_of(header: str, *elsewhere: str) -> MoneyUnit | None:
    """The amount scale of a table: from its header, else from the other texts given (in order)."""
    scale = next((s for s in map(parse_scale, (header, *elsewhere)) if s), None)
    return MoneyUnit(scale=scale, label=_scale_label(header)) if scale else None


def _scale_label(text: str) -> str | None:
    m = re.search(r"(bedragen\s+)?x\s*€\s*1\.000(\.000)?", text, re.I)
    return m.group() if m else None


def _title(stub: str) -> str | None:
    s = SIGN_NOTE.sub(" ", stub)
    s = re.sub(r"\(?\s*(bedragen\s+)?x\s*€\s*1\.000(\.000)?,?-?\s*\)?", " ", s, flags=re.I)
    s = " ".join(s.split()).strip(" ,;()")
    s = _STUB_HEADER.sub("", s).strip(" ,;:()")
    return s or None


_STUB_HEADER = re.compile(r"\s*\b(omschrijving|bedragen|onderdeel)$", re.I)
"""The label column's own header ("Omschrijving") is not part of the table's title."""


def _normal_note(note: str) -> str:
    """The sign note as printed, without the stray spaces extraction adds inside quotes."""
    s = " ".join(note.split())
    return re.sub(r"([\"“”'])\s*([-+])\s*([\"“”'])", r"\1\2\3", s)

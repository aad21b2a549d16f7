"""The overview of baten and lasten per taakveld per programme (overzicht per taakveld).

Each programme block starts with "Programma:P1 Veiligheid en handhaving" followed by its column
groups ("Begroting primair 2023", "Begroting na wijziging 2023", "Realisatie 2023" or three
times "Begroting 2024"), then "Saldo van baten en lasten per taakveld  Baten Lasten Saldo ...",
one row per taakveld ("1.1 Crisisbeheersing en brandweer  1.000.000  -3.438.570 ...") and a
total row "Saldo van baten en lasten programma". Amounts are in euros.

The result goes to ``Programme.taakvelden`` (the codes) and ``Programme.taakveld_finance``
(a :class:`FinanceTable` with a column per group and baten/lasten/saldo). The taakveld total is
checked against the programme's own finance table (saldo, to the nearest € 1.000).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from rekenschap.importers.pdf.cells import cells_of, split_label_values
from rekenschap.importers.pdf.columns import ColumnContext, map_column
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.taakveld_signs import clean_cells, repair_signs
from rekenschap.importers.pdf.taakveld_spread import split_spreads
from rekenschap.model import (
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Location,
    MoneyUnit,
    Problem,
    Programme,
    RowKind,
    Severity,
    SignConvention,
)
from rekenschap.model.numbers import parse_number

__all__ = ["attach_taakvelden", "find_taakveld_tables"]

# "PO" is OCR's reading of "P0" (the O is taken as a zero and reported)
_START = re.compile(r"^p?rogramma\s*:\s*P?\s*(\d{1,2}|O)\b", re.I)  # OCR: "rogramma:P6"
_SUBHEADER = re.compile(r"per\s+taakveld", re.I)
_TAAKVELD = re.compile(r"^(\d{1,2}\.\d{1,2}[a-z]?)\s+(.+)$")
_TOTAL = re.compile(r"^saldo\s+van\s+baten\s+en\s+lasten\s+programma", re.I)
_SUBS = {"baten": "baten", "lasten": "lasten", "saldo": "saldo"}


@dataclass
class TaakveldTable:
    """The taakveld rows of one programme block."""

    programme: str
    table: FinanceTable
    codes: tuple[str, ...]
    lines: list[FlowLine] = field(default_factory=list)


def _groups(lines: list[FlowLine], value_x: float) -> list[tuple[str, float]]:
    """Column-group labels with their centres, from the header lines (value area only)."""
    segs = sorted((s for fl in lines for s in fl.segments if s.x0 > value_x),
                  key=lambda s: s.x0)
    merged: list[list[float | str]] = []
    for s in segs:
        if merged and s.x0 - float(merged[-1][2]) < 10:
            merged[-1][0] = f"{merged[-1][0]} {s.text}"
            merged[-1][2] = s.x1
        else:
            merged.append([s.text, s.x0, s.x1])
    return [(str(t), (float(a) + float(b)) / 2) for t, a, b in merged]


def _block(lines: Sequence[FlowLine], start: int, ctx: ColumnContext, file: str,
           ) -> tuple[TaakveldTable | None, int, list[Problem]]:
    number = _START.match(lines[start].text.strip())
    assert number is not None
    problems: list[Problem] = []
    code = number.group(1).upper().replace("O", "0")
    if code != number.group(1):
        problems.append(Problem(
            code="PDF-TAAKVELD-CODE", severity=Severity.NOTICE,
            message=f"taakveld block {lines[start].text.strip()[:40]!r}: the programme number "
                    f"reads as the letter O; taken as programme 0",
            location=Location(file=file, page=lines[start].page, line=lines[start].number)))
    i = start
    header: list[FlowLine] = []
    while i < len(lines) and not _SUBHEADER.search(lines[i].text) and i < start + 4:
        header.append(lines[i])
        i += 1
    if i >= len(lines) or not _SUBHEADER.search(lines[i].text):
        return None, start + 1, problems
    # the value area starts right of the label "Saldo van baten en lasten per taakveld"
    named = next((s for s in lines[i].segments if _SUBHEADER.search(s.text)), None)
    value_x = min(named.x1 + 5 if named is not None else 200, 200 + lines[start].line.x0 - 72)
    subs = [c for c in cells_of(lines[i]) if c.text.lower() in _SUBS and c.x0 > value_x]
    groups = _groups(header, value_x)
    if not subs or not groups:
        return None, i + 1, problems
    columns: list[FinanceColumn] = []
    for sub in subs:
        label, _ = min(groups, key=lambda g: abs(g[1] - sub.centre))
        column, problem = map_column(label, len(columns), ctx, taken=set())
        key = f"{column.key}_{sub.text.lower()}"
        base, n = key, 2
        while any(c.key == key for c in columns):
            key, n = f"{base}_{n}", n + 1
        columns.append(column.model_copy(update={"key": key, "label": f"{label} {sub.text}"}))
        if problem:
            problems.append(problem.model_copy(update={"location": Location(
                file=file, page=lines[i].page, line=lines[i].number)}))
    rows: list[FinanceRow] = []
    codes: list[str] = []
    unsure: dict[int, dict[str, str]] = {}  # per row: columns whose sign OCR garbled
    used = [lines[start], *header, lines[i]]
    i += 1
    while i < len(lines) and not _START.match(lines[i].text.strip()):
        fl = lines[i]
        cleaned, garbled = clean_cells(cells_of(fl))
        label, values = split_label_values(cleaned)
        extra: list[FlowLine] = []
        if not values and _TAAKVELD.match(label) and i + 1 < len(lines):
            # a wrapped name with the amounts on the middle line: "6.71d Overige" /
            # amounts / "maatwerkarrangementen(WMO)"
            label2, values2 = split_label_values(cells_of(lines[i + 1]))
            if len(values2) == len(columns) and not _TAAKVELD.match(label2):
                extra.append(lines[i + 1])
                label, values = f"{label} {label2}".strip(), values2
                if i + 2 < len(lines):
                    tail = lines[i + 2]
                    label3, values3 = split_label_values(cells_of(tail))
                    if (not values3 and not _TAAKVELD.match(label3) and not _START.match(label3)
                            and tail.page == fl.page and tail.line.top - fl.line.top < 30):
                        extra.append(tail)
                        label = f"{label} {label3}"
        if len(values) > len(columns) and _TAAKVELD.match(label):
            # a name ending in a number ("Maatwerkdienstverlening 18-"): the surplus is label
            surplus = len(values) - len(columns)
            label = " ".join([label, *(c.text for c in values[:surplus])])
            values = values[surplus:]
        if len(values) != len(columns):
            if values or _TAAKVELD.match(fl.text.strip()):
                problems.append(Problem(
                    code="PDF-TAAKVELD-CELLS", severity=Severity.WARNING,
                    message=f"taakveld row {label!r} has {len(values)} amounts where the table "
                            f"has {len(columns)} columns; the row is skipped",
                    location=Location(file=file, page=fl.page, line=fl.number)))
                i += 1
                continue
            break
        m = _TAAKVELD.match(label)
        if m:
            codes.append(m.group(1))
        amounts: dict[str, Decimal | None] = {}
        for col, cell in zip(columns, values, strict=True):
            parsed = parse_number(cell.text)
            amounts[col.key] = None if parsed.point_decimal else parsed.value
            if amounts[col.key] is None and parsed.qualifier != "nil":
                problems.append(Problem(
                    code="PDF-FIN-NUMBER", severity=Severity.WARNING,
                    message=f"{cell.text!r} in taakveld row {' '.join(label.split())!r}, column "
                            f"{col.label!r} is not a Dutch amount; the cell is left empty",
                    location=Location(file=file, page=fl.page, line=fl.number)))
            if cell.x0 in garbled:
                unsure.setdefault(len(rows), {})[col.key] = garbled[cell.x0]
        kind = RowKind.SALDO if _TOTAL.match(label) else RowKind.OTHER
        rows.append(FinanceRow(kind=kind, label=" ".join(label.split()), values=amounts,
                               provenance=provenance_of(file, [fl, *extra])))
        used += [fl, *extra]
        i += 1 + len(extra)
        if kind is RowKind.SALDO:
            break
    negative = any(v is not None and v < 0 for r in rows for k, v in r.values.items()
                   if k.endswith("_lasten"))
    # saldo = baten + lasten in every group: a lost or garbled minus sign shows
    repaired = [repair_signs(r, columns, file=file, unsure=unsure.get(n), lost_signs=negative)
                for n, r in enumerate(rows)]
    rows = [r for r, _ in repaired]
    problems += [p for _, found in repaired for p in found]
    table = FinanceTable(
        # the label column's words only: group headers printed beside a wrapped title
        # ("Programma:P2 Mens en" / groups / "maatschappij") are not part of it
        title=" ".join(s.text for fl in header for s in fl.segments if s.x0 < value_x).strip()
        or None,
        unit=MoneyUnit(scale=1), columns=tuple(columns), rows=tuple(rows),
        sign_convention=SignConvention.LASTEN_NEGATIVE if negative else SignConvention.POSITIVE,
        provenance=provenance_of(file, used))
    return TaakveldTable(code, table, tuple(codes), used), i, problems


def find_taakveld_tables(
    flow: Sequence[FlowLine], *, context: ColumnContext, file: str,
) -> tuple[list[TaakveldTable], list[Problem]]:
    """Every programme block of the taakveld overview."""
    out: list[TaakveldTable] = []
    problems: list[Problem] = []
    flow = split_spreads(flow)
    i = 0
    while i < len(flow):
        if _START.match(flow[i].text.strip()):
            table, i, found = _block(flow, i, context, file)
            problems += found
            if table is not None and table.table.rows:
                out.append(table)
        else:
            i += 1
    return out, problems


def _saldo_check(programme: Programme, table: FinanceTable, file: str, path: str,
                 ) -> list[Problem]:
    """The taakveld total saldo against the programme table's saldo, per matching column."""
    finance = programme.finance
    total = table.row(RowKind.SALDO)
    own = finance.row(RowKind.SALDO) if finance else None
    if finance is None or total is None or own is None:
        return []
    scale = Decimal(finance.unit.scale if finance.unit else 1)
    out: list[Problem] = []
    for col in finance.columns:
        match = next((c for c in table.columns if c.kind is col.kind and c.year == col.year
                      and c.key.endswith("_saldo")), None)
        if match is None:
            continue
        printed, detail = own.values.get(col.key), total.values.get(match.key)
        if printed is None or detail is None:
            continue
        if abs(detail / scale - printed) > 1:
            out.append(Problem(
                code="PDF-TAAKVELD-SUM", severity=Severity.WARNING,
                message=f"taakveld total saldo {detail} differs from the programme's saldo "
                        f"{printed} x {scale} in column {col.label!r}",
                location=Location.of(total.provenance, path=path) if total.provenance
                else Location(file=file, path=path)))
    return out


def attach_taakvelden(
    programmes: list[Programme], tables: list[TaakveldTable], *, file: str,
) -> tuple[list[Programme], list[Problem]]:
    """Programmes with their taakveld codes and table, matched by programme number."""
    problems: list[Problem] = []
    numbers = {re.sub(r"\D", "", p.code or ""): i for i, p in enumerate(programmes)
               if p.level == "programma"}  # deelprogramma 1.1 is not programme 11
    out = list(programmes)
    for t in tables:
        i = numbers.get(t.programme)
        if i is None:
            first = t.lines[0]
            problems.append(Problem(
                code="PDF-TAAKVELD-PROGRAMME", severity=Severity.WARNING,
                message=f"taakveld table for programme {t.programme}, which was not found; "
                        f"not attached", location=Location(file=file, page=first.page,
                                                          line=first.number)))
            continue
        problems += _saldo_check(out[i], t.table, file, f"programmes[{i}].taakveld_finance")
        out[i] = out[i].model_copy(update={"taakvelden": t.codes, "taakveld_finance": t.table})
    return out, problems


_CODE_LIST = r"\d{1,2}\.\d{1,3}[a-z]?(?:\s*,\s*\d{1,2}\.\d{1,3}[a-z]?)*"
_LISTED = re.compile(rf"^taakvelden\s*:\s*({_CODE_LIST})\s*,?\s*\.?$", re.I)
_MORE = re.compile(rf"^\s*,?\s*({_CODE_LIST})\s*,?\s*\.?$")


def listed_taakvelden(lines: Sequence[FlowLine]) -> tuple[str, ...]:
    """Taakveld codes a programme lists in a line of their own ("Taakvelden: 1.1, 1.2, 6.71a"),
    which may wrap onto lines of codes only."""
    for i, fl in enumerate(lines):
        m = _LISTED.match(" ".join(fl.text.split()))
        if not m:
            continue
        codes = [m.group(1)]
        for more in lines[i + 1:]:
            n = _MORE.match(" ".join(more.text.split()))
            if n is None:
                break
            codes.append(n.group(1))
        return tuple(c.strip() for part in codes for c in part.split(","))
    return ()

"""XLSX export (openpyxl): one sheet per table, real numbers with number formats.

Cells hold values, not formulas: the computed Verschil (berekend verschil) and the share of the
total are written as the numbers the site shows, so any reader (pandas, LibreOffice without
recalculation, open-data tools) sees them; the note under each table states how a computed
column was made (its sign convention). Numeric cells get the table's number format (the
decimals the document printed); percentages show a "%" but are stored as 12.3, not 0.123.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from rekenschap.render.comparison import ComparisonPage
from rekenschap.render.pagedata import DocumentData, TableData

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(text: str, used: set[str]) -> str:
    """An Excel-safe, unique sheet name (at most 31 characters, no []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub(" ", text).strip().strip("'")[:31] or "Tabel"
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def column_formats(table: TableData) -> list[str]:
    """The number format per column: the table's own, except for a column printed as
    percentages ("12,3%"), which shows the decimals its values have and a "%" sign."""
    formats = []
    for i in range(len(table.headers)):
        cells = [r[i] for r in table.rows
                 if len(r) > i and r[i].numeric and r[i].value is not None]
        if cells and all(c.text.rstrip().endswith("%") for c in cells):
            decimals = max(_decimals(c.value) for c in cells if c.value is not None)
            formats.append("0" + ("." + "0" * decimals if decimals else "") + '"%"')
        else:
            formats.append(table.number_format)
    return formats


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return min(4, -exponent) if isinstance(exponent, int) and exponent < 0 else 0


def _fill(ws: Any, table: TableData, page: str) -> None:
    ws.append([table.caption])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([page])
    ws.append(list(table.headers))
    for cell in ws[3]:
        cell.font = Font(bold=True)
    formats = column_formats(table)
    for row in table.rows:
        values: list[object] = []
        for i, cell in enumerate(row):
            if i > 0 and cell.numeric and cell.value is not None:
                values.append(cell.value)
            else:
                values.append(cell.text)
        ws.append(values)
        for i, (xl, cell) in enumerate(zip(ws[ws.max_row], row, strict=True)):
            if i == 0:
                xl.font = Font(bold=True)
            elif cell.numeric:
                xl.number_format = formats[i]
                xl.alignment = Alignment(horizontal="right")
    if table.note:
        ws.append([])
        ws.append([table.note])
    ws.freeze_panes = "B4"
    for i, header in enumerate(table.headers, start=1):
        longest = max([len(header), *(len(r[i - 1].text) for r in table.rows if len(r) >= i)])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(10, longest + 2))


def comparison_tables(page: ComparisonPage) -> list[tuple[str, str, TableData]]:
    """The comparison page's tables as (page name, short name, table), like ``doc.tables()``;
    a measure's spreadsheet table (Q1, Q3, rank and count as numbers) where the page has one."""
    found = [(page.title, s.heading, s.sheet or s.table) for s in page.measures]
    if page.indicators is not None:
        found.append((page.title, page.indicators.caption, page.indicators))
    return found


def write_xlsx(doc: DocumentData, out: str | Path,
               comparisons: Sequence[ComparisonPage] = ()) -> Path:
    """Every table of the document as its own sheet; the first row is its caption.

    ``comparisons`` (pages with peer municipalities) add a sheet per table after them.
    """
    wb = Workbook()
    default = wb.active
    used: set[str] = set()
    tables = [*doc.tables(), *(t for page in comparisons for t in comparison_tables(page))]
    for page, short, table in tables:
        ws = wb.create_sheet(sheet_title(short, used))
        _fill(ws, table, page)
    if default is not None and len(wb.worksheets) > 1:
        wb.remove(default)
    wb.properties.title = f"{doc.organisation}: {doc.title}"
    wb.properties.creator = "Rekenschap"
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path

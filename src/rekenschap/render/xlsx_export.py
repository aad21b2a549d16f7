"""XLSX export (openpyxl): one sheet per table, real numbers with number formats."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

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


def _fill(ws: Any, table: TableData, page: str) -> None:
    ws.append([table.caption])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([page])
    ws.append(list(table.headers))
    for cell in ws[3]:
        cell.font = Font(bold=True)
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
                xl.number_format = table.number_format
                xl.alignment = Alignment(horizontal="right")
    if table.note:
        ws.append([])
        ws.append([table.note])
    ws.freeze_panes = "B4"
    for i, header in enumerate(table.headers, start=1):
        longest = max([len(header), *(len(r[i - 1].text) for r in table.rows if len(r) >= i)])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(10, longest + 2))


def write_xlsx(doc: DocumentData, out: str | Path) -> Path:
    """Every table of the document as its own sheet; the first row is its caption."""
    wb = Workbook()
    default = wb.active
    used: set[str] = set()
    for page, short, table in doc.tables():
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

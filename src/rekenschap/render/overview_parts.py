"""The document's own overview (overzicht van baten en lasten / recapitulatie) on the front page.

Two tables: the overview as printed, and a reconciliation (aansluiting) of the main column: for
every programme line of the overview and for the document total, the printed amount beside the
amount computed from the programme tables, and their difference. Differences are shown as they
are; when the checks ran, the FIN-TOTALS findings are listed under the tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from rekenschap.model import (
    ColumnKind,
    FinanceColumn,
    FinanceTable,
    MoneyUnit,
    Problem,
    Programme,
    Report,
    RowKind,
)
from rekenschap.render.builder_parts import number_format
from rekenschap.render.formatting import Formatter
from rekenschap.render.messages import message
from rekenschap.render.pagedata import Cell, TableData

_TOTAL = re.compile(r"^saldo\s+van\s+(de\s+)?baten\s+en\s+lasten\b", re.I)
_COMPARED = (RowKind.LASTEN, RowKind.BATEN, RowKind.SALDO)


def _kind_label(kind: RowKind, fmt: Formatter) -> str:
    return message(f"fin.rowkind.{kind.value}", fmt.lang)


def _page(table: FinanceTable) -> str:
    prov = table.provenance
    return f" (p. {prov.page})" if prov is not None and prov.page is not None else ""


def printed_overview(report: Report, fmt: Formatter) -> TableData | None:
    """The overview exactly as printed: one row per printed line and kind."""
    overview = report.overview
    if overview is None or not overview.rows:
        return None
    unit = overview.unit or report.unit
    headers = (message("fin.row", fmt.lang),
               *(f"{c.label} {c.year}" if c.year and str(c.year) not in c.label else c.label
                 for c in overview.columns))
    rows = tuple(
        (Cell(f"{row.label}: {_kind_label(row.kind, fmt)}"),
         *(Cell(fmt.amount(row.values.get(c.key)), row.values.get(c.key), numeric=True)
           for c in overview.columns))
        for row in overview.rows)
    caption = message("doc.printed", fmt.lang, title=overview.title or message(
        "doc.printed.default", fmt.lang)) + _page(overview)
    return TableData(caption=caption, headers=headers, rows=rows,
                     note=message("fin.unit", fmt.lang, unit=fmt.money_unit(unit)),
                     number_format=number_format(
                         [v for r in overview.rows for v in r.values.values()]))


def _same_column(table: FinanceTable, wanted: FinanceColumn) -> FinanceColumn | None:
    same = [c for c in table.columns if c.kind is wanted.kind]
    exact = [c for c in same if c.year == wanted.year]
    return exact[0] if exact else (same[0] if len(same) == 1 else None)


def _in_scale(value: Decimal, table: FinanceTable, report: Report, scale: int) -> Decimal:
    """``value`` from ``table`` expressed in units of ``scale`` euros."""
    return value * (table.unit or report.unit).scale / scale


def _programme_amount(prog: Programme, kind: RowKind, column: FinanceColumn, report: Report,
                      scale: int) -> Decimal | None:
    table = prog.finance
    if table is None:
        return None
    row, col = table.row(kind), _same_column(table, column)
    value = None if row is None or col is None else row.values.get(col.key)
    return None if value is None else _in_scale(value, table, report, scale)


def reconciliation(report: Report, fmt: Formatter, main: ColumnKind | None) -> TableData | None:
    """Printed overview against the programme tables, for the main column."""
    overview = report.overview
    if overview is None or main is None:
        return None
    column = next((c for c in overview.columns if c.kind is main), None)
    if column is None:
        return None
    scale = (overview.unit or report.unit).scale
    by_code = {p.code: p for p in report.all_programmes() if p.code}
    rows: list[tuple[Cell, ...]] = []
    for row in overview.rows:
        shown = row.values.get(column.key)
        if row.kind not in _COMPARED or shown is None:
            continue
        if row.ref is not None and row.ref in by_code:
            computed = _programme_amount(by_code[row.ref], row.kind, column, report, scale)
        elif row.ref is None and _TOTAL.match(row.label):
            parts = [_programme_amount(p, row.kind, column, report, scale)
                     for p in report.programmes]
            computed = (None if not parts or any(v is None for v in parts)
                        else sum((v for v in parts if v is not None), Decimal(0)))
        else:
            continue
        diff = None if computed is None else shown - computed
        rows.append((Cell(f"{row.label}: {_kind_label(row.kind, fmt)}"),
                     Cell(fmt.amount(shown), shown, True),
                     Cell(fmt.amount(computed), computed, True),
                     Cell(fmt.amount(diff), diff, True)))
    if not rows:
        return None
    unit = fmt.money_unit(overview.unit or report.unit or MoneyUnit())
    lang = fmt.lang
    return TableData(
        caption=message("doc.recon", lang, column=column.label),
        headers=(message("fin.row", lang), message("doc.recon.printed", lang),
                 message("doc.recon.tables", lang), message("doc.recon.diff", lang)),
        rows=tuple(rows),
        note=message("fin.unit", lang, unit=unit) + " " + message("doc.recon.note", lang),
        number_format=number_format([c.value for r in rows for c in r[1:]]))


def findings(problems: Sequence[Problem] | None, fmt: Formatter) -> tuple[str, ...]:
    """The FIN-TOTALS problems, each with its own severity (error for the document total)."""
    if problems is None:
        return ()
    found = []
    for p in problems:
        if p.code != "FIN-TOTALS":
            continue
        where = p.location.label()
        found.append(f"{message(f'sev.{p.severity.value}', fmt.lang).capitalize()}: {p.message}"
                     + (f" ({where})" if where and where != "-" else ""))
    return tuple(found)

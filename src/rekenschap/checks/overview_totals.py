"""Programme finance tables against the document overview (recapitulatie / overzicht van baten
en lasten): part of FIN-TOTALS.

1. **The document total.** The overview's "Saldo van baten en lasten" line (baten, lasten,
   saldo of all programmes plus the lines shown apart) must equal the sum of the programmes' own
   tables, per column (tolerance: one unit of the coarser table per programme). A difference is
   an error.
2. **Each programme.** Each overview row that refers to a programme (``FinanceRow.ref``) is
   compared with the same row kind in that programme's own table. Where the document total
   agrees, a difference means the overview shows part of the programme on other lines: many
   documents move the taakvelden of algemene dekkingsmiddelen, overhead, Vpb and onvoorzien out
   of their programme into lines of their own (Wassenaar says so under its recapitulatie). That
   is reported as one notice per overview row, listing the columns that differ; where the total
   does not agree either, as an error per cell.

Amounts are compared in euros and as magnitudes, so tables with different scales or sign
conventions compare correctly; columns are matched by kind and year.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rekenschap.checks.amounts import ROW_NL, magnitude, scale_of, table_amount
from rekenschap.checks.base import Code, programme_label, programmes_with_paths, where
from rekenschap.checks.config import CheckConfig
from rekenschap.model import (
    ColumnKind,
    FinanceColumn,
    FinanceTable,
    Problem,
    Programme,
    Provenance,
    Report,
    RowKind,
    Severity,
)

__all__ = ["check_overview"]

_TOTAL = re.compile(r"^saldo\s+van\s+(de\s+)?baten\s+en\s+lasten\b", re.I)
_KINDS = (RowKind.BATEN, RowKind.LASTEN, RowKind.SALDO)


def _column(table: FinanceTable, wanted: FinanceColumn) -> FinanceColumn | None:
    same = [c for c in table.columns if c.kind is wanted.kind]
    exact = [c for c in same if c.year == wanted.year]
    if exact:
        return exact[0]
    return same[0] if len(same) == 1 and (same[0].year is None or wanted.year is None) else None


def _page(prov: Provenance | None) -> str:
    return f"p. {prov.page}" if prov is not None and prov.page is not None else "page unknown"


def _euros(report: Report, table: FinanceTable, kind: RowKind, column: FinanceColumn,
           ) -> Decimal | None:
    """The amount of ``kind`` in the column like ``column``, in euros as a magnitude."""
    row, col = table.row(kind), _column(table, column)
    value = None if row is None or col is None else row.values.get(col.key)
    if row is None or value is None:
        return None
    return magnitude(table, row, value) * scale_of(table, report)


def _total_agrees(report: Report, config: CheckConfig) -> tuple[
        dict[tuple[RowKind, str], bool], list[tuple[int, FinanceColumn, Decimal, Decimal]]]:
    """Per (row kind, column key): whether the overview's document total equals the sum of the
    programme tables; and the differences (row index, column, overview, programmes in euros)."""
    overview = report.overview
    assert overview is not None
    tables = [p.finance for p in report.programmes]
    agrees: dict[tuple[RowKind, str], bool] = {}
    off: list[tuple[int, FinanceColumn, Decimal, Decimal]] = []
    if not tables or any(t is None for t in tables):
        return agrees, off
    o_scale = scale_of(overview, report)
    tol = config.arithmetic_tolerance * len(tables) * max(
        [o_scale, *(scale_of(t, report) for t in tables if t is not None)])
    for i, row in enumerate(overview.rows):
        if row.ref is not None or row.kind not in _KINDS or not _TOTAL.match(row.label):
            continue
        for col in overview.columns:
            shown = row.values.get(col.key)
            parts = [_euros(report, t, row.kind, col) for t in tables if t is not None]
            if shown is None or any(p is None for p in parts):
                continue
            total = sum((p for p in parts if p is not None), Decimal(0))
            o_eur = magnitude(overview, row, shown) * o_scale
            agrees[(row.kind, col.key)] = abs(o_eur - total) <= tol
            if not agrees[(row.kind, col.key)]:
                off.append((i, col, o_eur, total))
    return agrees, off


def check_overview(report: Report, config: CheckConfig, code: Code) -> list[Problem]:
    """``code`` problems where the programme tables disagree with the overview."""
    overview = report.overview
    if overview is None:
        return []
    agrees, off = _total_agrees(report, config)
    problems = [code.problem(
        f"{overview.rows[i].label}, {ROW_NL[overview.rows[i].kind]}, {col.label}: the overview "
        f"says {table_amount(o_eur)} euro ({_page(overview.rows[i].provenance)}) but the "
        f"programme tables add up to {table_amount(total)} euro",
        where(overview.rows[i].provenance, f"overview.rows[{i}]", overview.provenance))
        for i, col, o_eur, total in off]
    by_code: dict[str, Programme] = {
        p.code: p for _, p in programmes_with_paths(report) if p.code}
    o_scale = scale_of(overview, report)
    for i, row in enumerate(overview.rows):
        prog = by_code.get(row.ref or "")
        table = None if prog is None else prog.finance
        own = None if table is None else table.row(row.kind)
        if prog is None or table is None or own is None:
            continue
        tol = config.arithmetic_tolerance * max(o_scale, scale_of(table, report))
        moved: list[str] = []
        for col in overview.columns:
            if col.kind in (ColumnKind.DIFFERENCE, ColumnKind.OTHER):
                continue
            theirs = _column(table, col)
            shown = row.values.get(col.key)
            mine = None if theirs is None else own.values.get(theirs.key)
            if shown is None or mine is None:
                continue
            o_eur = magnitude(overview, row, shown) * o_scale
            p_eur = magnitude(table, own, mine) * scale_of(table, report)
            if abs(o_eur - p_eur) <= tol:
                continue
            difference = table_amount(abs(o_eur - p_eur) / Decimal(o_scale))
            if agrees.get((row.kind, col.key), False):
                moved.append(f"{col.label}: table {table_amount(mine)}, overview "
                             f"{table_amount(shown)}, difference {difference}")
                continue
            problems.append(code.problem(
                f"{programme_label(prog)}, {ROW_NL[row.kind]}, {col.label}: the programme's "
                f"table says {table_amount(mine)} ({_page(own.provenance or table.provenance)})"
                f" but the overview says {table_amount(shown)} ({_page(row.provenance)}); "
                f"difference {difference} x {table_amount(Decimal(o_scale))} euro",
                where(row.provenance, f"overview.rows[{i}]", overview.provenance,
                      table.provenance)))
        if moved:
            problems.append(code.problem(
                f"{programme_label(prog)}, {ROW_NL[row.kind]}: the programme's table "
                f"({_page(own.provenance or table.provenance)}) and the overview "
                f"({_page(row.provenance)}) differ in {len(moved)} column(s), x "
                f"{table_amount(Decimal(o_scale))} euro: {'; '.join(moved)}; the document "
                "totals agree, so the overview shows this part of the programme on other lines "
                "(algemene dekkingsmiddelen, overhead ...)",
                where(row.provenance, f"overview.rows[{i}]", overview.provenance,
                      table.provenance)).model_copy(update={"severity": Severity.NOTICE}))
    return problems

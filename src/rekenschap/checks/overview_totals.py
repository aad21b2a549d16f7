"""Programme finance tables against the document overview (recapitulatie / overzicht van baten
en lasten): part of FIN-TOTALS.

Each overview row that refers to a programme (``FinanceRow.ref``) is compared, column by column,
with the same row kind in that programme's own finance table, in euros and as magnitudes, so
tables with different scales or sign conventions compare correctly. Columns are matched by kind
and year. The tolerance is one unit of the coarser table (both round on their own).
"""

from __future__ import annotations

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
)

__all__ = ["check_overview"]


def _column(table: FinanceTable, wanted: FinanceColumn) -> FinanceColumn | None:
    same = [c for c in table.columns if c.kind is wanted.kind]
    exact = [c for c in same if c.year == wanted.year]
    if exact:
        return exact[0]
    return same[0] if len(same) == 1 and (same[0].year is None or wanted.year is None) else None


def _page(prov: Provenance | None) -> str:
    return f"p. {prov.page}" if prov is not None and prov.page is not None else "page unknown"


def check_overview(report: Report, config: CheckConfig, code: Code) -> list[Problem]:
    """``code`` problems where a programme's table disagrees with the overview."""
    overview = report.overview
    if overview is None:
        return []
    by_code: dict[str, tuple[str, Programme]] = {
        p.code: (path, p) for path, p in programmes_with_paths(report) if p.code}
    o_scale = scale_of(overview, report)
    problems: list[Problem] = []
    for i, row in enumerate(overview.rows):
        found = by_code.get(row.ref or "")
        if found is None or found[1].finance is None:
            continue
        prog = found[1]
        table = prog.finance
        assert table is not None
        own = table.row(row.kind)
        if own is None:
            continue
        p_scale = scale_of(table, report)
        tol = config.arithmetic_tolerance * max(o_scale, p_scale)
        for col in overview.columns:
            if col.kind in (ColumnKind.DIFFERENCE, ColumnKind.OTHER):
                continue
            theirs = _column(table, col)
            shown, mine = row.values.get(col.key), None if theirs is None else own.values.get(
                theirs.key)
            if shown is None or mine is None:
                continue
            o_eur = magnitude(overview, row, shown) * o_scale
            p_eur = magnitude(table, own, mine) * p_scale
            if abs(o_eur - p_eur) <= tol:
                continue
            problems.append(code.problem(
                f"{programme_label(prog)}, {ROW_NL[row.kind]}, {col.label}: the programme's "
                f"table says {table_amount(mine)} ({_page(own.provenance or table.provenance)}) "
                f"but the overview says {table_amount(shown)} ({_page(row.provenance)}); "
                f"difference {table_amount(abs(o_eur - p_eur) / Decimal(o_scale))} "
                f"x {table_amount(Decimal(o_scale))} euro",
                where(row.provenance, f"overview.rows[{i}]", overview.provenance,
                      table.provenance)))
    return problems

"""The computed Verschil column (berekend verschil) beside a finance table that prints none.

A council member wants the difference between realisatie and begroting na wijziging next to
the numbers. When the document prints its own Verschil column that column is shown as printed
and nothing is computed. Otherwise the difference follows the table's conventions:

- ``actual_minus_amended`` or no stated convention: realisatie − begroting na wijziging;
- ``amended_minus_actual``: begroting na wijziging − realisatie;
- ``favourable_positive`` ("+" = voordeel): with lasten printed negative (Wassenaar) that is
  realisatie − begroting for every row; with lasten printed positive (Groningen) lower lasten
  are the advantage, so lasten rows (and additions to reserves) take begroting − realisatie.
"""

from __future__ import annotations

from decimal import Decimal

from rekenschap.model import (
    ColumnKind,
    DifferenceConvention,
    FinanceRow,
    FinanceTable,
    RowKind,
    SignConvention,
)

_COST_ROWS = {RowKind.LASTEN, RowKind.RESERVE_ADDITION}


def needs_computed_difference(table: FinanceTable) -> bool:
    """True when the table has realisatie and begroting na wijziging but no Verschil column."""
    kinds = {c.kind for c in table.columns}
    return (ColumnKind.DIFFERENCE not in kinds and ColumnKind.ACTUAL in kinds
            and ColumnKind.AMENDED_BUDGET in kinds)


def row_difference(table: FinanceTable, row: FinanceRow) -> Decimal | None:
    """The difference for one row, or ``None`` when either amount is blank."""
    actual, amended = table.column(ColumnKind.ACTUAL), table.column(ColumnKind.AMENDED_BUDGET)
    if actual is None or amended is None:
        return None
    a, b = row.values.get(actual.key), row.values.get(amended.key)
    if a is None or b is None:
        return None
    convention = table.difference_convention
    if convention is DifferenceConvention.AMENDED_MINUS_ACTUAL:
        return b - a
    if (convention is DifferenceConvention.FAVOURABLE_POSITIVE
            and table.sign_convention is SignConvention.POSITIVE and row.kind in _COST_ROWS):
        return b - a
    return a - b


def convention_key(table: FinanceTable) -> str:
    """The message key that explains how the computed column was made."""
    convention = table.difference_convention
    if convention is DifferenceConvention.AMENDED_MINUS_ACTUAL:
        return "fin.diff.amended_minus_actual"
    if convention is DifferenceConvention.FAVOURABLE_POSITIVE:
        return "fin.diff.favourable"
    return "fin.diff.actual_minus_amended"

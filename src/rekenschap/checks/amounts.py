"""Reading finance tables under their sign convention (tekenconventie), and formatting amounts.

Internally every check works with *magnitudes*: lasten and toevoegingen as positive costs, baten and
onttrekkingen as positive income, whatever the table prints. Groningen prints both positive
(``SignConvention.POSITIVE``); Wassenaar prints lasten negative with '"-" = nadeel'
(``SignConvention.LASTEN_NEGATIVE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rekenschap.model import (
    ColumnKind,
    FinanceRow,
    FinanceTable,
    Report,
    RowKind,
    SignConvention,
)
from rekenschap.model.numbers import format_number

COST_ROWS = frozenset({RowKind.LASTEN, RowKind.RESERVE_ADDITION})
"""Rows that are costs: printed negative under LASTEN_NEGATIVE."""

ROW_NL = {
    RowKind.LASTEN: "lasten",
    RowKind.BATEN: "baten",
    RowKind.SALDO: "saldo",
    RowKind.RESERVE_ADDITION: "toevoeging reserves",
    RowKind.RESERVE_WITHDRAWAL: "onttrekking reserves",
    RowKind.RESERVE_MUTATIONS: "mutaties reserves",
    RowKind.RESULT: "resultaat",
    RowKind.OTHER: "overig",
}
COLUMN_NL = {
    ColumnKind.ORIGINAL_BUDGET: "primitieve begroting",
    ColumnKind.AMENDED_BUDGET: "begroting na wijziging",
    ColumnKind.ACTUAL: "realisatie",
    ColumnKind.DIFFERENCE: "verschil",
    ColumnKind.PRIOR_ACTUAL: "realisatie vorig jaar",
    ColumnKind.PRIOR_BUDGET: "begroting vorig jaar",
    ColumnKind.BUDGET: "begroting",
    ColumnKind.ESTIMATE: "raming",
    ColumnKind.OTHER: "overig",
}


def scale_of(table: FinanceTable, report: Report) -> int:
    """Euros per printed unit: the table's scale, else the report's (1000 for "x € 1.000")."""
    return (table.unit or report.unit).scale


def magnitude(table: FinanceTable, row: FinanceRow, value: Decimal) -> Decimal:
    """The amount as a positive cost or positive income, undoing the table's sign convention."""
    if table.sign_convention is SignConvention.LASTEN_NEGATIVE and row.kind in COST_ROWS:
        return -value
    return value


def printed(table: FinanceTable, kind: RowKind, value: Decimal) -> Decimal:
    """The inverse of :func:`magnitude`: how a magnitude of ``kind`` is printed in ``table``."""
    if table.sign_convention is SignConvention.LASTEN_NEGATIVE and kind in COST_ROWS:
        return -value
    return value


def cell(table: FinanceTable, row: FinanceRow, column: ColumnKind) -> Decimal | None:
    col = table.column(column)
    return None if col is None else row.values.get(col.key)


@dataclass(frozen=True)
class Variance:
    """Realisatie against a budget column for one row, in magnitudes and table units."""

    row: FinanceRow
    budget: Decimal
    actual: Decimal
    scale: int

    @property
    def diff(self) -> Decimal:
        """actual - budget (positive: more lasten or more baten than budgeted)."""
        return self.actual - self.budget

    @property
    def diff_euros(self) -> Decimal:
        return self.diff * self.scale

    @property
    def percent(self) -> Decimal | None:
        if self.budget == 0:
            return None
        return self.diff / abs(self.budget) * 100


def variance(
    table: FinanceTable,
    row: FinanceRow,
    scale: int,
    budget_column: ColumnKind = ColumnKind.AMENDED_BUDGET,
    actual_column: ColumnKind = ColumnKind.ACTUAL,
) -> Variance | None:
    """The variance of ``row`` between two columns, or ``None`` when a value is missing."""
    budget, actual = cell(table, row, budget_column), cell(table, row, actual_column)
    if budget is None or actual is None:
        return None
    return Variance(row, magnitude(table, row, budget), magnitude(table, row, actual), scale)


def num(value: Decimal, decimals: int | None = None, locale: str = "nl") -> str:
    """``format_number`` with a cache (babel is slow and checks format the same values often).

    Keyed on the exact text of the Decimal, so 5.4 and 5.40 stay distinct.
    """
    return _num(str(value), decimals, locale)


@lru_cache(maxsize=16384)
def _num(text: str, decimals: int | None, locale: str) -> str:
    return format_number(Decimal(text), decimals, locale)


def euros(amount: Decimal, locale: str = "nl") -> str:
    """€ 3.142.000 (nl) / "€ 3,142,000" (en); the sign is left to the caller."""
    return "€ " + num(abs(amount).quantize(Decimal(1)), 0, locale)


def signed(amount: Decimal, locale: str = "nl") -> str:
    """+3.142 / -148 in table units."""
    text = num(abs(amount), 0 if amount == amount.to_integral_value() else None, locale)
    return ("+" if amount > 0 else "-" if amount < 0 else "") + text


def percent(value: Decimal | None, locale: str = "nl") -> str:
    """48,3 -> "48%"; 4,6 -> "4,6%": whole percents from 10% up, one decimal below."""
    if value is None:
        return "n.v.t." if locale == "nl" else "n/a"
    decimals = 0 if abs(value) >= 10 else 1
    return num(abs(value).quantize(Decimal(1) / Decimal(10) ** decimals), decimals, locale) + "%"


def table_amount(value: Decimal, locale: str = "nl") -> str:
    """An amount in table units as printed ("45.324")."""
    return num(value, 0 if value == value.to_integral_value() else None, locale)

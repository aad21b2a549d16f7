"""A computed difference column (Verschil (berekend) / Difference (computed)) is not data.

This project's exports print, beside a finance table that has no Verschil column of its own,
the difference it computed (realisatie − begroting na wijziging, or the other way round as
the table's convention says) with a header that says so. Reading such a PDF back, that column
is derived: when every amount in it is the difference of the realisatie and the begroting na
wijziging (either sign, per row), it is dropped and the table is the one the document has. A
column that does not agree is kept as a printed difference column, where the checks
(FIN-DIFFERENCE, ``rekenschap check``) report the disagreement, so nothing is silently lost.
"""

from __future__ import annotations

import re

from rekenschap.model import ColumnKind, FinanceColumn, FinanceTable

__all__ = ["drop_computed_difference"]

_COMPUTED = re.compile(r"\((?:berekend|computed)\)\s*$", re.I)


def _agrees(table: FinanceTable, column: FinanceColumn) -> bool:
    actual, amended = table.column(ColumnKind.ACTUAL), table.column(ColumnKind.AMENDED_BUDGET)
    if actual is None or amended is None:
        return False
    for row in table.rows:
        value = row.values.get(column.key)
        a, b = row.values.get(actual.key), row.values.get(amended.key)
        if a is None or b is None:
            if value is not None:
                return False
        elif value is None or value not in {a - b, b - a}:
            return False
    return True


def drop_computed_difference(table: FinanceTable) -> FinanceTable:
    """``table`` without the computed difference columns that agree with its amounts."""
    derived = {c.key for c in table.columns if _COMPUTED.search(c.label) and _agrees(table, c)}
    if not derived:
        return table
    rows = tuple(r.model_copy(update={"values": {k: v for k, v in r.values.items()
                                                 if k not in derived}}) for r in table.rows)
    return table.model_copy(update={
        "columns": tuple(c for c in table.columns if c.key not in derived), "rows": rows})

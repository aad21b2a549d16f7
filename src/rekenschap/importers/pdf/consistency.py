"""Rounding remarks on an imported finance table (afrondingsverschillen), as problems.

One finding, one owner: whether a table adds up is the checks' business (FIN-SALDO, FIN-RESERVES,
FIN-DIFFERENCE in :mod:`rekenschap.checks.finance_arithmetic`), which report a broken sum once,
with the row's page and line, whether the report came from a PDF or not. The importer reports
only what it read: where the printed digits differ from the computed sum by exactly one unit of
the stated scale (separate rounding of each amount), a ``PDF-FIN-ROUNDING`` notice says so. The
checks tolerate that difference by default (``arithmetic_tolerance`` = 1 unit), so the two never
report the same thing; larger differences are left to the checks.

Under the table's sign convention: saldo = baten + lasten (lasten printed negative) or
baten - lasten (both positive); mutaties reserves = onttrekking + toevoeging (toevoeging
negative) or onttrekking - toevoeging; resultaat = saldo + mutaties; and Verschil = realisatie
- begroting na wijziging (in favourable-positive terms for positive lasten).
"""

from __future__ import annotations

from decimal import Decimal

from rekenschap.model import (
    ColumnKind,
    FinanceTable,
    Location,
    Problem,
    RowKind,
    Severity,
    SignConvention,
)

__all__ = ["finance_problems"]

_ROUNDING = Decimal(1)


def _get(table: FinanceTable, kind: RowKind, key: str) -> Decimal | None:
    row = table.row(kind)
    return None if row is None else row.values.get(key)


def _problem(table: FinanceTable, file: str, path: str, what: str, printed: Decimal,
             expected: Decimal, row: RowKind, column: str) -> Problem | None:
    """A rounding notice, or ``None`` when the difference is larger (the checks own that)."""
    diff = printed - expected
    if abs(diff) > _ROUNDING:
        return None
    r = table.row(row)
    prov = r.provenance if r is not None and r.provenance else table.provenance
    return Problem(
        code="PDF-FIN-ROUNDING", severity=Severity.NOTICE,
        message=f"{what} in column {column!r}: printed {printed}, computed {expected} "
                f"(difference {diff})",
        location=Location.of(prov, path=path) if prov else Location(file=file, path=path),
    )


def finance_problems(table: FinanceTable, *, file: str, path: str) -> list[Problem]:
    """A notice per rounding difference in ``table``; empty when it adds up exactly or is off by
    more than rounding (then a check reports it)."""
    out: list[Problem | None] = []
    neg = table.sign_convention is SignConvention.LASTEN_NEGATIVE
    for col in table.columns:
        k = col.key
        baten, lasten = _get(table, RowKind.BATEN, k), _get(table, RowKind.LASTEN, k)
        saldo = _get(table, RowKind.SALDO, k)
        if col.kind is not ColumnKind.DIFFERENCE and None not in (baten, lasten, saldo):
            assert baten is not None and lasten is not None and saldo is not None
            expected = baten + lasten if neg else baten - lasten
            if saldo != expected:
                out.append(_problem(table, file, path, "saldo != baten + lasten" if neg else
                                    "saldo != baten - lasten", saldo, expected, RowKind.SALDO, k))
        add = _get(table, RowKind.RESERVE_ADDITION, k)
        wd = _get(table, RowKind.RESERVE_WITHDRAWAL, k)
        mut = _get(table, RowKind.RESERVE_MUTATIONS, k)
        if None not in (add, wd, mut):
            assert add is not None and wd is not None and mut is not None
            expected = wd + add if (neg or add <= 0) else wd - add
            if mut != expected:
                out.append(_problem(table, file, path, "mutaties reserves != onttrekking + "
                                    "toevoeging", mut, expected, RowKind.RESERVE_MUTATIONS, k))
        result = _get(table, RowKind.RESULT, k)
        if None not in (saldo, mut, result):
            assert saldo is not None and mut is not None and result is not None
            if result != saldo + mut:
                out.append(_problem(table, file, path, "resultaat != saldo + mutaties reserves",
                                    result, saldo + mut, RowKind.RESULT, k))
    out += _difference_problems(table, file, path, neg)
    return [p for p in out if p is not None]


def _difference_problems(table: FinanceTable, file: str, path: str, neg: bool,
                         ) -> list[Problem | None]:
    diff, actual = table.column(ColumnKind.DIFFERENCE), table.column(ColumnKind.ACTUAL)
    amended = table.column(ColumnKind.AMENDED_BUDGET)
    if diff is None or actual is None or amended is None:
        return []
    out: list[Problem | None] = []
    for row in table.rows:
        d, a, b = row.values.get(diff.key), row.values.get(actual.key), row.values.get(amended.key)
        if d is None or a is None or b is None:
            continue
        expense = row.kind is RowKind.LASTEN or (row.kind is RowKind.RESERVE_ADDITION and not neg)
        expected = (b - a) if (expense and not neg) else (a - b)
        if d != expected:
            out.append(_problem(table, file, path, f"verschil of {row.label!r} != realisatie - "
                                f"begroting na wijziging", d, expected, row.kind, diff.key))
    return out

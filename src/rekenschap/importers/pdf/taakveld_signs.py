"""Lost minus signs in a taakveld row (verloren mintekens), found by the row's own arithmetic.

Each column group of the taakveld overview prints baten, lasten and saldo, and saldo is
baten + lasten to the euro (lasten negative). A minus sign is thin and OCR drops it now and
then (jaarstukken 2019, page 200: P1's total saldo "2.732.274" where 45.911 - 2.778.185 =
-2.732.274). When exactly one of the three amounts, negated, makes the sum hold to the euro,
that amount lost its sign: it is negated and reported (PDF-TAAKVELD-SIGN, a notice naming the
row, column and both readings). Anything else is left as printed for the checks to judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rekenschap.model import FinanceColumn, FinanceRow, Location, Problem, Severity

__all__ = ["repair_signs"]

_PARTS = ("baten", "lasten", "saldo")


def _triples(columns: Sequence[FinanceColumn]) -> list[tuple[str, str, str]]:
    """The keys of each (baten, lasten, saldo) group, in column order."""
    keys = [c.key for c in columns]
    out: list[tuple[str, str, str]] = []
    for i in range(len(keys) - 2):
        b, la, s = keys[i:i + 3]
        if (b.endswith("_baten") and la.endswith("_lasten") and s.endswith("_saldo")
                and b[:-6] == la[:-7] == s[:-6]):
            out.append((b, la, s))
    return out


def _flip(values: dict[str, Decimal | None], keys: tuple[str, str, str]) -> str | None:
    """The one key whose negated amount makes baten + lasten == saldo, else ``None``."""
    amounts = [values.get(k) for k in keys]
    if any(a is None for a in amounts):
        return None
    baten, lasten, saldo = (a for a in amounts if a is not None)
    if baten + lasten == saldo:
        return None
    fits = [key for key, (b, la, s) in zip(keys, (
        (-baten, lasten, saldo), (baten, -lasten, saldo), (baten, lasten, -saldo)), strict=True)
        if b + la == s and la <= 0]  # lasten print negative in this overview
    return fits[0] if len(fits) == 1 else None


def repair_signs(row: FinanceRow, columns: Sequence[FinanceColumn], *, file: str,
                 ) -> tuple[FinanceRow, list[Problem]]:
    """``row`` with lost minus signs restored, and a notice for each one."""
    values = dict(row.values)
    problems: list[Problem] = []
    labels = {c.key: c.label or c.key for c in columns}
    for keys in _triples(columns):
        key = _flip(values, keys)
        if key is None:
            continue
        printed = values[key]
        assert printed is not None
        values[key] = -printed
        where = (Location.of(row.provenance) if row.provenance is not None
                 else Location(file=file))
        problems.append(Problem(
            code="PDF-TAAKVELD-SIGN", severity=Severity.NOTICE,
            message=f"taakveld row {row.label!r}, column {labels[key]!r}: printed {printed}, "
                    f"but baten + lasten = saldo only with {-printed}; read as {-printed} "
                    f"(a minus sign lost, e.g. by OCR)",
            location=where))
    if not problems:
        return row, []
    return row.model_copy(update={"values": values}), problems

"""Lost minus signs in a taakveld row (verloren mintekens), found by the row's own arithmetic.

Each column group of the taakveld overview prints baten, lasten and saldo, and saldo is
baten + lasten to the euro (lasten negative). A minus sign is thin and OCR drops it now and
then (jaarstukken 2019, page 200: P1's total saldo "2.732.274" where 45.911 - 2.778.185 =
-2.732.274). When exactly one of the three amounts, negated, makes the sum hold to the euro,
that amount lost its sign: it is negated and reported (PDF-TAAKVELD-SIGN, a notice naming the
row, column and both readings). Anything else is left as printed for the checks to judge.

OCR also turns a minus into "=", "_" or "—-" ("=1.943.017", "_27.669.824", "-—-13.229.946"),
where "_" may as well be a stray underline: such an amount is read with its sign open
(:func:`clean_cells`), and the group's arithmetic decides it. When exactly one choice of signs
adds up, that is taken (notice); otherwise the amount is left empty (warning), never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from itertools import product

from rekenschap.importers.pdf.cells import Cell
from rekenschap.model import FinanceColumn, FinanceRow, Location, Problem, Severity

__all__ = ["clean_cells", "repair_signs"]

_NOISY = re.compile(r"^(?=.*[=_\u2014])[-=_\u2013\u2014\u2212]{1,4}(\d{1,3}(?:\.\d{3})*)$")
_NOISE = re.compile(r"^[=_|]+$")
_RULED = re.compile(r"^[|(\[]+(?=\d{1,2}\.\d)")  # a cell border before "0.2 Burgerzaken"

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


def clean_cells(cells: Sequence[Cell]) -> tuple[list[Cell], dict[float, str]]:
    """The cells of a taakveld line with OCR's noise taken out: a lone "_", "=" or "|" (a
    cell border) is dropped, as is a border glued to the taakveld code ("|0.2"); an amount
    behind "=", "_" or "—" becomes provisionally negative. Also returns the left edges of those
    amounts with the text OCR read (their sign is still open)."""
    out: list[Cell] = []
    unsure: dict[float, str] = {}
    for n, cell in enumerate(cells):
        if _NOISE.match(cell.text):
            continue
        if n == 0 and _RULED.match(cell.text):
            cell = Cell(_RULED.sub("", cell.text), cell.x0, cell.x1)
        m = _NOISY.match(cell.text)
        if m:
            unsure[cell.x0] = cell.text
            cell = Cell("-" + m.group(1), cell.x0, cell.x1)
        out.append(cell)
    return out, unsure


def _choose(values: dict[str, Decimal | None], keys: tuple[str, str, str],
            open_keys: list[str]) -> dict[str, Decimal] | None:
    """The one choice of signs for ``open_keys`` that makes the group add up, else ``None``."""
    fits: list[dict[str, Decimal]] = []
    for signs in product((1, -1), repeat=len(open_keys)):
        trial = dict(values)
        for key, sign in zip(open_keys, signs, strict=True):
            amount = trial[key]
            trial[key] = None if amount is None else sign * abs(amount)
        b, la, s = (trial[k] for k in keys)
        if b is not None and la is not None and s is not None and b + la == s and la <= 0:
            fits.append({k: v for k in open_keys if (v := trial[k]) is not None})
    unique = {tuple(sorted(f.items())) for f in fits}
    return fits[0] if len(unique) == 1 else None


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


def _lost(row: FinanceRow, label: str, printed: Decimal | None, read: Decimal,
          where: Location) -> Problem:
    return Problem(
        code="PDF-TAAKVELD-SIGN", severity=Severity.NOTICE,
        message=f"taakveld row {row.label!r}, column {label!r}: printed {printed}, but baten + "
                f"lasten = saldo only with {read}; read as {read} (a minus sign lost, e.g. by "
                f"OCR)", location=where)


def repair_signs(row: FinanceRow, columns: Sequence[FinanceColumn], *, file: str,
                 unsure: Mapping[str, str] | None = None, lost_signs: bool = True,
                 ) -> tuple[FinanceRow, list[Problem]]:
    """``row`` with lost minus signs restored (``lost_signs``: only in a table that prints
    lasten negative), and a notice for each one; ``unsure``: the columns whose sign OCR
    garbled, with the text it read (decided in any table)."""
    values = dict(row.values)
    problems: list[Problem] = []
    labels = {c.key: c.label or c.key for c in columns}
    where = Location.of(row.provenance) if row.provenance is not None else Location(file=file)
    unsure = unsure or {}
    for keys in _triples(columns):
        open_keys = [k for k in keys if k in unsure]
        if open_keys:
            chosen = _choose(values, keys, open_keys)
            if chosen is None and lost_signs:  # and one printed sign lost besides?
                extra = [c for k in keys if k not in open_keys
                         if (c := _choose(values, keys, [*open_keys, k])) is not None]
                chosen = extra[0] if len(extra) == 1 else None
            picked = chosen or {}
            for lost in (k for k in keys if k in picked and k not in open_keys):
                problems.append(_lost(row, labels[lost], values[lost], picked[lost], where))
                values[lost] = picked[lost]
            for open_key in open_keys:
                if chosen is not None:
                    values[open_key] = chosen[open_key]
                    text = f"read as {chosen[open_key]} (baten + lasten = saldo)"
                else:
                    values[open_key] = None
                    text = "left empty: no single sign adds up with baten + lasten = saldo"
                problems.append(Problem(
                    code="PDF-TAAKVELD-SIGN",
                    severity=Severity.NOTICE if chosen is not None else Severity.WARNING,
                    message=f"taakveld row {row.label!r}, column {labels[open_key]!r}: OCR read "
                            f"{unsure[open_key]!r}; {text}", location=where))
            continue
        key = _flip(values, keys) if lost_signs else None
        if key is None:
            continue
        printed = values[key]
        assert printed is not None
        problems.append(_lost(row, labels[key], printed, -printed, where))
        values[key] = -printed
    if not problems:
        return row, []
    return row.model_copy(update={"values": values}), problems

"""Map a printed finance column header to a :class:`ColumnKind` and year (kolomsoort).

The kind depends on the words ("primair", "na wijziging", "Realisatie", "Verschil") and on
how the column's year relates to the document: in a begroting for 2024, "Rekening 2022" is a
prior actual, "Begroting 2023" a prior budget, "Begroting 2024" the budget and later years
are estimates (meerjarenraming). "Begroting 2019 actueel" and "actuele begroting" name the
budget after amendments (begroting na wijziging), like "gewijzigd" and "bijgesteld".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rekenschap.model import ColumnKind, DocumentKind, FinanceColumn, Problem, Severity

__all__ = ["ColumnContext", "map_column"]

_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class ColumnContext:
    kind: DocumentKind
    year: int


def _kind(low: str, year: int | None, ctx: ColumnContext) -> ColumnKind | None:
    annual = ctx.kind in {DocumentKind.JAARSTUKKEN, DocumentKind.JAARVERSLAG}
    if "verschil" in low or "afwijking" in low:
        return ColumnKind.DIFFERENCE
    if re.search(r"primair|primitie|oorspronkelijk", low):
        return ColumnKind.ORIGINAL_BUDGET if year in (None, ctx.year) else ColumnKind.PRIOR_BUDGET
    if re.search(r"na\s+wijz|gewijzigd|actue(el|le)\b|bijgesteld", low):
        current = year in (None, ctx.year)
        return ColumnKind.AMENDED_BUDGET if current else ColumnKind.PRIOR_BUDGET
    if re.search(r"realisatie|rekening|werkelijk", low):
        if year is None:  # in jaarstukken a bare "Realisatie" is the year reported on
            return ColumnKind.ACTUAL if annual else None
        return ColumnKind.ACTUAL if (annual and year == ctx.year) else ColumnKind.PRIOR_ACTUAL
    if re.search(r"begroting|raming|meerjaren", low):
        if year is None:
            return None
        if year < ctx.year:
            return ColumnKind.PRIOR_BUDGET
        if year == ctx.year:
            return None if annual else ColumnKind.BUDGET
        return ColumnKind.ESTIMATE
    return None


def map_column(
    label: str, index: int, ctx: ColumnContext, *, taken: set[str],
) -> tuple[FinanceColumn, Problem | None]:
    """The column for a printed header; kind ``OTHER`` plus a problem when it cannot be mapped."""
    text = " ".join(label.split())
    years = [int(m.group()) for m in _YEAR.finditer(text)]
    year = years[0] if years else None
    kind = _kind(text.lower(), year, ctx)
    problem = None
    if kind is None:
        kind = ColumnKind.OTHER
        problem = Problem(
            code="PDF-FIN-COLUMN", severity=Severity.WARNING,
            message=f"finance column {index + 1} header {text!r} cannot be mapped to a column "
                    f"kind; kept as 'other'")
    key = kind.value if year is None else f"{kind.value}_{year}"
    base, n = key, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return FinanceColumn(key=key, kind=kind, label=text or f"kolom {index + 1}", year=year), problem

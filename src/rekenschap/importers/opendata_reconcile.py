"""Iv3 reconciliation (aansluiting Iv3): a programme's finance table against its taakvelden.

For each programme (or deelprogramma) with ``taakvelden`` and a finance table, the table's
lasten and baten (in the table's scale and sign convention) are compared with the sum of the
municipality's Iv3 figures on those taakvelden for the document's year: the realisation column
against Iv3 ``jaarrekening`` for jaarstukken, the budget column against Iv3 ``begroting``
otherwise. It lives in the importers layer so a registered check can call it.

Iv3 amounts are rounded to EUR 1.000 per taakveld and the table to its own scale, so the
tolerance always includes that rounding; on top of it a relative tolerance (default 1 %)
covers allocations the two reports treat differently. Differences beyond it become one
``IV3-TAAKVELD`` problem each, naming both amounts and the taakvelden involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from rekenschap.importers.iv3 import IV3_SCALE
from rekenschap.model import (
    ColumnKind,
    DocumentKind,
    FinanceTable,
    Location,
    Problem,
    Programme,
    Report,
    RowKind,
    Severity,
    SignConvention,
)
from rekenschap.model.numbers import format_amount

__all__ = ["DEFAULT_RELATIVE", "Iv3Figures", "Reconciliation", "phase_of", "reconcile_report"]

DEFAULT_RELATIVE = Decimal("0.01")
_ACTUAL_KINDS = (ColumnKind.ACTUAL,)
_BUDGET_KINDS = (ColumnKind.BUDGET, ColumnKind.ORIGINAL_BUDGET, ColumnKind.AMENDED_BUDGET)


class Iv3Figures(Protocol):
    """What reconciliation needs (``Iv3Data`` has it): positive amounts in EUR x 1.000."""

    def amounts(self, cbs_code: str, year: int, phase: str,
                taakveld: str) -> tuple[Decimal, Decimal] | None: ...


@dataclass(frozen=True)
class Reconciliation:
    """One comparison: a programme's lasten or baten against the Iv3 sum, in euros."""

    path: str
    programme: str
    kind: RowKind
    taakvelden: tuple[str, ...]
    missing_taakvelden: tuple[str, ...]
    document: Decimal
    iv3: Decimal
    tolerance: Decimal

    @property
    def difference(self) -> Decimal:
        return self.document - self.iv3

    @property
    def agrees(self) -> bool:
        return abs(self.difference) <= self.tolerance


def phase_of(report: Report) -> str:
    """``"jaarrekening"`` for annual accounts, ``"begroting"`` for everything else."""
    kind = report.document.kind
    return "jaarrekening" if kind in (DocumentKind.JAARSTUKKEN, DocumentKind.JAARVERSLAG) \
        else "begroting"


def _walk(programmes: tuple[Programme, ...], prefix: str) -> list[tuple[str, Programme]]:
    out: list[tuple[str, Programme]] = []
    for i, programme in enumerate(programmes):
        path = f"{prefix}[{i}]"
        out.append((path, programme))
        out.extend(_walk(programme.subprogrammes, f"{path}.subprogrammes"))
    return out


def _column_key(table: FinanceTable, phase: str, year: int) -> str | None:
    kinds = _ACTUAL_KINDS if phase == "jaarrekening" else _BUDGET_KINDS
    for kind in kinds:
        same_year = [c for c in table.columns if c.kind is kind and c.year in (None, year)]
        if same_year:
            return same_year[0].key
    return None


def reconcile_report(report: Report, figures: Iv3Figures, *,
                     relative: Decimal = DEFAULT_RELATIVE,
                     ) -> tuple[list[Reconciliation], list[Problem]]:
    """Compare every programme that names its taakvelden with the Iv3 figures."""
    code = report.organisation.cbs_code
    year, phase = report.document.year, phase_of(report)
    results: list[Reconciliation] = []
    problems: list[Problem] = []
    if code is None:
        return results, [Problem(code="IV3-NO-CBS-CODE", severity=Severity.NOTICE,
                                 message="the organisation has no CBS code; Iv3 not compared",
                                 location=Location(path="organisation.cbs_code"))]
    for path, programme in _walk(report.programmes, "programmes"):
        if not programme.taakvelden or programme.finance is None:
            continue
        found = _reconcile(programme, path, code, year, phase, figures, report, relative)
        results.extend(found[0])
        problems.extend(found[1])
    return results, problems


def _reconcile(programme: Programme, path: str, code: str, year: int, phase: str,
               figures: Iv3Figures, report: Report, relative: Decimal,
               ) -> tuple[list[Reconciliation], list[Problem]]:
    table = programme.finance
    assert table is not None
    where = Location.of(table.provenance, path=f"{path}.finance")
    key = _column_key(table, phase, year)
    if key is None:
        return [], [Problem(code="IV3-NO-COLUMN", severity=Severity.NOTICE,
                            message=f"{programme.name}: no {phase} column for {year} to compare "
                                    "with Iv3", location=where)]
    sums = {RowKind.BATEN: Decimal(0), RowKind.LASTEN: Decimal(0)}
    used: list[str] = []
    missing: list[str] = []
    for taakveld in programme.taakvelden:
        amounts = figures.amounts(code, year, phase, taakveld)
        if amounts is None:
            missing.append(taakveld)
            continue
        used.append(taakveld)
        sums[RowKind.BATEN] += amounts[0] * IV3_SCALE
        sums[RowKind.LASTEN] += amounts[1] * IV3_SCALE
    if not used:
        return [], [Problem(code="IV3-NO-DATA", severity=Severity.NOTICE,
                            message=f"{programme.name}: no Iv3 {phase} {year} figures for {code} "
                                    f"on taakvelden {', '.join(programme.taakvelden)}",
                            location=where)]
    scale = (table.unit or report.unit).scale
    rounding = Decimal(500) * len(used) + Decimal(scale) / 2
    results: list[Reconciliation] = []
    problems: list[Problem] = []
    for kind, iv3 in sums.items():
        row = table.row(kind)
        value = row.values.get(key) if row is not None else None
        if row is None or value is None:
            continue
        document = value * scale
        if kind is RowKind.LASTEN and table.sign_convention is SignConvention.LASTEN_NEGATIVE:
            document = -document
        result = Reconciliation(path=path, programme=programme.name, kind=kind,
                                taakvelden=tuple(used), missing_taakvelden=tuple(missing),
                                document=document, iv3=iv3,
                                tolerance=rounding + relative * abs(iv3))
        results.append(result)
        if not result.agrees:
            problems.append(_mismatch(result, phase, year, Location.of(
                row.provenance or table.provenance,
                path=f"{path}.finance.rows[{table.rows.index(row)}]")))
    return results, problems


def _mismatch(result: Reconciliation, phase: str, year: int, where: Location) -> Problem:
    missing = (f"; no Iv3 figures for {', '.join(result.missing_taakvelden)}"
               if result.missing_taakvelden else "")
    return Problem(
        code="IV3-TAAKVELD", severity=Severity.WARNING,
        message=(f"{result.programme}: {result.kind.value} {format_amount(result.document)} in "
                 f"the table, Iv3 {phase} {year} gives {format_amount(result.iv3)} on taakvelden "
                 f"{', '.join(result.taakvelden)} (difference {format_amount(result.difference)}, "
                 f"tolerance {format_amount(result.tolerance)}){missing}"),
        location=where)

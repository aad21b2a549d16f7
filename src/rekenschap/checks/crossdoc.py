"""Checks across documents: the annual report's primitieve begroting against that year's budget."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from rekenschap.checks.amounts import ROW_NL, cell, magnitude, scale_of, table_amount
from rekenschap.checks.base import Code, cbs_code_of, programme_label, programmes_with_paths, where
from rekenschap.checks.config import CheckConfig
from rekenschap.model import ColumnKind, DocumentKind, Problem, Programme, Report, RowKind, Severity

PRIMITIVE = Code(
    "XDOC-PRIMITIVE-BUDGET",
    Severity.ERROR,
    "Primitieve begroting in the annual report differs from the adopted budget",
    "The primitieve begroting column of the jaarstukken must show the budget as the council "
    "adopted it: the figures of the programme budget of that year. When both documents are loaded, "
    "every programme's lasten and baten are compared (programmes matched by code, else by name).",
    "BBV art. 27 lid 2 (primitieve begroting column) and art. 8 (the adopted programme budget)",
)
_ANNUAL = (DocumentKind.JAARSTUKKEN, DocumentKind.JAARVERSLAG)


def _key(prog: Programme) -> str:
    return (
        prog.code.lower().lstrip("p")
        if prog.code
        else re.sub(r"\W+", " ", prog.name.lower()).strip()
    )


def _amounts(
    report: Report, prog: Programme, column: ColumnKind, year: int
) -> dict[RowKind, Decimal]:
    table = prog.finance
    if table is None:
        return {}
    cols = [c for c in table.columns if c.kind is column and c.year in (None, year)]
    if not cols:
        return {}
    out: dict[RowKind, Decimal] = {}
    for kind in (RowKind.LASTEN, RowKind.BATEN):
        row = table.row(kind)
        value = None if row is None else row.values.get(cols[0].key)
        if row is not None and value is not None:
            out[kind] = magnitude(table, row, value) * scale_of(table, report)
    return out


def check_primitive_budget(reports: Sequence[Report], config: CheckConfig) -> list[Problem]:
    """XDOC-PRIMITIVE-BUDGET for every (jaarstukken Y, begroting Y) pair of one organisation."""
    problems: list[Problem] = []
    for annual in reports:
        if annual.document.kind not in _ANNUAL:
            continue
        year = annual.document.year
        budgets = [
            b
            for b in reports
            if b.document.kind is DocumentKind.BEGROTING
            and b.document.year == year
            and _same_org(b, annual)
        ]
        for budget in budgets:
            planned = {_key(p): p for p in budget.all_programmes() if p.finance is not None}
            for path, prog in programmes_with_paths(annual):
                other = planned.get(_key(prog))
                if other is None or prog.finance is None:
                    continue
                mine = _amounts(annual, prog, ColumnKind.ORIGINAL_BUDGET, year)
                theirs = _amounts(budget, other, ColumnKind.BUDGET, year)
                tol = config.arithmetic_tolerance * scale_of(prog.finance, annual)
                for kind, value in mine.items():
                    if kind in theirs and abs(value - theirs[kind]) > tol:
                        scale = scale_of(prog.finance, annual)
                        problems.append(
                            PRIMITIVE.problem(
                                f"{programme_label(prog)}: primitieve begroting {ROW_NL[kind]} "
                                f"{table_amount(value / scale)} in the "
                                f"{annual.document.kind.value} "
                                f"{year}, but the begroting {year} has "
                                f"{table_amount(theirs[kind] / scale)}",
                                where(prog.finance.provenance, f"{path}.finance", prog.provenance),
                            )
                        )
    return problems


def _same_org(a: Report, b: Report) -> bool:
    code_a, code_b = cbs_code_of(a), cbs_code_of(b)
    if code_a and code_b:
        return code_a == code_b
    return a.organisation.name.lower() == b.organisation.name.lower()


_ = cell

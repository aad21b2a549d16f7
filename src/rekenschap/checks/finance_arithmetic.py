"""Arithmetic of finance tables (rekenkundige juistheid): saldo, Verschil, reserves, totals."""

from __future__ import annotations

from decimal import Decimal

from rekenschap.checks.amounts import (
    COLUMN_NL,
    ROW_NL,
    cell,
    magnitude,
    printed,
    scale_of,
    table_amount,
)
from rekenschap.checks.base import Code, programme_label, programmes_with_paths, where
from rekenschap.checks.config import CheckConfig
from rekenschap.checks.overview_totals import check_overview
from rekenschap.model import (
    ColumnKind,
    DifferenceConvention,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Location,
    Problem,
    Report,
    RowKind,
    Severity,
    SignConvention,
)

SALDO = Code(
    "FIN-SALDO",
    Severity.ERROR,
    "Saldo is not baten minus lasten",
    "Every column's saldo row must equal baten minus lasten under the table's sign convention "
    "(Wassenaar prints lasten negative, so there saldo = baten + lasten as printed). A saldo that "
    "does not add up means a typing or extraction error in an amount the council adopts.",
    "BBV art. 8 lid 3 and art. 25 lid 2 (baten, lasten and saldo per programme)",
)
SIGN = Code(
    "FIN-SIGN",
    Severity.WARNING,
    "Amount has the opposite sign of the stated convention",
    "A saldo or resultaat whose size is right but whose sign is reversed suggests the table uses "
    "another sign convention than the one recorded (e.g. a nadelig saldo printed positive). The "
    "reader cannot tell voordeel from nadeel; state the convention (sign_note) or fix the sign.",
    "BBV art. 8 lid 3 / art. 25 lid 2; the document's own sign statement",
)
DIFFERENCE = Code(
    "FIN-DIFFERENCE",
    Severity.ERROR,
    "Verschil column does not equal budget minus realisatie",
    "The Verschil column must equal the begroting na wijziging minus the realisatie with the sign "
    "the document states (actual - amended, amended - actual, or '\"+\" = voordeel'). When the "
    "convention is not recorded, each of the three is tried and the column must fit one for all "
    "rows.",
    "BBV art. 27 lid 2 (columns of the programme account); the document's sign statement",
)
RESERVES = Code(
    "FIN-RESERVES",
    Severity.ERROR,
    "Reserve mutations or resultaat do not add up",
    "Mutaties reserves must equal onttrekkingen minus toevoegingen, and the resultaat must equal "
    "the "
    "saldo van baten en lasten plus the mutaties reserves, in every column.",
    "BBV overzicht van baten en lasten (saldo, mutaties reserves, gerealiseerd resultaat)",
)
TOTALS = Code(
    "FIN-TOTALS",
    Severity.ERROR,
    "Programme total differs from the sum of its deelprogramma's or from the overview",
    "Where a programme and all of its deelprogramma's have finance tables, each row and column of "
    "the programme must equal the sum over its deelprogramma's (rounding tolerance: one table unit "
    "per deelprogramma). Where the document has an overview of baten and lasten per programme "
    "(recapitulatie / overzicht van baten en lasten), its 'Saldo van baten en lasten' line must "
    "equal the sum of the programme tables, and each programme's baten, lasten and saldo there "
    "must equal its own table in the column of the same kind and year (tolerance: one unit of "
    "the coarser table); messages give both amounts and both pages. A programme difference while "
    "the document total agrees is a notice, one per overview row listing the columns that "
    "differ: the overview shows part of the programme on lines of their own (algemene "
    "dekkingsmiddelen, overhead ...).",
    "BBV art. 8 / art. 25 (a programme is the sum of its parts); BBV art. 17 and 27 (overzicht "
    "van baten en lasten)",
)

_DIFF_ROWS = (
    RowKind.LASTEN,
    RowKind.BATEN,
    RowKind.SALDO,
    RowKind.RESERVE_ADDITION,
    RowKind.RESERVE_WITHDRAWAL,
    RowKind.RESERVE_MUTATIONS,
    RowKind.RESULT,
)


def _tables(report: Report) -> list[tuple[str, str, FinanceTable]]:
    return [
        (f"{path}.finance", programme_label(p), p.finance)
        for path, p in programmes_with_paths(report)
        if p.finance is not None
    ]


def _at(table: FinanceTable, row: FinanceRow, base: str) -> Location:
    """Where a problem about ``row`` is: its own place, else the table's, with its model path."""
    return where(row.provenance, f"{base}.rows[{table.rows.index(row)}]", table.provenance)


def check_saldo(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-SALDO / FIN-SIGN: saldo = baten - lasten (magnitudes) in every column."""
    problems: list[Problem] = []
    tol = config.arithmetic_tolerance
    for base, label, table in _tables(report):
        saldo, lasten, baten = (
            table.row(RowKind.SALDO),
            table.row(RowKind.LASTEN),
            table.row(RowKind.BATEN),
        )
        if saldo is None or lasten is None or baten is None:
            continue
        for col in table.columns:
            if col.kind is ColumnKind.DIFFERENCE:
                continue  # the Verschil column has its own check
            s, la, ba = (
                saldo.values.get(col.key),
                lasten.values.get(col.key),
                baten.values.get(col.key),
            )
            if s is None or la is None or ba is None:
                continue
            expected = magnitude(table, baten, ba) - magnitude(table, lasten, la)
            loc = _at(table, saldo, base)
            if abs(s - expected) <= tol:
                continue
            if abs(s + expected) <= tol:
                problems.append(
                    SIGN.problem(
                        f"{label}, {col.label}: saldo {table_amount(s)} has the opposite sign of "
                        "baten "
                        f"{table_amount(ba)} minus lasten {table_amount(la)} = "
                        f"{table_amount(expected)} "
                        f"under the {table.sign_convention.value} sign convention",
                        loc,
                    )
                )
            else:
                problems.append(
                    SALDO.problem(
                        f"{label}, {col.label}: saldo {table_amount(s)} but baten "
                        f"{table_amount(ba)} "
                        f"minus lasten {table_amount(la)} gives {table_amount(expected)} "
                        f"(difference {table_amount(s - expected)})",
                        loc,
                    )
                )
    return problems


def _expected_difference(
    table: FinanceTable,
    row: FinanceRow,
    amended: Decimal,
    actual: Decimal,
    convention: DifferenceConvention,
) -> Decimal:
    if convention is DifferenceConvention.ACTUAL_MINUS_AMENDED:
        return actual - amended
    if convention is DifferenceConvention.AMENDED_MINUS_ACTUAL:
        return amended - actual
    # favourable positive: less cost or more income is "+"; computed on magnitudes
    a, b = magnitude(table, row, actual), magnitude(table, row, amended)
    favourable = b - a if row.kind in (RowKind.LASTEN, RowKind.RESERVE_ADDITION) else a - b
    return favourable


def check_difference(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-DIFFERENCE: the Verschil column follows the stated (or one inferable) convention."""
    problems: list[Problem] = []
    tol = config.arithmetic_tolerance
    for base, label, table in _tables(report):
        cols = [
            table.column(k)
            for k in (ColumnKind.AMENDED_BUDGET, ColumnKind.ACTUAL, ColumnKind.DIFFERENCE)
        ]
        if any(c is None for c in cols):
            continue
        amended_c, actual_c, diff_c = (c for c in cols if c is not None)
        triples = [
            (
                row,
                row.values.get(amended_c.key),
                row.values.get(actual_c.key),
                row.values.get(diff_c.key),
            )
            for row in table.rows
            if row.kind in _DIFF_ROWS
        ]
        rows = [
            (r, a, b, d)
            for r, a, b, d in triples
            if a is not None and b is not None and d is not None
        ]
        if not rows:
            continue
        candidates = (
            [table.difference_convention]
            if table.difference_convention
            else list(DifferenceConvention)
        )
        fits = [
            c
            for c in candidates
            if all(abs(d - _expected_difference(table, r, a, b, c)) <= tol for r, a, b, d in rows)
        ]
        if fits:
            continue
        convention = table.difference_convention or _likely(table)
        stated = "stated" if table.difference_convention else "no convention fits; assuming"
        for row, amended, actual, diff in rows:
            expected = _expected_difference(table, row, amended, actual, convention)
            if abs(diff - expected) > tol:
                problems.append(
                    DIFFERENCE.problem(
                        f"{label}, {row.label}: Verschil {table_amount(diff)} but "
                        f"{COLUMN_NL[amended_c.kind]} "
                        f"{table_amount(amended)} and realisatie {table_amount(actual)} give "
                        f"{table_amount(expected)} ({stated} {convention.value})",
                        _at(table, row, base),
                    )
                )
    return problems


def _likely(table: FinanceTable) -> DifferenceConvention:
    if table.sign_convention is SignConvention.LASTEN_NEGATIVE:
        return DifferenceConvention.FAVOURABLE_POSITIVE
    return DifferenceConvention.AMENDED_MINUS_ACTUAL


def check_reserves(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-RESERVES: mutaties = onttrekkingen - toevoegingen; resultaat = saldo + mutaties."""
    problems: list[Problem] = []
    tol = config.arithmetic_tolerance
    for base, label, table in _tables(report):
        add, wd = table.row(RowKind.RESERVE_ADDITION), table.row(RowKind.RESERVE_WITHDRAWAL)
        mut, res = table.row(RowKind.RESERVE_MUTATIONS), table.row(RowKind.RESULT)
        saldo, lasten, baten = (
            table.row(RowKind.SALDO),
            table.row(RowKind.LASTEN),
            table.row(RowKind.BATEN),
        )
        for col in table.columns:
            if col.kind is ColumnKind.DIFFERENCE:
                continue
            mutations = _mutations(table, col, add, wd)
            if mut is not None and mutations is not None:
                shown = mut.values.get(col.key)
                if shown is not None and abs(shown - mutations) > tol:
                    problems.append(
                        RESERVES.problem(
                            f"{label}, {col.label}: mutaties reserves {table_amount(shown)} but "
                            "onttrekkingen "
                            f"minus toevoegingen give {table_amount(mutations)}",
                            _at(table, mut, base),
                        )
                    )
            if mut is not None and mut.values.get(col.key) is not None:
                mutations = mut.values[col.key]
            saldo_value = _saldo(table, col, saldo, lasten, baten)
            if res is None or mutations is None or saldo_value is None:
                continue
            shown = res.values.get(col.key)
            expected = saldo_value + mutations
            if shown is not None and abs(shown - expected) > tol:
                problems.append(
                    RESERVES.problem(
                        f"{label}, {col.label}: resultaat {table_amount(shown)} but saldo "
                        f"{table_amount(saldo_value)} plus mutaties reserves "
                        f"{table_amount(mutations)} "
                        f"gives {table_amount(expected)}",
                        _at(table, res, base),
                    )
                )
    return problems


def _difference(
    table: FinanceTable, col: FinanceColumn, plus: FinanceRow | None, minus: FinanceRow | None
) -> Decimal | None:
    """``plus`` minus ``minus`` in ``col``, as magnitudes; ``None`` when either is missing."""
    p = None if plus is None else plus.values.get(col.key)
    m = None if minus is None else minus.values.get(col.key)
    if plus is None or minus is None or p is None or m is None:
        return None
    return magnitude(table, plus, p) - magnitude(table, minus, m)


def _mutations(
    table: FinanceTable, col: FinanceColumn, add: FinanceRow | None, wd: FinanceRow | None
) -> Decimal | None:
    """Onttrekkingen minus toevoegingen."""
    return _difference(table, col, wd, add)


def _saldo(
    table: FinanceTable,
    col: FinanceColumn,
    saldo: FinanceRow | None,
    lasten: FinanceRow | None,
    baten: FinanceRow | None,
) -> Decimal | None:
    """The printed saldo, else baten minus lasten."""
    if saldo is not None and saldo.values.get(col.key) is not None:
        return saldo.values[col.key]
    return _difference(table, col, baten, lasten)


def check_totals(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-TOTALS: a programme's table equals the sum of its deelprogramma's tables (in euros)."""
    problems: list[Problem] = []
    for path, prog in programmes_with_paths(report):
        parent, subs = prog.finance, [s.finance for s in prog.subprogrammes]
        if parent is None or not subs or any(s is None for s in subs):
            continue
        children = [s for s in subs if s is not None]
        p_scale = scale_of(parent, report)
        tol = config.arithmetic_tolerance * p_scale * len(children)
        for row in parent.rows:
            if row.kind in (RowKind.OTHER, RowKind.SALDO, RowKind.RESULT):
                continue  # saldo and resultaat follow from the others; OTHER rows do not match up
            for col in parent.columns:
                if col.kind in (ColumnKind.DIFFERENCE, ColumnKind.OTHER):
                    continue
                shown = row.values.get(col.key)
                if shown is None:
                    continue
                total = _sum_children(report, children, row.kind, col.kind)
                if total is None:
                    continue
                shown_eur = magnitude(parent, row, shown) * p_scale
                if abs(shown_eur - total) > tol:
                    expected = printed(parent, row.kind, total / p_scale)
                    problems.append(
                        TOTALS.problem(
                            f"{programme_label(prog)}, {row.label}, {col.label}: "
                            f"{table_amount(shown)} but "
                            f"its {len(children)} deelprogramma's add up to "
                            f"{table_amount(expected)}",
                            where(
                                row.provenance,
                                f"{path}.finance.rows[{parent.rows.index(row)}]",
                                parent.provenance,
                                prog.provenance,
                            ),
                        )
                    )
    return problems + check_overview(report, config, TOTALS)


def _sum_children(
    report: Report, children: list[FinanceTable], kind: RowKind, column: ColumnKind
) -> Decimal | None:
    total = Decimal(0)
    for table in children:
        row = table.row(kind)
        value = None if row is None else cell(table, row, column)
        if row is None or value is None:
            return None
        total += magnitude(table, row, value) * scale_of(table, report)
    return total


_ = ROW_NL

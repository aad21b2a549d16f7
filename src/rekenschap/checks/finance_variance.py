"""Variances (afwijkingen): unexplained variances, overruns, budget changes (BBV art. 28)."""

from __future__ import annotations

from rekenschap.checks.amounts import (
    ROW_NL,
    Variance,
    euros,
    percent,
    scale_of,
    signed,
    table_amount,
    variance,
)
from rekenschap.checks.base import Code, cbs_code_of, programme_label, programmes_with_paths, where
from rekenschap.checks.config import CheckConfig
from rekenschap.checks.explained import explain
from rekenschap.checks.thresholds import threshold_for
from rekenschap.model import ColumnKind, Problem, Report, RowKind, Severity

UNEXPLAINED = Code(
    "FIN-VARIANCE-UNEXPLAINED",
    Severity.WARNING,
    "Variance above the threshold without an explanation",
    "The annual accounts must analyse the differences between the begroting na wijziging and the "
    "realisatie. Which differences need an explanation is set by the municipality's financiële "
    "verordening (e.g. Wassenaar >= € 50.000; Nieuwkoop > 5% unless < € 15.000); the threshold is "
    "configurable per municipality. A difference above it that no toelichting covers is flagged.",
    "BBV art. 28 onder a (analyse begroting na wijziging vs realisatie); financiële "
    "verordening "
    "(Gemeentewet art. 212)",
)
OVERRUN = Code(
    "FIN-OVERRUN",
    Severity.ERROR,
    "Lasten above the begroting na wijziging (begrotingsrechtmatigheid)",
    "Realised lasten above the begroting na wijziging of a programme are unlawful unless the "
    "council "
    "authorises them; the jaarrekening must show and explain them, and the Commissie BBV "
    "distinguishes kinds of overrun that do or do not count for the auditor's opinion. Every "
    "overrun "
    "is reported so the council can authorise it (floor configurable, e.g. Heemskerk € 50.000).",
    "Gemeentewet art. 189 lid 4; Commissie BBV notitie rechtmatigheid",
)
BUDGET_CHANGE = Code(
    "FIN-BUDGET-CHANGE",
    Severity.NOTICE,
    "Budget changed from primitieve begroting to na wijziging",
    "Changes between the begroting as adopted and the begroting na wijziging are decided by the "
    "council through begrotingswijzigingen; the reader should see how much the budget moved before "
    "judging the realisatie against it.",
    "BBV art. 27 lid 2 (primitieve begroting and begroting na wijziging side by side)",
)


def _rows(report: Report, budget: ColumnKind = ColumnKind.AMENDED_BUDGET,
          actual: ColumnKind = ColumnKind.ACTUAL,
          ) -> list[tuple[str, str, Variance, int, str]]:
    """Per finance row with both columns: (row path, programme label, variance, scale,
    programme path)."""
    out = []
    for path, prog in programmes_with_paths(report):
        table = prog.finance
        if table is None:
            continue
        scale = scale_of(table, report)
        for i, row in enumerate(table.rows):
            v = variance(table, row, scale, budget, actual)
            if v is not None:
                out.append((f"{path}.finance.rows[{i}]", programme_label(prog), v, scale, path))
    return out


def check_unexplained(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-VARIANCE-UNEXPLAINED for lasten, baten and reserve rows above the local threshold."""
    threshold = threshold_for(config, cbs_code_of(report))
    coverage = config.for_municipality(cbs_code_of(report)).variance_coverage
    by_path = dict(programmes_with_paths(report))
    problems: list[Problem] = []
    for path, label, v, _scale, prog_path in _rows(report):
        if v.row.kind not in (
            RowKind.LASTEN,
            RowKind.BATEN,
            RowKind.RESERVE_ADDITION,
            RowKind.RESERVE_WITHDRAWAL,
        ):
            continue
        if not threshold.requires_explanation(v.diff_euros, v.budget * v.scale):
            continue
        found = explain(by_path[prog_path], v.row.kind, v.diff_euros, coverage)
        if found.explained:
            continue
        direction = "higher" if v.diff > 0 else "lower"
        problems.append(
            UNEXPLAINED.problem(
                f"{label}: {ROW_NL[v.row.kind]} realised {table_amount(v.actual)} against "
                "begroting na "
                f"wijziging {table_amount(v.budget)}: {signed(v.diff)} ({euros(v.diff_euros)} "
                f"{direction}, {signed_percent(v)}) exceeds the threshold {threshold.describe()}; "
                f"{found.found}",
                where(v.row.provenance, path),
            )
        )
    return problems


def signed_percent(v: Variance) -> str:
    if v.percent is None:
        return "n/a %"
    return ("+" if v.diff > 0 else "-") + percent(v.percent)


def check_overrun(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-OVERRUN: realised lasten above the begroting na wijziging, per programme."""
    cfg = config.for_municipality(cbs_code_of(report))
    by_path = dict(programmes_with_paths(report))
    problems: list[Problem] = []
    for path, label, v, _scale, prog_path in _rows(report):
        if v.row.kind is not RowKind.LASTEN or v.diff <= config.arithmetic_tolerance / 2:
            continue
        if v.diff_euros < cfg.overrun_floor:
            continue
        found = explain(by_path[prog_path], RowKind.LASTEN, v.diff_euros, cfg.variance_coverage)
        note = (
            "an explanation is present (" + found.found + ")"
            if found.explained
            else "no explanation found"
        )
        problems.append(
            OVERRUN.problem(
                f"{label}: lasten realised {table_amount(v.actual)} exceed the begroting na "
                "wijziging "
                f"{table_amount(v.budget)} by {table_amount(v.diff)} ({euros(v.diff_euros)}, "
                f"{signed_percent(v)}); the council must authorise this overrun (Gemeentewet art. "
                "189 "
                f"lid 4); {note}",
                where(v.row.provenance, path),
            )
        )
    return problems


def check_budget_change(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-BUDGET-CHANGE: lasten/baten moved between primitieve begroting and na wijziging."""
    problems: list[Problem] = []
    for path, label, v, _scale, _prog in _rows(report, ColumnKind.ORIGINAL_BUDGET,
                                               ColumnKind.AMENDED_BUDGET):
        if v.row.kind not in (RowKind.LASTEN, RowKind.BATEN) or abs(
                v.diff) <= config.arithmetic_tolerance:
            continue
        problems.append(
            BUDGET_CHANGE.problem(
                f"{label}: begrote {ROW_NL[v.row.kind]} changed from "
                f"{table_amount(v.budget)} (primitieve begroting) to {table_amount(v.actual)} "
                f"(begroting na wijziging): {signed(v.diff)} ({euros(v.diff_euros)}, "
                f"{signed_percent(v)})",
                where(v.row.provenance, path),
            )
        )
    return problems

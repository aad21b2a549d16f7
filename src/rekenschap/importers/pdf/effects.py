"""Effect-indicator tables of a programme (effectindicatoren): baseline, targets, results.

Layout: a title ("Tabel 2.1 Effectindicatoren P2 ..."), header lines whose words stand above
the value columns ("Peilwaarde", "Streefwaarde begroting 2023", "Resultaat 2023", "Streefwaarde
Begroting 2025" ...), then one row per indicator: the name left (often wrapped over several
lines, with the values vertically centred), values right ("6,1% (2021)", "€ 30,4 mln",
"12.406 (plus 35)"). Rows are anchored by their value lines; name lines belong to the nearest
anchor (below on a tie), and a value line without a name joins the nearest named row.

Mapping: Peilwaarde -> an observation for its year and ``baseline_period``; Resultaat /
Realisatie -> an observation; every Streefwaarde -> an entry of ``targets`` with its period,
and the one for the document year is also ``target``.

The table's geometry is :mod:`~rekenschap.importers.pdf.effect_table`, its cells' values and
unit :mod:`~rekenschap.importers.pdf.effect_values`; this module maps the columns and reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rekenschap.importers.pdf.effect_table import (
    YEAR,
    EffectColumn,
    EffectTable,
    header_columns,
    indicator_rows,
    line_parts,
    placed_by_estimate,
    table_lines,
)
from rekenschap.importers.pdf.effect_values import cell_value, value_unit
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.words import PageWords
from rekenschap.importers.sentences import catalogue_id
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import (
    Indicator,
    Location,
    Observation,
    Problem,
    Severity,
    Target,
)

__all__ = ["find_effect_indicators"]


def find_effect_indicators(
    lines: Sequence[FlowLine], *, year: int, file: str, path: str,
    words: PageWords | None = None,
) -> tuple[list[Indicator], list[Problem]]:
    """The effect indicators of every "Effectindicatoren" table among ``lines``."""
    indicators: list[Indicator] = []
    problems: list[Problem] = []
    for start, fl in enumerate(lines):
        if not re.match(r"^tabel\b.*effectindicatoren", fl.text.strip(), re.I):
            continue
        table = table_lines(lines, start)
        columns, left = header_columns(table.header)
        if not columns or not table.data:
            problems.append(Problem(
                code="PDF-EFFECT-TABLE", severity=Severity.WARNING,
                message=f"effect-indicator table {fl.text.strip()!r} has no readable header or "
                        f"rows; skipped", location=Location(file=file, page=fl.page,
                                                           line=fl.number, path=path)))
            continue
        for row in indicator_rows(table.data, left, words):
            indicator, found = _indicator(row, columns, left, year, file, path, words,
                                          table)
            problems += found
            if indicator is not None:
                indicators.append(indicator)
    return indicators, problems


def _indicator(row: list[FlowLine], columns: list[EffectColumn], left: float, year: int,
               file: str, path: str, words: PageWords | None = None,
               table: EffectTable | None = None) -> tuple[Indicator | None, list[Problem]]:
    source = table.source if table is not None else None
    all_sourced = source is not None and table is not None and not table.baseline_only
    problems: list[Problem] = []
    names: list[str] = []
    cells: dict[int, list[str]] = {}
    estimated = any(placed_by_estimate(fl, left, words) for fl in row)
    for fl in row:
        parts = line_parts(fl, left, words)
        name = " ".join(p.text for p in parts if p.x0 < left - 5)
        if name:
            names.append(name)
        for s in parts:
            if s.x0 >= left - 5:
                col = min(range(len(columns)),
                          key=lambda i: abs(columns[i].centre - (s.x0 + s.x1) / 2))
                cells.setdefault(col, []).append(s.text)
    first = row[0]
    where = Location(file=file, page=first.page, line=first.number, path=path)
    name = join_lines(names).strip()
    if not name:
        return None, [Problem(code="PDF-EFFECT-NAME", severity=Severity.WARNING,
                              message="effect-indicator row without a name; skipped",
                              location=where)]
    observations: list[Observation] = []
    baseline: str | None = None
    targets: list[Target] = []
    percent = False
    texts = [" ".join(cell) for cell in cells.values()]
    for col, cell in sorted(cells.items()):
        label = columns[col].label
        low = label.lower()
        text = " ".join(cell)
        percent = percent or "%" in text or "(%)" in label
        obs, printed_year = cell_value(text)
        header_year = YEAR.findall(label)
        period = printed_year or (header_year[0] if header_year else None)
        if obs is None:
            problems.append(Problem(code="PDF-INDICATOR-VALUE", severity=Severity.WARNING,
                                    message=f"{text!r} under {label!r} for {name[:50]!r} is not a "
                                            f"number; skipped", location=where))
            continue
        obs = obs.model_copy(update={"period": period, "provenance": provenance_of(file, row),
                                     "source": source if all_sourced or "peil" in low else None})
        if "peil" in low:
            baseline = period
            observations.append(obs)
        elif "streef" in low or ("begroting" in low and "result" not in low):
            targets.append(Target(value=obs.value, period=period, provenance=obs.provenance))
            if printed_year and header_year and printed_year != header_year[0]:
                problems.append(Problem(
                    code="PDF-INDICATOR-TARGETS", severity=Severity.NOTICE,
                    message=f"target {text!r} of {name[:50]!r} under {label!r} prints the year "
                            f"{printed_year}; kept as the target for {printed_year}, not for "
                            f"{header_year[0]}", location=where))
        elif "resultaat" in low or "realisatie" in low:
            observations.append(obs)
        else:
            problems.append(Problem(code="PDF-EFFECT-COLUMN", severity=Severity.WARNING,
                                    message=f"column {label!r} is not a baseline, target or "
                                            f"result; {text!r} for {name[:50]!r} skipped",
                                    location=where))
    if estimated:
        problems.append(Problem(
            code="PDF-INDICATOR-GEOMETRY", severity=Severity.WARNING,
            message=f"the row of {name[:50]!r} has text runs across the name and value columns; "
                    f"its words were placed by estimated positions, so values may be misplaced",
            location=where))
    periods = [t.period for t in targets]
    twice = sorted({p or "?" for p in periods if periods.count(p) > 1})
    if twice:
        problems.append(Problem(
            code="PDF-INDICATOR-TARGETS", severity=Severity.WARNING,
            message=f"{name[:50]!r} has several targets for {', '.join(twice)}; all are kept, "
                    f"the first one counts as the target of its year", location=where))
    target = next((t for t in targets if t.period == str(year)), None)
    return Indicator(
        name=name, unit=value_unit(texts, percent, name), source=source,
        catalogue_id=catalogue_id(name), baseline_period=baseline, target=target,
        targets=tuple(targets),
        observations=tuple(observations), provenance=provenance_of(file, row)), problems

"""Page-data pieces: goals, finance tables, variance explanations and indicators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from rekenschap.model import FinanceTable, Goal, Indicator, MoneyUnit, VarianceExplanation
from rekenschap.render import chartspecs
from rekenschap.render.differences import (
    convention_key,
    needs_computed_difference,
    row_difference,
)
from rekenschap.render.formatting import Formatter, slugify
from rekenschap.render.messages import message
from rekenschap.render.pagedata import (
    ActivityData,
    Cell,
    ChartData,
    FinanceData,
    GoalData,
    IndicatorData,
    TableData,
    VarianceData,
)


def number_format(values: Sequence[Decimal | None]) -> str:
    """A spreadsheet format with as many decimals as the values were printed with."""
    decimals = 0
    for v in values:
        if v is not None:
            exp = v.normalize().as_tuple().exponent
            if isinstance(exp, int) and exp < 0:
                decimals = max(decimals, -exp)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def goal_data(goal: Goal, fmt: Formatter) -> GoalData:
    acts = tuple(
        ActivityData(
            text=a.text, code=a.code,
            status=a.status.value if a.status else None,
            status_label=message(f"status.{a.status.value}" if a.status else "status.unknown",
                                 fmt.lang))
        for a in goal.activities)
    return GoalData(title=goal.title, code=goal.code, description=goal.description,
                    activities=acts)


def finance_data(table: FinanceTable, report_unit: MoneyUnit, fmt: Formatter,
                 programme_title: str, explanations: Sequence[VarianceExplanation],
                 sentences: Sequence[str]) -> FinanceData:
    unit = table.unit or report_unit
    headers = (message("fin.row", fmt.lang),
               *(f"{c.label} {c.year}" if c.year and str(c.year) not in c.label else c.label
                 for c in table.columns))
    rows = tuple(
        (Cell(row.label),
         *(Cell(fmt.amount(row.values.get(c.key)), row.values.get(c.key), numeric=True)
           for c in table.columns))
        for row in table.rows)
    all_values = [v for row in table.rows for v in row.values.values()]
    caption = f"{message('fin.caption', fmt.lang)}: {table.title or programme_title}"
    data = TableData(caption=caption, headers=headers, rows=rows,
                     note=message("fin.unit", fmt.lang, unit=fmt.money_unit(unit)),
                     number_format=number_format(all_values))
    return FinanceData(title=table.title or programme_title, table=data,
                       sign_note=table.sign_note,
                       variances=tuple(variance_data(e, fmt) for e in explanations),
                       sentences=tuple(sentences), compared=_with_difference(table, data, fmt))


def _with_difference(table: FinanceTable, data: TableData, fmt: Formatter) -> TableData | None:
    """The table as printed plus a computed Verschil column, when the document prints none."""
    if not needs_computed_difference(table):
        return None
    diffs = [row_difference(table, row) for row in table.rows]
    rows = tuple((*cells, Cell(fmt.amount(d), d, numeric=True))
                 for cells, d in zip(data.rows, diffs, strict=True))
    note = f"{data.note} {message(convention_key(table), fmt.lang)}"
    return replace(data, headers=(*data.headers, message("fin.diff.header", fmt.lang)),
                   rows=rows, note=note)


def variance_data(expl: VarianceExplanation, fmt: Formatter) -> VarianceData:
    """Item amounts are shown in whole euros (``VarianceItem.euros()``), whatever their unit:
    "€ 40.000" printed in a toelichting and 40 in x € 1.000 both show as 40.000."""
    lang = fmt.lang
    threshold = (message("fin.threshold", lang, amount=fmt.money(expl.threshold, MoneyUnit()))
                 if expl.threshold is not None else None)
    table = None
    if expl.items:
        def incidental(flag: bool | None) -> str:
            if flag is None:
                return ""
            return message("fin.incidental" if flag else "fin.structural", lang)

        rows = tuple(
            (Cell(item.title),
             Cell(fmt.amount(item.euros()), item.euros(), numeric=True),
             Cell(", ".join(x for x in (
                 message(f"fin.kind.{item.kind}", lang) if item.kind else "",
                 incidental(item.incidental)) if x)))
            for item in expl.items)
        table = TableData(
            caption=expl.title or message("fin.variances", lang),
            headers=(message("fin.variance.item", lang), message("fin.variance.amount", lang),
                     message("fin.variance.kind", lang)),
            rows=rows, note=message("fin.unit.euro", lang),
            number_format=number_format([i.euros() for i in expl.items]))
    texts = tuple((i.title, i.text) for i in expl.items if i.text)
    return VarianceData(title=expl.title, threshold=threshold, table=table, texts=texts)


def indicator_data(ind: Indicator, index: int, fmt: Formatter,
                   sentences: Sequence[str]) -> IndicatorData:
    lang = fmt.lang
    unit = fmt.unit(ind.unit)
    rows = []
    for obs in ind.observations:
        notes = [n for n in (
            message("ind.implicit", lang) if obs.period_implicit else "",
            f"{message('ind.source', lang)}: {obs.source}" if obs.source else "",
            f"peildatum {obs.reference_date}" if obs.reference_date else "",
            f"“{obs.printed}”" if obs.printed else "") if n]
        rows.append((Cell(obs.period or message("ind.unknown_period", lang)),
                     Cell(fmt.observation(obs), obs.value, numeric=True),
                     Cell("; ".join(notes))))
    table = TableData(
        caption=f"{ind.name}" + (f" ({unit})" if unit else ""),
        headers=(message("ind.period", lang), message("ind.value", lang),
                 message("ind.note", lang)),
        rows=tuple(rows), number_format=number_format([o.value for o in ind.observations]))
    baseline = ind.value_for(ind.baseline_period) if ind.baseline_period else None
    target_value = ind.target.value if ind.target else None
    target_text = None
    if ind.target is not None:
        parts = [fmt.number(ind.target.value) if ind.target.value is not None else "",
                 ind.target.period or "",
                 message(f"ind.direction.{ind.target.direction.value}", lang)
                 if ind.target.direction else ""]
        target_text = ", ".join(p for p in parts if p) or None
    return IndicatorData(
        name=ind.name, anchor=f"indicator-{index + 1}-{slugify(ind.name, 'indicator')}",
        unit=unit, source=ind.source, baseline=ind.baseline_period, target=target_text,
        table=table, chart=_indicator_chart(ind, unit, baseline, target_value, fmt, table),
        claims=tuple(c.sentence for c in ind.claims), sentences=tuple(sentences))


def _indicator_chart(ind: Indicator, unit: str, baseline: Decimal | None,
                     target: Decimal | None, fmt: Formatter, table: TableData) -> ChartData | None:
    points = sorted((o.period, o.value) for o in ind.observations
                    if o.period is not None and o.value is not None)
    if len(points) < 2:
        return None
    lang = fmt.lang
    spec = chartspecs.series_spec(points, baseline, target, message("ind.period", lang),
                                  unit or message("ind.value", lang))
    items = "; ".join(f"{p}: {fmt.number(v)}" for p, v in points)
    alt = message("ind.chart.alt", lang, name=ind.name, unit=unit or "-", items=items)
    if baseline is not None and ind.baseline_period:
        alt += " " + message("ind.chart.baseline", lang, period=ind.baseline_period,
                             value=fmt.number(baseline))
    return chartspecs.chart(spec, alt, table, lang)

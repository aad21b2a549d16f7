"""Page-data pieces: goals, finance tables and variance explanations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from rekenschap.model import FinanceTable, Goal, MoneyUnit, VarianceExplanation
from rekenschap.render.differences import (
    convention_key,
    needs_computed_difference,
    row_difference,
)
from rekenschap.render.formatting import Formatter
from rekenschap.render.messages import message
from rekenschap.render.pagedata import (
    ActivityData,
    Cell,
    FinanceData,
    GoalData,
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

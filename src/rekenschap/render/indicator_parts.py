"""Page data of one indicator: its data table and chart, with comparison values and targets.

The table has a row per period (observations first, in document order, then periods that only
a comparison value or a target has), a column per comparison region (vergelijkingswaarde,
"Nederland") and a column of targets per year (streefwaarden) when the document prints them.
The chart draws the same: the municipality's line, a dashed line per region, target diamonds.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rekenschap.model import Indicator, Observation, Target
from rekenschap.render import chartspecs
from rekenschap.render.builder_parts import number_format
from rekenschap.render.formatting import Formatter, slugify
from rekenschap.render.messages import message
from rekenschap.render.pagedata import Cell, ChartData, IndicatorData, TableData


def _dated_targets(ind: Indicator) -> list[Target]:
    """Targets with a period and a value, one per period (``targets``, else ``target``)."""
    found: dict[str, Target] = {}
    for target in (*ind.targets, *((ind.target,) if ind.target else ())):
        if target.period and target.value is not None and target.period not in found:
            found[target.period] = target
    return list(found.values())


def _regions(ind: Indicator) -> list[tuple[str, dict[str, Decimal | None]]]:
    """(region label, value per period) for every comparison region, merged by label."""
    merged: dict[str, dict[str, Decimal | None]] = {}
    for bench in ind.benchmarks:
        values = merged.setdefault(bench.region, {})
        for obs in bench.observations:
            if obs.period and obs.period not in values:
                values[obs.period] = obs.value
    return list(merged.items())


def _notes(obs: Observation, fmt: Formatter) -> str:
    lang = fmt.lang
    return "; ".join(n for n in (
        message("ind.implicit", lang) if obs.period_implicit else "",
        f"{message('ind.source', lang)}: {obs.source}" if obs.source else "",
        f"peildatum {obs.reference_date}" if obs.reference_date else "",
        f"“{obs.printed}”" if obs.printed else "") if n)


def indicator_table(ind: Indicator, fmt: Formatter, unit: str) -> TableData:
    lang = fmt.lang
    regions = _regions(ind)
    targets = {t.period: t for t in _dated_targets(ind)}
    periods: list[str | None] = [o.period for o in ind.observations]
    extra: list[str] = sorted(
        ({p for _, values in regions for p in values} | {p for p in targets if p})
        - {p for p in periods if p})
    by_period = {o.period: o for o in ind.observations if o.period}
    rows = []
    every: list[str | None] = [*periods, *extra]
    for i, period in enumerate(every):
        obs = ind.observations[i] if i < len(periods) else by_period.get(period or "")
        cells = [Cell(period or message("ind.unknown_period", lang))]
        cells.append(Cell(fmt.observation(obs), obs.value, numeric=True) if obs else Cell(""))
        for _, values in regions:
            value = values.get(period) if period else None
            cells.append(Cell(fmt.number(value), value, numeric=True))
        if targets:
            target = targets.get(period) if period else None
            value = target.value if target else None
            cells.append(Cell(fmt.number(value), value, numeric=True))
        cells.append(Cell(_notes(obs, fmt) if obs else ""))
        rows.append(tuple(cells))
    headers = (message("ind.period", lang), message("ind.value", lang),
               *(region for region, _ in regions),
               *((message("ind.target", lang),) if targets else ()), message("ind.note", lang))
    all_values = [*(o.value for o in ind.observations),
                  *(v for _, values in regions for v in values.values()),
                  *(t.value for t in targets.values())]
    return TableData(caption=f"{ind.name}" + (f" ({unit})" if unit else ""), headers=headers,
                     rows=tuple(rows), number_format=number_format(all_values))


def indicator_data(ind: Indicator, index: int, fmt: Formatter,
                   sentences: Sequence[str]) -> IndicatorData:
    lang = fmt.lang
    unit = fmt.unit(ind.unit)
    table = indicator_table(ind, fmt, unit)
    baseline = ind.value_for(ind.baseline_period) if ind.baseline_period else None
    target_text = None
    if ind.target is not None:
        parts = [fmt.number(ind.target.value) if ind.target.value is not None else "",
                 ind.target.period or "",
                 message(f"ind.direction.{ind.target.direction.value}", lang)
                 if ind.target.direction else ""]
        target_text = ", ".join(p for p in parts if p) or None
    dated = _dated_targets(ind)
    if len(dated) > 1:
        target_text = "; ".join(filter(None, (target_text, message("ind.targets", lang) + ": "
                                              + ", ".join(f"{t.period}: {fmt.number(t.value)}"
                                                          for t in dated))))
    return IndicatorData(
        name=ind.name, anchor=f"indicator-{index + 1}-{slugify(ind.name, 'indicator')}",
        unit=unit, source=ind.source, baseline=ind.baseline_period, target=target_text,
        table=table, chart=_chart(ind, unit, baseline, fmt, table),
        claims=tuple(c.sentence for c in ind.claims), sentences=tuple(sentences))


def _chart(ind: Indicator, unit: str, baseline: Decimal | None, fmt: Formatter,
           table: TableData) -> ChartData | None:
    points = sorted((o.period, o.value) for o in ind.observations
                    if o.period is not None and o.value is not None)
    regions = [(region, sorted((p, v) for p, v in values.items() if v is not None))
               for region, values in _regions(ind)]
    regions = [(r, pts) for r, pts in regions if pts]
    dated = [(t.period, t.value) for t in _dated_targets(ind)
             if t.period is not None and t.value is not None]
    # A chart needs the municipality's own value and at least two periods to draw along
    # (one realisation and the targets of the coming years is enough: a begroting).
    periods = {p for p, _ in points} | {p for _, pts in regions for p, _ in pts}
    if not points or len(periods | {p for p, _ in dated}) < 2:
        return None
    lang = fmt.lang
    # One undated target stays a horizontal rule, as before.
    rule = (ind.target.value if ind.target is not None and not dated else None)
    # No title on the period axis: the years say it, and the chart stays the same in both
    # languages so a two-language site renders it once.
    spec = chartspecs.series_spec(
        points, baseline, rule, None, unit or message("ind.value", lang),
        own=message("ind.own", lang), benchmarks=regions, targets=dated,
        target_label=message("ind.target", lang))

    def listing(pts: Sequence[tuple[str, Decimal]]) -> str:
        return "; ".join(f"{p}: {fmt.number(v)}" for p, v in pts)

    alt = message("ind.chart.alt", lang, name=ind.name, unit=unit or "-", items=listing(points))
    for region, pts in regions:
        alt += " " + message("ind.chart.benchmark", lang, region=region, items=listing(pts))
    if dated:
        alt += " " + message("ind.chart.targets", lang, items=listing(dated))
    elif rule is not None:
        alt += " " + message("ind.chart.target", lang, value=fmt.number(rule))
    if baseline is not None and ind.baseline_period:
        alt += " " + message("ind.chart.baseline", lang, period=ind.baseline_period,
                             value=fmt.number(baseline))
    return chartspecs.chart(spec, alt, table, lang)

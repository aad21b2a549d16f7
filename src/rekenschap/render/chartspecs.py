"""Vega-Lite specs for the two chart kinds: programme shares (bars) and indicator series (line).

A spec is plain data with the values inlined (no URLs), so rendering needs no network. The key
of a chart is the sha256 of its canonical JSON plus the locale, so equal charts render once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from rekenschap.render.pagedata import ChartData, TableData

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
INK = "#1a1a1a"
SERIES = "#154273"      # dark blue, contrast 10:1 on white
BASELINE = "#8a4b00"    # dark orange, contrast 6:1 on white
BENCHMARKS = ("#6b2c91", "#0b6e4f", "#7a1f1f")
"""Comparison regions (purple, green, dark red), each at least 6:1 on white."""
FONT = "Noto Sans, Segoe UI, Helvetica, Arial, sans-serif"

CONFIG: dict[str, Any] = {
    "aria": False,
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelColor": INK, "titleColor": INK, "labelFontSize": 12, "titleFontSize": 12,
             "gridColor": "#d9d9d9", "domainColor": "#595959", "tickColor": "#595959"},
}


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def chart(spec: dict[str, Any], alt: str, table: TableData, lang: str) -> ChartData:
    """Wrap a spec as :class:`ChartData` with its content key."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    key = hashlib.sha256(f"{lang}\n{text}".encode()).hexdigest()[:20]
    return ChartData(key=key, spec_json=text, alt=alt, table=table)


def share_spec(items: list[tuple[str, Decimal]], x_title: str) -> dict[str, Any]:
    """Horizontal bars: one per programme, length = its (absolute) lasten."""
    values = [{"programma": label, "bedrag": _num(amount), "volgorde": i}
              for i, (label, amount) in enumerate(items)]
    return {
        "$schema": SCHEMA,
        "width": 520,
        "height": {"step": 26},
        "config": CONFIG,
        "data": {"values": values},
        "mark": {"type": "bar", "color": SERIES},
        "encoding": {
            "y": {"field": "programma", "type": "nominal", "title": None,
                  "sort": {"field": "volgorde"}, "axis": {"labelLimit": 260}},
            "x": {"field": "bedrag", "type": "quantitative", "title": x_title,
                  "axis": {"format": ",d"}},
        },
    }


def series_spec(points: list[tuple[str, Decimal]], baseline: Decimal | None,
                target: Decimal | None, x_title: str | None, y_title: str, *,
                own: str = "Gemeente",
                benchmarks: Sequence[tuple[str, Sequence[tuple[str, Decimal]]]] = (),
                targets: Sequence[tuple[str, Decimal]] = (),
                target_label: str = "Streefwaarde") -> dict[str, Any]:
    """A line over the periods; the baseline (dashed) and an undated target (dotted) as rules.

    ``x_title`` ``None`` leaves the period axis untitled (years speak for themselves), which
    keeps a chart without legend the same in every language (see ``ChartRenderer.share``).

    ``benchmarks`` (comparison regions, "Nederland") are dashed lines and ``targets`` per
    period open diamonds; with either, a legend names the series.
    """
    legend = bool(benchmarks or targets)
    series = [own, *(region for region, _ in benchmarks)]
    values: list[dict[str, Any]] = [{"periode": p, "waarde": _num(v)} for p, v in points]
    if legend:
        values = [{**v, "reeks": own} for v in values]
        values += [{"periode": p, "waarde": _num(v), "reeks": region}
                   for region, pts in benchmarks for p, v in pts]
    domain = [*series, *((target_label,) if targets else ())]
    palette = [SERIES, *(BENCHMARKS[i % len(BENCHMARKS)] for i in range(len(benchmarks))),
               *((INK,) if targets else ())]
    x = {"field": "periode", "type": "ordinal", "title": x_title, "axis": {"labelAngle": 0}}
    y = {"field": "waarde", "type": "quantitative", "title": y_title,
         "axis": {"format": ",~r"}, "scale": {"zero": True}}
    line: dict[str, Any] = {
        "mark": {"type": "line", "point": {"filled": True, "size": 60}, "strokeWidth": 2},
        "encoding": {"x": x, "y": y},
    }
    if legend:
        line["encoding"]["color"] = {
            "field": "reeks", "type": "nominal", "title": None,
            "scale": {"domain": domain, "range": palette},
            "legend": {"orient": "bottom", "labelColor": INK, "labelLimit": 300}}
        shape = {"field": "reeks", "type": "nominal", "title": None,
                 "scale": {"domain": domain,
                           "range": ["circle"] * len(series) + ["diamond"] * bool(targets)}}
        line["encoding"]["shape"] = shape
        line["encoding"]["strokeDash"] = {
            "field": "reeks", "type": "nominal", "legend": None,
            "scale": {"domain": series, "range": [[1, 0], *([6, 3] for _ in benchmarks)]}}
    else:
        line["mark"]["color"] = SERIES
        line["mark"]["point"]["color"] = SERIES
    layers: list[dict[str, Any]] = [line]
    if targets:
        layers.append({
            "data": {"values": [{"periode": p, "waarde": _num(v), "reeks": target_label}
                                for p, v in targets]},
            "mark": {"type": "point", "shape": "diamond", "filled": False, "size": 110,
                     "strokeWidth": 2},
            "encoding": {"x": x, "y": y, "color": {"field": "reeks", "type": "nominal"},
                         "shape": {"field": "reeks", "type": "nominal"}}})
    if baseline is not None:
        layers.append({"mark": {"type": "rule", "color": BASELINE, "strokeDash": [6, 4],
                                "strokeWidth": 1.5},
                       "encoding": {"y": {"datum": _num(baseline)}}})
    if target is not None:
        layers.append({"mark": {"type": "rule", "color": INK, "strokeDash": [2, 3],
                                "strokeWidth": 1.5},
                       "encoding": {"y": {"datum": _num(target)}}})
    return {
        "$schema": SCHEMA,
        "width": 420,
        "height": 200,
        "config": CONFIG,
        "data": {"values": values},
        "layer": layers,
    }

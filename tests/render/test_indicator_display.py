"""Indicators: a column per comparison region (Nederland), targets per year, table and chart."""

from __future__ import annotations

import json
from decimal import Decimal

import lxml.html
import pytest

from rekenschap.model import Benchmark, Indicator, Observation, Report, Target
from rekenschap.render.charts import ChartRenderer
from rekenschap.render.formatting import Formatter
from rekenschap.render.indicator_parts import indicator_data


def _indicator() -> Indicator:
    def obs(period: str, value: str) -> Observation:
        return Observation(period=period, value=Decimal(value))
    return Indicator(
        name="Winkeldiefstallen", source="CBS", baseline_period="2021",
        observations=(obs("2021", "1.4"), obs("2022", "1.1"), obs("2023", "0.9")),
        benchmarks=(Benchmark(region="Nederland", region_code="NL01",
                              observations=(obs("2022", "2.2"), obs("2023", "2.5"))),),
        target=Target(value=Decimal("1.0"), period="2024"),
        targets=(Target(value=Decimal("1.0"), period="2024"),
                 Target(value=Decimal("0.9"), period="2025")))


def test_table_has_nederland_and_target_columns_and_target_years() -> None:
    data = indicator_data(_indicator(), 0, Formatter("nl"), ())
    table = data.table
    assert table.headers == ("Periode", "Waarde", "Nederland", "Streefwaarde", "Opmerking")
    rows = {r[0].text: [c.text for c in r[1:4]] for r in table.rows}
    assert rows == {"2021": ["1,4", "", ""], "2022": ["1,1", "2,2", ""],
                    "2023": ["0,9", "2,5", ""], "2024": ["", "", "1,0"],
                    "2025": ["", "", "0,9"]}
    assert table.number_format == "#,##0.0"
    assert data.target is not None and "2025: 0,9" in data.target


def test_chart_has_benchmark_line_target_diamonds_and_says_so() -> None:
    data = indicator_data(_indicator(), 0, Formatter("en"), ())
    assert data.chart is not None
    spec = json.loads(data.chart.spec_json)
    series = {(v["reeks"], v["periode"]): v["waarde"] for v in spec["data"]["values"]}
    assert series[("Nederland", "2023")] == 2.5 and series[("Municipality", "2021")] == 1.4
    diamonds = [layer for layer in spec["layer"] if layer["mark"].get("shape") == "diamond"]
    assert [v["periode"] for v in diamonds[0]["data"]["values"]] == ["2024", "2025"]
    assert "Nederland: 2022: 2.2; 2023: 2.5." in data.chart.alt
    assert "Targets (diamonds): 2024: 1.0; 2025: 0.9." in data.chart.alt
    svg = ChartRenderer(lang="en").svg(data.chart)
    text = " ".join(lxml.html.fromstring(svg).itertext())
    assert "Nederland" in text and "Target" in text      # the legend names the series


def test_indicator_without_benchmarks_keeps_its_plain_table() -> None:
    ind = Indicator(name="Halt", observations=(Observation(period="2023", value=Decimal(3)),))
    data = indicator_data(ind, 0, Formatter("nl"), ())
    assert data.table.headers == ("Periode", "Waarde", "Opmerking")
    assert data.chart is None


def test_wassenaar_begroting_indicators_show_nederland_and_targets() -> None:
    from tests.conftest import corpus_file

    from rekenschap.importers import import_path
    from rekenschap.render.builder import build_document

    report, problems = import_path(corpus_file("wassenaar", "begroting-2024.pdf"))
    assert isinstance(report, Report), [p.format() for p in problems]
    doc = build_document(report, problems=None)
    tables = [i.table for p in doc.programmes for i in p.indicators]
    with_nl = [t for t in tables if "Nederland" in t.headers]
    with_targets = [t for t in tables if "Streefwaarde" in t.headers]
    if not with_nl or not with_targets:
        pytest.fail(f"expected Nederland and target columns; headers: "
                    f"{sorted({t.headers for t in tables})}")
    column = with_nl[0].headers.index("Nederland")
    assert any(r[column].value is not None for r in with_nl[0].rows)
    years = {r[0].text for t in with_targets for r in t.rows
             if r[t.headers.index("Streefwaarde")].value is not None}
    assert {"2024", "2025", "2026", "2027"} <= years


def test_one_realisation_with_targets_per_year_gets_a_chart() -> None:
    ind = Indicator(name="Effect", observations=(Observation(period="2022", value=Decimal(60)),),
                    targets=(Target(value=Decimal(62), period="2024"),
                             Target(value=Decimal(65), period="2025")))
    data = indicator_data(ind, 0, Formatter("nl"), ())
    assert data.chart is not None
    assert "Streefwaarden (ruiten): 2024: 62; 2025: 65." in data.chart.alt
    alone = Indicator(name="Effect", observations=ind.observations)
    assert indicator_data(alone, 0, Formatter("nl"), ()).chart is None

"""Chart specs and the vl-convert renderer: accessible SVG, escaping, caching, Dutch numbers."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from rekenschap.render import chartspecs
from rekenschap.render.charts import ChartRenderer, labelled, locale_neutral
from rekenschap.render.pagedata import TableData

_TABLE = TableData(caption="t", headers=("a",), rows=())


def test_series_spec_has_line_baseline_and_target() -> None:
    spec = chartspecs.series_spec([("2019", Decimal("4")), ("2023", Decimal("5.7"))],
                                  Decimal(4), Decimal(3), "Periode", "per 1.000 inwoners")
    assert spec["data"]["values"] == [{"periode": "2019", "waarde": 4},
                                      {"periode": "2023", "waarde": 5.7}]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "rule", "rule"]
    assert spec["layer"][1]["encoding"]["y"]["datum"] == 4
    json.dumps(spec)  # plain JSON, no Decimals


def test_chart_key_depends_on_spec_and_language() -> None:
    spec = chartspecs.share_spec([("A", Decimal(1))], "lasten")
    nl, en = chartspecs.chart(spec, "x", _TABLE, "nl"), chartspecs.chart(spec, "x", _TABLE, "en")
    assert nl.key != en.key
    assert nl.key == chartspecs.chart(spec, "y", _TABLE, "nl").key


def test_render_dutch_axis_labels_and_escaped_text(tmp_path: Path) -> None:
    spec = chartspecs.share_spec([("<script>alert(1)</script>", Decimal(42668)),
                                  ("Beheer & onderhoud", Decimal(1500))], "lasten (€ 1.000)")
    chart = chartspecs.chart(spec, "alt", _TABLE, "nl")
    renderer = ChartRenderer(lang="nl", cache_dir=tmp_path)
    svg = renderer.svg(chart)
    assert svg.startswith('<svg role="img" aria-labelledby=')
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert "Beheer &amp; onderhoud" in svg
    assert "40.000" in svg  # Dutch thousands separator on the axis
    assert 'role="graphics' not in svg
    assert 'aria-labelledby="lbl"' in labelled(svg, "lbl")
    assert renderer.rendered == 1
    again = ChartRenderer(lang="nl", cache_dir=tmp_path)
    assert again.svg(chart) == svg and again.rendered == 0


def test_render_many_in_parallel_deduplicates() -> None:
    charts = [chartspecs.chart(chartspecs.series_spec(
        [("2020", Decimal(i)), ("2021", Decimal(i + 1))], None, None, "p", "v"), "a", _TABLE, "en")
        for i in range(6)]
    renderer = ChartRenderer(lang="en", workers=2)
    svgs = renderer.render_all(charts + charts)
    assert renderer.rendered == 6 and len(svgs) == 6
    assert all(s.startswith("<svg") for s in svgs.values())


def test_locale_neutral_charts_are_shared_between_languages() -> None:
    small = chartspecs.series_spec([("2021", Decimal(3)), ("2022", Decimal(7))], None, None,
                                   None, "%")
    large = chartspecs.series_spec([("2021", Decimal(3000)), ("2022", Decimal(7000))], None,
                                   None, None, "%")
    nl = ChartRenderer(lang="nl")
    nl_charts = [chartspecs.chart(s, "a", _TABLE, "nl") for s in (small, large)]
    svgs = nl.render_all(nl_charts)
    assert locale_neutral(svgs[nl_charts[0].key])
    assert not locale_neutral(svgs[nl_charts[1].key])  # "6.000" on the Dutch axis
    en = ChartRenderer(lang="en")
    en_charts = [chartspecs.chart(s, "a", _TABLE, "en") for s in (small, large)]
    assert en.share(en_charts, nl) == 1 and en.shared == 1
    en_svgs = en.render_all(en_charts)
    assert en.rendered == 1  # only the chart with separated numbers is drawn again
    assert en_svgs[en_charts[0].key] == svgs[nl_charts[0].key]
    assert "6,000" in en_svgs[en_charts[1].key] and "6.000" in svgs[nl_charts[1].key]
    # a spec that differs (a translated title) is never shared
    titled = chartspecs.series_spec([("2021", Decimal(3)), ("2022", Decimal(7))], None, None,
                                    "Period", "%")
    assert ChartRenderer(lang="en").share([chartspecs.chart(titled, "a", _TABLE, "en")], nl) == 0


def test_locale_neutral_reads_drawn_text_only() -> None:
    assert locale_neutral('<svg><text x="1.5">2021</text><text>40</text></svg>')
    assert not locale_neutral("<svg><text>1.000</text></svg>")
    assert not locale_neutral('<svg><text fill="#000">0,5</text></svg>')
    # a title written in the spec is drawn as written in every locale
    spec = '{"title":"per 1.000 inwoners"}'
    assert locale_neutral("<svg><text>per 1.000 inwoners</text><text>5</text></svg>", spec)
    assert not locale_neutral("<svg><text>per 1.000 inwoners</text><text>2,5</text></svg>", spec)


def test_shared_rendering_with_a_worker_process_keeps_the_order() -> None:
    from rekenschap.render.chartpool import CHUNK, render_shared
    from rekenschap.render.charts import _render_specs

    specs = [chartspecs.chart(chartspecs.series_spec(
        [("2020", Decimal(i)), ("2021", Decimal(i + 1))], None, None, None, "v"), "a", _TABLE,
        "nl").spec_json for i in range(2 * CHUNK + 3)]
    shared = render_shared(specs, "nl-NL", 2, _render_specs)
    assert shared == _render_specs(specs, "nl-NL")   # same SVG, same order, nothing lost
    assert len(set(shared)) == len(specs)


def test_worker_processes_only_for_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from rekenschap.render import chartpool

    monkeypatch.setattr(chartpool.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(chartpool.os, "getloadavg", lambda: (0.2, 0.0, 0.0))
    assert chartpool.useful_processes(4) == 4 and chartpool.useful_processes(2) == 2
    monkeypatch.setattr(chartpool.os, "getloadavg", lambda: (2.5, 0.0, 0.0))
    assert chartpool.useful_processes(4) == 2      # one idle core and a half: one worker
    monkeypatch.setattr(chartpool.os, "getloadavg", lambda: (9.0, 0.0, 0.0))
    assert chartpool.useful_processes(4) == 1      # all busy: render here, spawn nothing

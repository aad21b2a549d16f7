"""Render Vega-Lite charts to inline SVG with vl-convert (no browser, no CDN, no network).

Charts are cached by their key (a hash of spec and locale) in memory and, when a cache
directory is given, on disk. vl-convert runs one JavaScript runtime per process, so threads do
not help; a large batch of uncached charts is shared between this process and worker processes
(:mod:`rekenschap.render.chartpool`).
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

import vl_convert

from rekenschap.render.chartpool import render_shared, useful_processes
from rekenschap.render.messages import Lang
from rekenschap.render.pagedata import ChartData

_FORMAT_LOCALE: dict[str, Literal["nl-NL", "en-GB"]] = {"nl": "nl-NL", "en": "en-GB"}
_SVG_OPEN = re.compile(r"<svg\b")
PROCESS_THRESHOLD = 120
"""From this many uncached charts on, rendering is shared with worker processes. Starting a
worker (spawn, import, its own JavaScript runtime) costs about 1.5 CPU seconds, some 60 charts'
worth, so smaller batches render in this process alone."""


def _render_specs(specs: list[str], locale: str) -> list[str]:
    """Render Vega-Lite specs (JSON text) to accessible SVG; runs in a worker process too."""
    code = cast(Literal["nl-NL", "en-GB"], locale)
    return [accessible_svg(vl_convert.vegalite_to_svg(json.loads(spec), format_locale=code,
                                                      allowed_base_urls=[]))
            for spec in specs]


@dataclass
class ChartRenderer:
    """Turns :class:`ChartData` into accessible inline SVG, once per distinct chart."""

    lang: Lang = "nl"
    cache_dir: Path | None = None
    workers: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))
    """Processes for large batches, this one included (1 renders everything in this process);
    see :mod:`rekenschap.render.chartpool`."""
    seconds: float = 0.0
    """Wall-clock time spent rendering (for the benchmark's share-of-time figure)."""
    rendered: int = 0
    processes: int = 1
    """The most processes a batch used (1: this process only; see ``useful_processes``)."""
    shared: int = 0
    """Charts taken over from another language's renderer (see :meth:`share`)."""
    _memory: dict[str, str] = field(default_factory=dict)
    _by_spec: dict[str, str] = field(default_factory=dict)

    def render_all(self, charts: Iterable[ChartData]) -> dict[str, str]:
        """SVG per chart key; renders what is not cached yet, in parallel."""
        start = time.perf_counter()
        todo: dict[str, ChartData] = {}
        for chart in charts:
            if chart.key in self._memory or chart.key in todo:
                continue
            cached = self._read_cache(chart.key)
            if cached is not None:
                self._memory[chart.key] = cached
                self._by_spec[chart.spec_json] = cached
            else:
                todo[chart.key] = chart
        if todo:
            specs = [c.spec_json for c in todo.values()]
            for (key, chart), svg in zip(todo.items(), self._render(specs), strict=True):
                self._memory[key] = svg
                self._by_spec[chart.spec_json] = svg
                self._write_cache(key, svg)
            self.rendered += len(todo)
        self.seconds += time.perf_counter() - start
        return dict(self._memory)

    def share(self, charts: Iterable[ChartData], other: ChartRenderer) -> int:
        """Take ``other``'s SVG for every chart with the very same spec whose drawn numbers
        do not depend on the locale; returns how many were taken.

        Only the number format differs between locales (nl-NL 1.234,5 against en-GB
        1,234.5): a chart whose labels have no decimal or group separator draws the same in
        both, so a two-language site renders it once. Charts with language-specific text
        (axis titles, legends) have a different spec and are rendered for each language.
        """
        taken = 0
        for chart in charts:
            svg = other._by_spec.get(chart.spec_json)
            if (chart.key not in self._memory and svg is not None
                    and locale_neutral(svg, chart.spec_json)):
                self._memory[chart.key] = svg
                self._by_spec[chart.spec_json] = svg
                taken += 1
        self.shared += taken
        return taken

    def svg(self, chart: ChartData) -> str:
        return self.render_all([chart])[chart.key]

    def png_data_uri(self, chart: ChartData, scale: float = 1.5) -> str:
        """The chart as a PNG ``data:`` URI (for the PDF, where an <img> can carry alt text)."""
        svg = self.svg(chart)
        png = vl_convert.svg_to_png(svg, scale=scale)
        return "data:image/png;base64," + base64.b64encode(png).decode("ascii")

    def _render(self, specs: list[str]) -> list[str]:
        locale = _FORMAT_LOCALE[self.lang]
        processes = useful_processes(self.workers) if len(specs) >= PROCESS_THRESHOLD else 1
        self.processes = max(self.processes, processes)
        if processes < 2:
            return _render_specs(specs, locale)
        return render_shared(specs, locale, processes, _render_specs)

    def _cache_path(self, key: str) -> Path | None:
        return self.cache_dir / f"{key}.svg" if self.cache_dir else None

    def _read_cache(self, key: str) -> str | None:
        path = self._cache_path(key)
        if path is not None and path.is_file():
            return path.read_text(encoding="utf-8")
        return None

    def _write_cache(self, key: str, svg: str) -> None:
        path = self._cache_path(key)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(svg, encoding="utf-8")


_TEXT = re.compile(r"<text\b[^>]*>([^<]*)</text>")
_SEPARATED_NUMBER = re.compile(r"\d[.,]\d")


def locale_neutral(svg: str, spec_json: str = "") -> bool:
    """True when no number drawn in ``svg`` was formatted with a decimal or group separator.

    Text given literally in the spec (``spec_json``: an axis title "per 1.000 inwoners", a
    label) is drawn as written in every locale and does not count.
    """
    for text in _TEXT.findall(svg):
        if _SEPARATED_NUMBER.search(text):
            literal = json.dumps(html.unescape(text), ensure_ascii=False)
            if literal not in spec_json:
                return False
    return True


LABEL_PLACEHOLDER = "@@chart-label@@"


def labelled(svg: str, label_id: str) -> str:
    """Point the SVG's ``aria-labelledby`` at ``label_id`` (unique per page, set when placed)."""
    return svg.replace(LABEL_PLACEHOLDER, label_id, 1)


def accessible_svg(svg: str) -> str:
    """Make the SVG one image named by its text alternative (see :func:`labelled`).

    Inner ARIA roles from Vega are dropped so assistive technology reads one image with one
    description instead of a tree of unnamed groups; the data is in the table beside it.
    """
    svg = re.sub(r'\s(?:role|aria-roledescription|aria-label)="[^"]*"', "", svg)
    return _SVG_OPEN.sub(
        f'<svg role="img" aria-labelledby="{LABEL_PLACEHOLDER}" focusable="false"', svg, count=1)

"""Render Vega-Lite charts to inline SVG with vl-convert (no browser, no CDN, no network).

Charts are cached by their key (a hash of spec and locale) in memory and, when a cache
directory is given, on disk; uncached charts are rendered in a thread pool.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import vl_convert

from rekenschap.render.messages import Lang
from rekenschap.render.pagedata import ChartData

_FORMAT_LOCALE: dict[str, Literal["nl-NL", "en-GB"]] = {"nl": "nl-NL", "en": "en-GB"}
_SVG_OPEN = re.compile(r"<svg\b")


@dataclass
class ChartRenderer:
    """Turns :class:`ChartData` into accessible inline SVG, once per distinct chart."""

    lang: Lang = "nl"
    cache_dir: Path | None = None
    workers: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))
    seconds: float = 0.0
    """Wall-clock time spent rendering (for the benchmark's share-of-time figure)."""
    rendered: int = 0
    _memory: dict[str, str] = field(default_factory=dict)

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
            else:
                todo[chart.key] = chart
        if todo:
            with ThreadPoolExecutor(max_workers=self.workers) as pool:
                for key, svg in zip(todo, pool.map(self._render_one, todo.values()), strict=True):
                    self._memory[key] = svg
                    self._write_cache(key, svg)
            self.rendered += len(todo)
        self.seconds += time.perf_counter() - start
        return dict(self._memory)

    def svg(self, chart: ChartData) -> str:
        return self.render_all([chart])[chart.key]

    def _render_one(self, chart: ChartData) -> str:
        raw = vl_convert.vegalite_to_svg(
            json.loads(chart.spec_json), format_locale=_FORMAT_LOCALE[self.lang],
            allowed_base_urls=[])
        return accessible_svg(raw)

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

"""The comparison page (vergelijking): a municipality against its peers, from open data.

The data comes from ``rekenschap.opendata.compare`` (a layer beside render, so render does not
import it): :func:`comparison_page` takes any object of that shape (:class:`ComparisonLike`)
plus its Vega-Lite specs (one per measure) and makes page data the site template renders:
per measure a chart with its text alternative and the same rows as a table (Taakveld | € per
inwoner | Mediaan | Q1 – Q3 | Rang), then the indicators against Nederland, then the sources.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from rekenschap.render import chartspecs
from rekenschap.render.formatting import Formatter, slugify
from rekenschap.render.messages import Lang, message
from rekenschap.render.pagedata import Cell, ChartData, TableData


class TaakveldRowLike(Protocol):
    @property
    def taakveld(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def measure(self) -> str: ...
    @property
    def value(self) -> Decimal | None: ...
    @property
    def n(self) -> int: ...
    @property
    def q1(self) -> Decimal | None: ...
    @property
    def median(self) -> Decimal | None: ...
    @property
    def q3(self) -> Decimal | None: ...
    @property
    def rank(self) -> int | None: ...


class IndicatorRowLike(Protocol):
    @property
    def indicator(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def national(self) -> Decimal | None: ...
    @property
    def source(self) -> str: ...


class ComparisonLike(Protocol):
    """The shape of ``rekenschap.opendata.compare.Comparison``."""

    @property
    def cbs_code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def phase(self) -> str: ...
    @property
    def peer_label(self) -> str: ...
    @property
    def peers(self) -> tuple[str, ...]: ...
    @property
    def population(self) -> int | None: ...
    @property
    def rows(self) -> Sequence[TaakveldRowLike]: ...
    @property
    def indicators(self) -> Sequence[IndicatorRowLike]: ...
    @property
    def sources(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class MeasureSection:
    """One measure (lasten or baten): heading, chart (may be absent) and table; ``sheet`` is the
    same rows for a spreadsheet, every figure its own number (Q1, Q3, rank, count apart)."""

    heading: str
    anchor: str
    chart: ChartData | None
    table: TableData
    sheet: TableData | None = None


@dataclass(frozen=True)
class ComparisonPage:
    slug: str
    cbs_code: str
    title: str
    intro: str
    peers: str
    measures: tuple[MeasureSection, ...]
    indicators: TableData | None
    sources: tuple[str, ...]

    @property
    def href(self) -> str:
        return f"{self.slug}.html"


def _styled(spec: Mapping[str, Any], lang: Lang, measure: str) -> dict[str, Any]:
    """The opendata spec in the site's chart style, with Dutch or English axis titles."""
    styled: dict[str, Any] = json.loads(json.dumps(spec))
    styled["config"] = chartspecs.CONFIG
    styled["width"] = 460
    styled["height"] = {"step": 22}
    styled.pop("description", None)   # the text alternative is on the page, beside the chart
    title = message(f"cmp.axis.{measure}", lang)
    for layer in styled.get("layer", []):
        x = layer.get("encoding", {}).get("x")
        if isinstance(x, dict) and "title" in x:
            x["title"] = title
        layer.get("encoding", {}).pop("tooltip", None)
    y = styled.get("encoding", {}).get("y")
    if isinstance(y, dict):
        y["title"] = None     # the taakveld labels speak for themselves; the table names them
        y["axis"] = {"labelLimit": 260}
    return styled


_SIZE = re.compile(r"^(\d+)\s*tot\s*(\d+)\s*inwoners$", re.I)


def peer_label(label: str, fmt: Formatter) -> str:
    """CBS size classes as words: "20000tot50000inwoners" -> "gemeenten van 20.000 tot ..."."""
    match = _SIZE.match(label.strip())
    if match is None:
        return label
    low, high = (fmt.amount(Decimal(g)) for g in match.groups())
    return message("cmp.size", fmt.lang, low=low, high=high)


def indicator_label(indicator: str) -> str:
    """An indicator id as a name: "vernielingen-en-beschadigingen" -> "Vernielingen en ..."."""
    text = indicator.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _rank(row: TaakveldRowLike, fmt: Formatter) -> str:
    return f"{row.rank} / {row.n}" if row.rank is not None else ""


def _taakveld_table(comparison: ComparisonLike, measure: str, fmt: Formatter) -> TableData:
    lang = fmt.lang
    rows = tuple(
        (Cell(f"{r.taakveld} {r.name}"), Cell(fmt.amount(r.value), r.value, True),
         Cell(fmt.amount(r.median), r.median, True),
         Cell(f"{fmt.amount(r.q1)} – {fmt.amount(r.q3)}" if r.q1 is not None
              and r.q3 is not None else ""),
         Cell(_rank(r, fmt)))
        for r in comparison.rows if r.measure == measure)
    return TableData(
        caption=message("cmp.table", lang, measure=message(f"fin.kind.{measure}", lang),
                        name=comparison.name),
        headers=(message("cmp.taakveld", lang),
                 message("cmp.value", lang, name=comparison.name),
                 message("cmp.median", lang), message("cmp.iqr", lang),
                 message("cmp.rank", lang)),
        rows=rows, note=message("cmp.note", lang))


_SHEET_HEADERS: dict[str, tuple[str, str, str, str]] = {
    "nl": ("Q1 (eerste kwartiel)", "Q3 (derde kwartiel)", "Rang", "Aantal gemeenten"),
    "en": ("Q1 (first quartile)", "Q3 (third quartile)", "Rank", "Number of municipalities"),
}


def _num(value: Decimal | int | None, fmt: Formatter) -> Cell:
    if value is None:
        return Cell("")
    number = Decimal(value)
    return Cell(fmt.amount(number), number, True)


def _taakveld_sheet(comparison: ComparisonLike, measure: str, table: TableData,
                    fmt: Formatter) -> TableData:
    """``table`` for a spreadsheet: Q1 and Q3, the rank and the number of municipalities ranked
    each in a numeric column instead of the texts "70 – 95" and "6 / 12"."""
    q1, q3, rank, count = _SHEET_HEADERS[fmt.lang]
    rows = tuple(
        (Cell(f"{r.taakveld} {r.name}"), _num(r.value, fmt), _num(r.median, fmt),
         _num(r.q1, fmt), _num(r.q3, fmt), _num(r.rank, fmt),
         _num(r.n if r.rank is not None else None, fmt))
        for r in comparison.rows if r.measure == measure)
    return TableData(caption=table.caption,
                     headers=(*table.headers[:3], q1, q3, rank, count),
                     rows=rows, note=table.note, number_format="#,##0")


def _indicator_table(comparison: ComparisonLike, fmt: Formatter) -> TableData | None:
    if not comparison.indicators:
        return None
    lang = fmt.lang
    rows = tuple((Cell(indicator_label(i.indicator)), Cell(str(i.year)),
                  Cell(fmt.number(i.value), i.value, True),
                  Cell(fmt.number(i.national), i.national, True))
                 for i in comparison.indicators)
    return TableData(caption=message("cmp.indicators", lang),
                     headers=(message("cmp.indicator", lang), message("cmp.year", lang),
                              comparison.name, "Nederland"),
                     rows=rows, note=message("cmp.indicators.note", lang),
                     number_format="#,##0.0")


def page_sources(comparison: ComparisonLike) -> tuple[str, ...]:
    """The comparison's sources, plus the table of any shown indicator it does not name yet, so
    the page's label follows the data (83648NED or the police's 47018NED), whoever built it."""
    named = comparison.sources
    extra = [i.source for i in comparison.indicators
             if i.source and not any(i.source in s for s in named)]
    return (*named, *dict.fromkeys(extra))


def comparison_page(comparison: ComparisonLike, specs: Mapping[str, Mapping[str, Any]],
                    lang: Lang = "nl") -> ComparisonPage:
    """Page data for ``comparison``; ``specs`` maps "lasten"/"baten" to the Vega-Lite spec."""
    fmt = Formatter(lang)
    peers = comparison.peers
    group = peer_label(comparison.peer_label, fmt)
    title = message("cmp.title", lang, name=comparison.name)
    intro = message("cmp.intro", lang, phase=comparison.phase, year=comparison.year,
                    peers=group, n=len(peers),
                    population=fmt.amount(Decimal(comparison.population))
                    if comparison.population else "?")
    measures = []
    for measure in ("lasten", "baten"):
        table = _taakveld_table(comparison, measure, fmt)
        if not table.rows:
            continue
        chart = None
        spec = specs.get(measure)
        known = [r for r in comparison.rows if r.measure == measure and r.n > 0]
        if spec is not None and known:
            alt = message("cmp.chart.alt", lang, name=comparison.name,
                          measure=message(f"fin.kind.{measure}", lang),
                          peers=group, n=len(known),
                          above=sum(1 for r in known if r.value is not None
                                    and r.median is not None and r.value > r.median),
                          below=sum(1 for r in known if r.value is not None
                                    and r.median is not None and r.value < r.median))
            chart = chartspecs.chart(_styled(spec, lang, measure), alt, table, lang)
        measures.append(MeasureSection(
            heading=message("cmp.measure", lang, measure=message(f"fin.kind.{measure}", lang)),
            anchor=f"vergelijking-{measure}", chart=chart, table=table,
            sheet=_taakveld_sheet(comparison, measure, table, fmt)))
    return ComparisonPage(
        slug=slugify(f"vergelijking {comparison.cbs_code}", "vergelijking"),
        cbs_code=comparison.cbs_code, title=title, intro=intro, peers=", ".join(peers),
        measures=tuple(measures), indicators=_indicator_table(comparison, fmt),
        sources=page_sources(comparison))

"""The BBV policy-indicator table (beleidsindicatoren) and its rows per programme.

The table has a header line "Progr. | Nr. | Naam Indicator | Eenheid | Bron | Wassenaar
(jaartal) | Nederland (jaartal)"; its column boundaries lie midway between the header words.
Each row is anchored by the line with the programme number and the indicator number ("1  6.");
wrapped name and unit lines above and below belong to the nearest anchor. The table may go on
over the next pages without a header. Values print as "4,4 (2023)": value and year.

The municipality's own column becomes the indicator's observations; the comparison column
(Nederland, or whichever region its header names) becomes a :class:`~rekenschap.model.Benchmark`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from rekenschap.importers.pdf import indicator_columns as geo
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.layout import Rect
from rekenschap.importers.pdf.words import PageWords
from rekenschap.importers.sentences import catalogue_id
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import (
    Benchmark,
    Indicator,
    Location,
    Observation,
    ObservationQualifier,
    Problem,
    Programme,
    Severity,
    parse_unit,
)
from rekenschap.model.numbers import parse_number

__all__ = ["IndicatorRow", "attach_indicators", "find_indicator_tables"]

_VALUE = re.compile(r"^(?P<v>.*?)\s*\(\s*(?P<y>(?:19|20)\d\d)\s*\)\s*$")
_QUALIFIERS = {"n.n.b.": ObservationQualifier.NOT_YET_KNOWN,
               "n.v.t.": ObservationQualifier.NOT_APPLICABLE}
_CONTINUATION_GAP = 20.0
_REGION_CODES = {"nederland": "NL01"}  # CBS region code of the whole country

_Row = tuple[dict[str, str], list[FlowLine]]


@dataclass
class IndicatorRow:
    """One table row: which programme it belongs to and the indicator read from it."""

    programme: str
    indicator: Indicator
    lines: list[FlowLine] = field(default_factory=list)


def _is_anchor(cells: dict[str, str]) -> bool:
    return bool(re.fullmatch(r"\d{1,2}", cells.get("progr", ""))) and bool(
        re.fullmatch(r"\d{1,2}\.?", cells.get("nr", "")))


def _observation(text: str, source: str | None, file: str, lines: list[FlowLine],
                 ) -> tuple[Observation | None, Problem | None]:
    m = _VALUE.match(" ".join(text.split()))
    raw, period = (m.group("v"), m.group("y")) if m else (text, None)
    raw = raw.strip()
    parsed = parse_number(raw)
    qualifier = _QUALIFIERS.get(parsed.qualifier or "")
    if parsed.value is None and qualifier is None:
        first = lines[0]
        return None, Problem(
            code="PDF-INDICATOR-VALUE", severity=Severity.WARNING,
            message=f"indicator value {text!r} is not a number; the value is skipped",
            location=Location(file=file, page=first.page, line=first.number))
    printed = text if parsed.value is None or raw != str(parsed.value) else None
    return Observation(period=period, value=parsed.value, qualifier=qualifier, printed=printed,
                       source=source, provenance=provenance_of(file, lines)), None


def _rules(rects: Sequence[Rect], lines: list[FlowLine]) -> list[float]:
    """The y-positions of horizontal ruling lines across the table (merged within 2 pt)."""
    if not lines:
        return []
    x0 = min(fl.line.x0 for fl in lines)
    x1 = max(fl.line.x1 for fl in lines)
    ys = sorted(r.top for r in rects
                if r.height <= 2.0 and r.width >= 10 and r.x0 <= x1 and r.x1 >= x0)
    merged: list[float] = []
    for y in ys:
        if not merged or y - merged[-1] > 2.0:
            merged.append(y)
    return merged


def _bands(lines: list[FlowLine], rules: list[float]) -> list[list[int]]:
    """Groups of lines that form one table row: between two ruling lines when the table is
    ruled; else runs of tightly spaced lines (a new band where the line pitch exceeds 1.5
    times the usual within-row pitch)."""
    if not lines:
        return []
    if len(rules) >= 3:
        by_band: dict[int, list[int]] = {}
        for i, fl in enumerate(lines):
            mid = (fl.line.top + fl.line.bottom) / 2
            band = sum(1 for y in rules if y < mid)
            by_band.setdefault(band, []).append(i)
        return [by_band[k] for k in sorted(by_band)]
    pitches = sorted(b.line.top - a.line.top for a, b in pairwise(lines))
    tight = pitches[len(pitches) // 4] if pitches else 0.0
    bands: list[list[int]] = [[0]]
    for i in range(1, len(lines)):
        if lines[i].line.top - lines[i - 1].line.top > 1.5 * max(tight, 3.0):
            bands.append([])
        bands[-1].append(i)
    return bands


def _rows_on_page(lines: list[FlowLine], bounds: list[float], carry: IndicatorRow | None,
                  rects: Sequence[Rect], words: PageWords | None = None,
                  ) -> tuple[list[_Row], list[FlowLine]]:
    """Anchored rows of one page and the lines that continue the previous page's last row."""
    cells = [(fl, geo.cells(fl, bounds, words)) for fl in lines]
    anchors = [i for i, (_, c) in enumerate(cells) if _is_anchor(c)]
    if not anchors:
        return [], []
    groups: dict[int, list[FlowLine]] = {a: [] for a in anchors}
    spill: list[FlowLine] = []
    first_top = lines[anchors[0]].line.top
    for band in _bands(lines, _rules(rects, lines)):
        inside = [a for a in anchors if a in band] or anchors
        for i in band:
            fl = lines[i]
            if carry is not None and i < anchors[0] and first_top - fl.line.top > _CONTINUATION_GAP:
                spill.append(fl)
                continue
            nearest = min(inside, key=lambda a: abs(lines[a].line.top - fl.line.top))
            groups[nearest].append(fl)
    rows = []
    for a in anchors:
        merged: dict[str, list[str]] = {}
        for fl in groups[a]:
            for k, v in geo.cells(fl, bounds, words).items():
                merged.setdefault(k, []).append(v)
        rows.append(({k: join_lines([p.replace("\ufffe", "-") for p in v])
                      for k, v in merged.items()}, groups[a]))
    return rows, spill


def find_indicator_tables(
    flow: Sequence[FlowLine], *, file: str, rects: Mapping[int, Sequence[Rect]] | None = None,
    words: PageWords | None = None,
) -> tuple[list[IndicatorRow], list[Problem]]:
    """Every row of the beleidsindicatoren table(s) in the document (``rects``: each page's
    rectangles, whose ruling lines separate the rows of a ruled table)."""
    problems: list[Problem] = []
    pages: dict[int, list[FlowLine]] = {}
    for fl in flow:
        pages.setdefault(fl.page, []).append(fl)
    out: list[IndicatorRow] = []
    bounds: list[float] | None = None
    region = "Nederland"
    estimated: list[FlowLine] = []
    for number in sorted(pages):
        lines = pages[number]
        start = 0
        header = next(((i, h) for i, fl in enumerate(lines) if (h := geo.header(fl))), None)
        if header is not None:
            start = header[0] + 1
            region = geo.region(lines[header[0]])
            bounds = geo.refine(geo.bounds_of(header[1]), lines[start:], words)
            while start < len(lines) and "jaartal" in lines[start].text.lower():
                start += 1
        elif bounds is None:
            continue
        assert bounds is not None
        rows, spill = _rows_on_page(lines[start:], bounds, out[-1] if out else None,
                                    (rects or {}).get(number, ()), words)
        estimated += [fl for _, fls in rows for fl in fls if geo.spans(fl, bounds, words)]
        if not rows and header is None:
            bounds = None  # the table has ended
            continue
        if spill and out:
            out[-1] = _extend(out[-1], spill, bounds, file, words)
        for cells, fls in rows:
            row, found = _row(cells, fls, file, region)
            problems += found
            if row is not None:
                out.append(row)
    if estimated:
        first = estimated[0]
        problems.append(Problem(
            code="PDF-INDICATOR-GEOMETRY", severity=Severity.WARNING,
            message=f"{len(estimated)} line(s) of the beleidsindicatoren table have text runs "
                    f"across column boundaries; their words were placed in columns by estimated "
                    f"positions, so names, units and sources may be mixed up",
            location=Location(file=file, page=first.page, line=first.number)))
    return out, problems


def _benchmark(text: str, region: str, source: str | None, file: str, fls: list[FlowLine],
               ) -> tuple[Benchmark | None, Problem | None]:
    """The comparison value of one row as a benchmark of ``region``."""
    obs, problem = _observation(text, source, file, fls)
    if obs is None:
        return None, problem
    code = _REGION_CODES.get(region.lower())
    return Benchmark(region=region, region_code=code, observations=(obs,),
                     provenance=obs.provenance), problem


def _row(cells: dict[str, str], fls: list[FlowLine], file: str, region: str = "Nederland",
         ) -> tuple[IndicatorRow | None, list[Problem]]:
    name = cells.get("naam", "").strip()
    if not name:
        first = fls[0]
        return None, [Problem(
            code="PDF-INDICATOR-NAME", severity=Severity.WARNING,
            message=f"indicator row {cells.get('nr', '?')} has no name; the row is skipped",
            location=Location(file=file, page=first.page, line=first.number))]
    source = cells.get("bron") or None
    problems: list[Problem] = []
    odd = [f"{k} {v!r}" for k, v in (("naam", name), ("bron", source or ""))
           if re.match(r"^[\d%(–-]", v)]
    if odd:  # a name or source never starts with a number: words from the unit strayed
        problems.append(Problem(
            code="PDF-INDICATOR-GEOMETRY", severity=Severity.WARNING,
            message=f"indicator row {cells.get('nr', '?')} looks misread ({', '.join(odd)}); "
                    f"words of the unit column may have landed in the wrong column",
            location=Location(file=file, page=fls[0].page, line=fls[0].number)))
    observations: list[Observation] = []
    if cells.get("own"):
        obs, problem = _observation(cells["own"], source, file, fls)
        if obs is not None:
            observations.append(obs)
        if problem is not None:
            problems.append(problem)
    benchmarks: list[Benchmark] = []
    if cells.get("compare"):
        bench, problem = _benchmark(cells["compare"], region, source, file, fls)
        if bench is not None:
            benchmarks.append(bench)
        if problem is not None:
            problems.append(problem)
    unit_text = cells.get("eenheid")
    indicator = Indicator(
        name=name, unit=parse_unit(unit_text) if unit_text else None, source=source,
        catalogue_id=catalogue_id(name), observations=tuple(observations),
        benchmarks=tuple(benchmarks),
        provenance=provenance_of(file, sorted(fls, key=lambda f: (f.page, f.number))))
    return IndicatorRow(programme=cells["progr"], indicator=indicator, lines=fls), problems


def _extend(row: IndicatorRow, spill: list[FlowLine], bounds: list[float], file: str,
            words: PageWords | None = None) -> IndicatorRow:
    """Add the lines that continue a row at the top of the next page (name and unit)."""
    extra: dict[str, list[str]] = {}
    for fl in spill:
        for k, v in geo.cells(fl, bounds, words).items():
            extra.setdefault(k, []).append(v)
    ind = row.indicator
    name = join_lines([ind.name, *extra.get("naam", [])])
    unit_label = ind.unit.label if ind.unit and ind.unit.label else ""
    unit_text = join_lines([unit_label, *extra.get("eenheid", [])]).strip()
    updated = ind.model_copy(update={
        "name": name, "unit": parse_unit(unit_text) if unit_text else None,
        "catalogue_id": catalogue_id(name)})
    return IndicatorRow(programme=row.programme, indicator=updated, lines=row.lines + spill)


def attach_indicators(
    programmes: list[Programme], rows: list[IndicatorRow], *, file: str,
) -> tuple[list[Programme], list[Problem]]:
    """Programmes with the table's indicators added, by the table's programme number."""
    problems: list[Problem] = []
    by_number: dict[str, list[Indicator]] = {}
    for row in rows:
        by_number.setdefault(row.programme, []).append(row.indicator)
    numbers = {re.sub(r"\D", "", p.code or ""): i for i, p in enumerate(programmes)}
    out = list(programmes)
    for number, indicators in by_number.items():
        i = numbers.get(number)
        if i is None:
            prov = indicators[0].provenance
            problems.append(Problem(
                code="PDF-INDICATOR-PROGRAMME", severity=Severity.WARNING,
                message=f"{len(indicators)} indicator(s) name programme {number}, which was not "
                        f"found; they are not attached",
                location=Location.of(prov) if prov else Location(file=file)))
            continue
        out[i] = out[i].model_copy(update={
            "indicators": out[i].indicators + tuple(indicators)})
    return out, problems

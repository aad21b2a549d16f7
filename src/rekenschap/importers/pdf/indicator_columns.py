"""Column geometry of the BBV policy-indicator table (beleidsindicatoren kolommen).

The header line "Progr. | Nr. | Naam Indicator | Eenheid | Bron | Wassenaar (jaartal) |
Nederland (jaartal)" gives a first guess of the column boundaries (midway between header
words); :func:`refine` moves them into the white space the rows leave, and :func:`cells` puts
a line's words in their columns (by exact word boxes when a text run crosses a boundary).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rekenschap.importers.pdf.cells import Cell, cells_of
from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.layout import Line, Segment
from rekenschap.importers.pdf.words import PageWords

__all__ = ["COLUMNS", "bounds_of", "cells", "column", "header", "refine", "region", "spans"]

COLUMNS = ("progr", "nr", "naam", "eenheid", "bron", "own", "compare")


def header(fl: FlowLine) -> list[tuple[str, float, float]] | None:
    """Column names with their x-extent when ``fl`` is the table's header line."""
    low = fl.text.lower()
    if not ("progr" in low and "nr" in low and "eenheid" in low and "bron" in low):
        return None
    segs = [s for s in fl.segments if s.text.strip()]
    if len(segs) != len(COLUMNS):
        return None
    return [(name, s.x0, s.x1) for name, s in zip(COLUMNS, segs, strict=True)]


def region(fl: FlowLine) -> str:
    """The comparison column's region as its header names it ("Nederland")."""
    segs = [s for s in fl.segments if s.text.strip()]
    words = [w for w in segs[-1].text.split() if w.lower() not in {"realisatie", "(jaartal)"}]
    return " ".join(words) or "Nederland"


def bounds_of(header: list[tuple[str, float, float]]) -> list[float]:
    """Right boundary of each column: midway between a header word and the next."""
    out = [(header[i][2] + header[i + 1][1]) / 2 for i in range(len(header) - 1)]
    return [*out, 1e9]


def _words_of(fl: FlowLine, words: PageWords | None) -> list[Cell]:
    """The line's words: exact boxes inside runs when known, else interpolated."""
    out: list[Cell] = []
    for seg in fl.segments:
        exact = words.in_segment(fl.page, seg) if words is not None else None
        out += exact if exact is not None else cells_of(FlowLine(
            fl.page, fl.number, Line(seg.text, seg.x0, seg.top, seg.x1, seg.bottom, (seg,))))
    return out


def _gutter(left_runs: Sequence[Segment], right_runs: Sequence[Segment]) -> float | None:
    """The middle of the white space between two columns' text, if there is any."""
    if not left_runs or not right_runs:
        return None
    right_edge = max(seg.x1 for seg in left_runs)
    left_edge = min(seg.x0 for seg in right_runs)
    return (right_edge + left_edge) / 2 if right_edge < left_edge else None


def refine(bounds: list[float], lines: Sequence[FlowLine], words: PageWords | None = None,
            ) -> list[float]:
    """Column boundaries from the data: the header midpoints are only a first guess
    (left-aligned names start well left of their centred header; centred units overflow it).

    1. Complete rows (one text run per column) put a boundary in the gutter between them.
    2. Else the number columns end just right of their widest number,
    3. and the other boundaries lie in the gutter between runs that fit in one column.
    """
    out = list(bounds)
    full = [[seg for seg in fl.segments if seg.text.strip()] for fl in lines]
    full = [segs for segs in full if len(segs) == len(COLUMNS)
            and re.fullmatch(r"\d{1,2}", segs[0].text.strip())
            and all(abs(column((seg.x0 + seg.x1) / 2, bounds) - i) <= 1
                    for i, seg in enumerate(segs))]
    decided: set[int] = set()
    for i in range(len(COLUMNS) - 1):
        gutter = _gutter([segs[i] for segs in full], [segs[i + 1] for segs in full])
        if gutter is not None:
            out[i] = gutter
            decided.add(i)
    # 2. the number columns (Progr., Nr.) end just right of their widest number
    for i, pattern in ((0, r"\d{1,2}"), (1, r"\d{1,2}\.?")):
        if i in decided:
            continue
        edges = [c.x1 for fl in lines for c in _words_of(fl, words)
                 if re.fullmatch(pattern, c.text) and column(c.centre, out) == i]
        if edges:
            out[i] = max(edges) + 3
    # 3. the other boundaries: the gutter between whole runs that fit in one column
    runs: dict[int, list[Segment]] = {}
    for fl in lines:
        for seg in fl.segments:
            first, last = column(seg.x0 + 1, out), column(seg.x1 - 1, out)
            if first == last:
                runs.setdefault(first, []).append(seg)
    for i in range(2, len(COLUMNS) - 1):
        gutter = _gutter(runs.get(i, []), runs.get(i + 1, []))
        if i not in decided and gutter is not None:
            out[i] = gutter
    # 4. a boundary that still cuts through words moves to the nearest white space
    cells = [c for fl in _rows_only(lines) for c in _words_of(fl, words)]
    for i in range(2, len(COLUMNS) - 1):
        if i not in decided:
            out[i] = _clear(out, i, cells)
    return out


def _rows_only(lines: Sequence[FlowLine]) -> Sequence[FlowLine]:
    """The lines from the first to the last anchored row ("2  29."), and the two below it:
    prose under the table would cover every gap."""
    anchored = [i for i, fl in enumerate(lines)
                if re.match(r"^\d{1,2}\s+\d{1,2}\.?(\s|$)", fl.text.strip())]
    return lines[anchored[0]:anchored[-1] + 3] if anchored else []


def _clear(bounds: list[float], i: int, cells: Sequence[Cell]) -> float:
    """Boundary ``i`` unchanged when no word crosses it; else the middle of the white space
    (at least 4 pt wide, between the neighbouring boundaries) nearest to it."""
    at = bounds[i]
    if not any(c.x0 < at - 1 and c.x1 > at + 1 for c in cells):
        return at
    lo, hi = bounds[i - 1], bounds[i + 1]
    covered = sorted((max(c.x0, lo), min(c.x1, hi)) for c in cells if c.x1 > lo and c.x0 < hi)
    gaps: list[tuple[float, float]] = []
    edge = lo
    for x0, x1 in covered:
        if x0 - edge >= 4:
            gaps.append((edge, x0))
        edge = max(edge, x1)
    if hi - edge >= 4 and hi < 1e8:
        gaps.append((edge, hi))
    if not gaps:
        return at
    best = min(gaps, key=lambda g: abs((g[0] + g[1]) / 2 - at))
    middle = (best[0] + best[1]) / 2
    return middle if abs(middle - at) <= 40 else at


def column(x: float, bounds: list[float]) -> int:
    return next(i for i, b in enumerate(bounds) if x < b)


def spans(fl: FlowLine, bounds: list[float], words: PageWords | None = None) -> bool:
    """True when a segment of ``fl`` crosses a column boundary and no exact word positions
    are at hand (its words are then placed by estimated positions)."""
    return any(column(s.x0 + 1, bounds) != column(s.x1 - 1, bounds)
               and (words is None or words.in_segment(fl.page, s) is None) for s in fl.segments)


def cells(fl: FlowLine, bounds: list[float], words: PageWords | None = None) -> dict[str, str]:
    """The line's words per column. Segments can span several columns (the extractor joins
    runs with narrow gaps), so whole segments are kept only when they fit in one column; else
    their words are placed by their exact boxes (``words``) or by estimated positions."""
    out: dict[str, list[str]] = {}
    for seg in fl.segments:
        first, last = column(seg.x0 + 1, bounds), column(seg.x1 - 1, bounds)
        if first == last:
            out.setdefault(COLUMNS[first], []).append(seg.text.strip())
            continue
        exact = words.in_segment(fl.page, seg) if words is not None else None
        cells = exact if exact is not None else cells_of(
            FlowLine(fl.page, fl.number, Line(seg.text, seg.x0, seg.top, seg.x1, seg.bottom,
                                              (seg,))))
        for cell in cells:
            out.setdefault(COLUMNS[column(cell.centre, bounds)], []).append(cell.text)
    return {k: " ".join(v) for k, v in out.items()}

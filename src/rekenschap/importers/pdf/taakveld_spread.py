"""Two pages of the taakveld overview side by side on one sheet (a scanned spread).

A scan of two facing pages puts two taakveld tables next to each other, and the line builder
joins a left and a right row into one line ("0.61 OZB Woningen 7.821.310 ... Programma:P6
Sociaal Domein Begroting 2021 ..."). When a page has a wide white band near its middle that no
text crosses, with text on both sides of it on many lines, and a "Programma:" block starts on
the right, the page is read as two: first every left half-line, then every right one (each
keeping its line number for provenance).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.layout import Line, Segment, join_segments

__all__ = ["split_spreads"]

_START = re.compile(r"rogramma\s*:|per\s+taakveld", re.I)  # OCR may lose the "P"
_BAND = 20.0  # points of white space that make a gutter
_BOTH_SIDES = 5  # lines with text on both sides of it


def _gutter(lines: Sequence[FlowLine]) -> float | None:
    """The middle of the widest band in the central third that no text run crosses."""
    segs = [s for fl in lines for s in fl.segments]
    if not segs:
        return None
    left, right = min(s.x0 for s in segs), max(s.x1 for s in segs)
    lo, hi = left + (right - left) / 3, right - (right - left) / 3
    edges = sorted((s.x0, s.x1) for s in segs if s.x1 > lo and s.x0 < hi)
    best: tuple[float, float] | None = None
    edge = lo
    for x0, x1 in [*edges, (hi, hi)]:
        if x0 - edge >= _BAND and (best is None or x0 - edge > best[1] - best[0]):
            best = (edge, x0)
        edge = max(edge, x1)
    if best is None:
        return None
    middle = (best[0] + best[1]) / 2
    both = sum(1 for fl in lines if any(s.x1 < middle for s in fl.segments)
               and any(s.x0 > middle for s in fl.segments))
    starts_right = any(_START.search(s.text) for fl in lines for s in fl.segments
                       if s.x0 > middle)
    return middle if both >= _BOTH_SIDES and starts_right else None


def _half(fl: FlowLine, segs: list[Segment]) -> FlowLine:
    line = Line(join_segments(segs), segs[0].x0, min(s.top for s in segs), segs[-1].x1,
                max(s.bottom for s in segs), tuple(segs))
    return FlowLine(fl.page, fl.number, line)


def split_spreads(flow: Sequence[FlowLine]) -> list[FlowLine]:
    """``flow`` with every two-page spread read as its left page, then its right page."""
    pages: dict[int, list[FlowLine]] = {}
    for fl in flow:
        pages.setdefault(fl.page, []).append(fl)
    out: list[FlowLine] = []
    for number in sorted(pages):  # the flow is in page order already
        lines = pages[number]
        middle = _gutter(lines)
        if middle is None:
            out += lines
            continue
        lefts = [(fl, [s for s in fl.segments if s.x1 <= middle]) for fl in lines]
        rights = [(fl, [s for s in fl.segments if s.x0 >= middle]) for fl in lines]
        out += [_half(fl, segs) for fl, segs in [*lefts, *rights] if segs]
    return out

"""Hand-made PDF lines for importer tests: (text, x0, x1) cells on one line at ``top``."""

from __future__ import annotations

from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.layout import Line, Segment


def line(n: int, top: float, *cells: tuple[str, float, float], size: float = 9.0,
         page: int = 4) -> FlowLine:
    segs = tuple(Segment(t, x0, top, x1, top + size, size) for t, x0, x1 in cells)
    text = "  ".join(t for t, _, _ in cells)
    return FlowLine(page, n, Line(text, segs[0].x0, top, segs[-1].x1, top + size, segs))

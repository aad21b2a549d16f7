"""Hand-made flow lines for unit tests: (text, x0, x1) runs on one line at ``top``."""

from __future__ import annotations

from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.layout import Line, Segment


def flow_line(n: int, top: float, *runs: tuple[str, float, float], size: float = 9.0,
              page: int = 7) -> FlowLine:
    segs = tuple(Segment(t, x0, top, x1, top + size, size) for t, x0, x1 in runs)
    text = "  ".join(t for t, _, _ in runs)
    return FlowLine(page, n, Line(text, segs[0].x0, top, segs[-1].x1, top + size, segs))

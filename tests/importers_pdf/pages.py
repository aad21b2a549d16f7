"""Hand-made pages for unit tests: lines as (top, [(text, x0), ...]) at a font size."""

from __future__ import annotations

from rekenschap.importers.pdf.layout import Line, Page, Segment


def make_line(top: float, parts: list[tuple[str, float]], size: float = 9.0) -> Line:
    segs = tuple(Segment(text, x0, top, x0 + len(text) * size * 0.5, top + size, size)
                 for text, x0 in parts)
    return Line(" ".join(s.text for s in segs), segs[0].x0, top, segs[-1].x1, top + size, segs)


def make_page(number: int, rows: list[tuple[float, list[tuple[str, float]]] |
                                   tuple[float, list[tuple[str, float]], float]]) -> Page:
    lines = tuple(make_line(r[0], r[1], r[2] if len(r) == 3 else 9.0)  # type: ignore[misc]
                  for r in sorted(rows, key=lambda r: r[0]))
    return Page(number=number, width=595.0, height=842.0, lines=lines,
                text="\n".join(line.text for line in lines))


def right(text: str, x1: float, size: float = 9.0) -> tuple[str, float]:
    """A right-aligned cell ending at ``x1``."""
    return text, x1 - len(text) * size * 0.5

"""The reading flow of a document (leesvolgorde): its lines in order, with page furniture removed.

Structure recognition works on :class:`FlowLine` objects: one visual line from P1's layout
(:mod:`rekenschap.importers.pdf.layout`) plus its page number and 1-based line number on that
page, so every recognised object can carry a :class:`~rekenschap.model.Provenance`.

Page furniture (paginaopmaak: page numbers, running headers and footers) is removed here, once,
so it never leaks into programme text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rekenschap.importers.pdf.layout import Line, Page, Segment
from rekenschap.model import Provenance

__all__ = ["FlowLine", "build_flow", "provenance_of"]

_PAGE_NUMBER = re.compile(r"^(?:pagina\s+)?\d{1,4}(?:\s*(?:/|van)\s*\d{1,4})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class FlowLine:
    """One line in reading order: ``page`` and ``number`` (1-based line on the page)."""

    page: int
    number: int
    line: Line
    page_height: float = 842.0

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self.line.segments

    @property
    def size(self) -> float:
        """The font size of the first segment (0 when unknown)."""
        return self.line.segments[0].size if self.line.segments else 0.0


def provenance_of(file: str, lines: Sequence[FlowLine]) -> Provenance | None:
    """Provenance covering ``lines`` (the first line's page; a bbox when on one page)."""
    if not lines:
        return None
    first, last = lines[0], lines[-1]
    same_page = [fl for fl in lines if fl.page == first.page]
    bbox = (
        round(min(fl.line.x0 for fl in same_page), 1),
        round(min(fl.line.top for fl in same_page), 1),
        round(max(fl.line.x1 for fl in same_page), 1),
        round(max(fl.line.bottom for fl in same_page), 1),
    )
    line_end = last.number if last.page == first.page and last.number != first.number else None
    return Provenance(file=file, page=first.page, line=first.number, line_end=line_end, bbox=bbox)


def _furniture_keys(pages: Sequence[Page]) -> set[tuple[str, int]]:
    """Running headers/footers: the same text (digits masked) at the same height on many pages."""
    counts: Counter[tuple[str, int]] = Counter()
    for page in pages:
        seen: set[tuple[str, int]] = set()
        margin = page.height * 0.08
        for line in page.lines:
            if line.top < margin or line.bottom > page.height - margin:
                key = (_DIGITS.sub("#", line.text.strip().lower()), round(line.top / 4))
                seen.add(key)
        counts.update(seen)
    threshold = max(3, len(pages) // 4)
    return {key for key, n in counts.items() if n >= threshold}


def _is_page_number(line: Line, page: Page) -> bool:
    in_margin = line.top > page.height * 0.85 or line.bottom < page.height * 0.1
    return in_margin and bool(_PAGE_NUMBER.match(line.text.strip()))


def build_flow(pages: Sequence[Page]) -> list[FlowLine]:
    """All usable lines in reading order, without page numbers and running headers/footers."""
    furniture = _furniture_keys(pages)
    flow: list[FlowLine] = []
    for page in pages:
        if not page.quality.usable:
            continue
        for i, line in enumerate(page.lines, start=1):
            if not line.text.strip() or _is_page_number(line, page):
                continue
            key = (_DIGITS.sub("#", line.text.strip().lower()), round(line.top / 4))
            if key in furniture:
                continue
            flow.append(FlowLine(page.number, i, line, page.height))
    return flow

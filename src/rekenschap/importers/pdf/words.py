"""Exact word boxes for a few pages, from pdfplumber, when text runs span table columns.

The page extraction joins characters into runs; on some tables a run crosses several columns
("1 6. Verwijzingen Halt Aantal per 1.000 jongeren"). The table readers then need the words'
own positions. pdfplumber is slow on whole documents, so it is opened lazily and only asked
for the pages that need it (one or two per document); results are cached per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rekenschap.importers.pdf.cells import Cell
from rekenschap.importers.pdf.layout import Segment

__all__ = ["PageWords", "Word"]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class PageWords:
    """Words per 1-based page of ``source``; ``None`` when the PDF is not at hand."""

    source: str | None
    _cache: dict[int, list[Word] | None] = field(default_factory=dict)
    _pdf: Any = None

    def __call__(self, page: int) -> list[Word] | None:
        if page in self._cache:
            return self._cache[page]
        words = self._read(page)
        self._cache[page] = words
        return words

    def _read(self, page: int) -> list[Word] | None:
        if self.source is None or not Path(self.source).is_file():
            return None
        try:
            if self._pdf is None:
                import pdfplumber

                self._pdf = pdfplumber.open(self.source)
            raw = self._pdf.pages[page - 1].extract_words()
        except Exception:  # pdfplumber failing is not a reason to fail the import
            return None
        return [Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]),
                     float(w["bottom"])) for w in raw]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def in_segment(self, page: int, seg: Segment) -> list[Cell] | None:
        """The words inside ``seg`` with their exact x-extent, ``None`` when unavailable."""
        words = self(page)
        if not words:
            return None
        mid = (seg.top + seg.bottom) / 2
        inside = [Cell(w.text, w.x0, w.x1) for w in words
                  if w.top - 2 <= mid <= w.bottom + 2 and seg.x0 - 2 <= (w.x0 + w.x1) / 2
                  <= seg.x1 + 2]
        joined = " ".join(c.text for c in sorted(inside, key=lambda c: c.x0))
        return inside if joined.split() == seg.text.split() else None

"""Exact word boxes inside a text run, from pypdfium2's character boxes (woordposities).

The page extraction joins characters into runs; on some tables a run crosses several columns
("1 6. Verwijzingen Halt Aantal per 1.000 jongeren"). The table readers then need the words'
own positions. They are read here from the character boxes of just that run, on just the
pages that need it; the document and its text pages are opened lazily and cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rekenschap.importers.pdf.cells import Cell
from rekenschap.importers.pdf.layout import Segment

__all__ = ["PageWords"]


@dataclass
class PageWords:
    """Word boxes of text runs in ``source`` (``None``: the PDF is not at hand)."""

    source: str | None
    _doc: Any = None
    _pages: dict[int, tuple[Any, Any, float]] = field(default_factory=dict)
    _failed: bool = False

    def _page(self, number: int) -> tuple[Any, Any, float] | None:
        if self._failed or self.source is None or not Path(self.source).is_file():
            return None
        if number not in self._pages:
            try:
                import pypdfium2 as pdfium

                if self._doc is None:
                    self._doc = pdfium.PdfDocument(self.source)
                page = self._doc[number - 1]
                self._pages[number] = (page, page.get_textpage(), page.get_height())
            except Exception:  # cannot reopen: the callers fall back to estimates
                self._failed = True
                return None
        return self._pages[number]

    def in_segment(self, page: int, seg: Segment) -> list[Cell] | None:
        """The words of ``seg`` with their exact x-extent, ``None`` when unavailable."""
        loaded = self._page(page)
        if loaded is None:
            return None
        _, textpage, height = loaded
        try:
            index = textpage.get_index(seg.x0 + 1.0, height - (seg.top + seg.bottom) / 2,
                                       3.0, 3.0)
            if index is None or index < 0:
                return None
            wanted = "".join(seg.text.split())
            words: list[Cell] = []
            current, x0, x1, got = "", 0.0, 0.0, ""
            for i in range(index, min(index + 4 * len(seg.text) + 8, textpage.count_chars())):
                ch = textpage.get_text_range(i, 1)
                if not ch.strip():
                    if current:
                        words.append(Cell(current, x0, x1))
                        current = ""
                    if len(got) >= len(wanted):
                        break
                    continue
                left, _, right, _ = textpage.get_charbox(i)
                x0, x1 = (left, right) if not current else (x0, right)
                current += ch
                got += ch
                if len(got) >= len(wanted) and current and got == wanted:
                    words.append(Cell(current, x0, x1))
                    current = ""
                    break
            if current:
                words.append(Cell(current, x0, x1))
        except Exception:
            return None
        joined = "".join(c.text for c in words)
        return words if joined == wanted else None

    def close(self) -> None:
        for page, textpage, _ in self._pages.values():
            textpage.close()
            page.close()
        self._pages.clear()
        if self._doc is not None:
            self._doc.close()
            self._doc = None

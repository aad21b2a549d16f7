"""Where an imported object came from (herkomst): file, page, lines, bounding box."""

from __future__ import annotations

from rekenschap.model.base import Coordinate, Frozen, PositiveInt


class Provenance(Frozen):
    """The place in a source document an object was read from.

    ``page`` and ``line`` are 1-based; ``bbox`` is ``(x0, top, x1, bottom)`` in PDF points
    measured from the top-left corner of the page, as pdfplumber reports it.
    """

    file: str | None = None
    page: PositiveInt | None = None
    line: PositiveInt | None = None
    line_end: PositiveInt | None = None
    bbox: tuple[Coordinate, Coordinate, Coordinate, Coordinate] | None = None

    def label(self) -> str:
        """``file:page:line`` with the parts that are known (the problem-printer format)."""
        parts = [self.file or "-"]
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)

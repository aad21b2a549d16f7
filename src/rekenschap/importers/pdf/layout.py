"""The geometry of an extracted PDF page (paginaopmaak): segments, lines, rectangles, quality.

Plain frozen, slotted dataclasses (not pydantic) because a 200-page document yields tens of
thousands of them. Coordinates are PDF points with the origin at the top-left corner of the
page, ``top`` < ``bottom``, exactly as pdfplumber reports them, so the structure recogniser can
use either source without conversion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QualityStatus = Literal["ok", "no-text", "unmapped-fonts", "garbled"]
PageSource = Literal["text-layer", "ocr"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text on one line (tekstfragment) with its box and font size in points."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line (regel): its segments left to right, joined into ``text``."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class Rect:
    """A filled rectangle or a ruling line (thin rectangle); ``fill`` as ``#rrggbb`` or None."""

    x0: float
    top: float
    x1: float
    bottom: float
    fill: str | None = None

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class TextQuality:
    """How usable a page's text is (tekstkwaliteit); ``score`` in 0..1, 1 = clean Dutch text."""

    status: QualityStatus = "ok"
    score: float = 1.0
    reason: str = ""

    @property
    def usable(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True, slots=True)
class Page:
    """One page (pagina), 1-based ``number``; ``lines`` top to bottom.

    A page whose ``quality`` is not ``ok`` has no lines and empty ``text``: its garbage is never
    passed on (the reason is in ``quality`` and in the problem list).
    """

    number: int
    width: float
    height: float
    lines: tuple[Line, ...] = ()
    rects: tuple[Rect, ...] = ()
    text: str = ""
    quality: TextQuality = field(default_factory=TextQuality)
    source: PageSource = "text-layer"

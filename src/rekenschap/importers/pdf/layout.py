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


class Frame:
    """PDF user space (origin bottom-left, y up) to the displayed page (origin top-left).

    Takes the crop box offset and the page's /Rotate (clockwise, in steps of 90) into account,
    so a page that is shown in landscape by rotation gets landscape coordinates.
    """

    def __init__(self, crop: tuple[float, float, float, float], rotation: int = 0) -> None:
        self.left, self.bottom, right, top = crop
        self.w, self.h = right - self.left, top - self.bottom
        self.rotation = rotation % 360
        sideways = self.rotation in (90, 270)
        self.width = self.h if sideways else self.w
        self.height = self.w if sideways else self.h

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """``(x0, top, x1, bottom)`` on the displayed page for a user-space box."""
        a0, a1 = x0 - self.left, x1 - self.left  # relative to the crop box, y still up
        b0, b1 = y0 - self.bottom, y1 - self.bottom
        r = self.rotation
        if r == 0:
            return a0, self.h - b1, a1, self.h - b0
        if r == 90:
            return b0, a0, b1, a1
        if r == 180:
            return self.w - a1, b0, self.w - a0, b1
        return self.h - b1, self.w - a1, self.h - b0, self.w - a0


def join_segments(segments: list[Segment]) -> str:
    """The text of segments on one line, left to right: a space where there is a visible gap."""
    parts: list[str] = []
    previous: Segment | None = None
    for seg in segments:
        if previous is not None:
            gap = seg.x0 - previous.x1
            if gap > 0.15 * max(seg.size, previous.size, 1.0):
                parts.append(" ")
        parts.append(seg.text)
        previous = seg
    return "".join(parts)


def group_lines(segments: list[Segment]) -> tuple[Line, ...]:
    """Segments grouped into visual lines (top to bottom), each line's segments left to right.

    A segment joins a line when its vertical middle lies within the line's band; this keeps
    columns side by side on one ``Line`` (the structure recogniser splits them by ``x0``).
    """
    ordered = sorted(segments, key=lambda s: ((s.top + s.bottom) / 2, s.x0))
    bands: list[list[Segment]] = []
    band_top = band_bottom = 0.0
    for seg in ordered:
        middle = (seg.top + seg.bottom) / 2
        if bands and band_top <= middle <= band_bottom:
            bands[-1].append(seg)
            band_top = min(band_top, seg.top)
            band_bottom = max(band_bottom, seg.bottom)
        else:
            bands.append([seg])
            band_top, band_bottom = seg.top, seg.bottom
    lines: list[Line] = []
    for band in bands:
        band.sort(key=lambda s: s.x0)
        lines.append(
            Line(
                text=join_segments(band),
                x0=min(s.x0 for s in band),
                top=min(s.top for s in band),
                x1=max(s.x1 for s in band),
                bottom=max(s.bottom for s in band),
                segments=tuple(band),
            )
        )
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return tuple(lines)

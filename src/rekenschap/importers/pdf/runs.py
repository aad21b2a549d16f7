"""Runs of text (tekstfragmenten) from a pdfium text page, as ``Segment`` objects.

pdfium's text rectangles are runs of consecutive characters of one text object on one line.
One character index per rectangle (``FPDFText_GetCharIndexAtPos``, checked against the
character's box) slices the page text into them, so there is no per-character Python work.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

import pypdfium2.raw as raw

from rekenschap.importers.pdf.layout import Frame, Segment

__all__ = ["clean_text", "locate_runs", "read_segments"]


Box = tuple[float, float, float, float]


def locate_runs(textpage: Any, text: str) -> tuple[list[Box], list[int]]:
    """pdfium's text rectangles (user space ``x0, y0, x1, y1``) and the index in ``text`` of
    each one's first character (-1 where it could not be placed)."""
    count = raw.FPDFText_CountRects(textpage, 0, -1)
    boxes: list[Box] = []
    starts: list[int] = []
    d0, d1, d2, d3 = (ctypes.c_double() for _ in range(4))
    get_rect, index_at = raw.FPDFText_GetRect, raw.FPDFText_GetCharIndexAtPos
    for i in range(count):  # hot loop: one rectangle and one index lookup per run of text
        get_rect(textpage, i, d0, d1, d2, d3)
        x0, y1, x1, y0 = d0.value, d1.value, d2.value, d3.value  # left, top, right, bottom
        boxes.append((x0, y0, x1, y1))
        half = (y1 - y0) / 2
        probe = x0 + 0.5 if x1 - x0 > 1.0 else (x0 + x1) / 2
        starts.append(index_at(textpage, probe, y0 + half, 0.5, half if half > 0.5 else 0.5))
    _repair_starts(textpage, text, boxes, starts)
    return boxes, starts


def read_segments(textpage: Any, text: str, frame: Frame) -> list[Segment]:
    """The page's runs of text as segments in displayed coordinates, in pdfium's order; runs
    that pdfium put no space between (a minus sign and its digits) are joined."""
    boxes, starts = locate_runs(textpage, text)
    count = len(boxes)
    segments: list[Segment] = []
    glued = False  # pdfium put no space between the previous rectangle and this one
    font_size, box, length = raw.FPDFText_GetFontSize, frame.box, len(text)
    get_matrix, matrix = raw.FPDFText_GetMatrix, raw.FS_MATRIX()
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        start = starts[i]
        end = starts[i + 1] if i + 1 < count else length
        if 0 <= start < end <= length:
            piece = text[start:end]
            # the font size times the vertical scale of the character's matrix (text drawn
            # at 1 pt and scaled up by the matrix is common outside Word)
            get_matrix(textpage, start, matrix)
            size = font_size(textpage, start) * (math.hypot(matrix.c, matrix.d) or 1.0)
        else:  # no usable character index: ask pdfium for the text in the box
            piece = _bounded(textpage, x0, y0, x1, y1) + " "
            size = y1 - y0
        chunk = clean_text(piece)
        if chunk:
            seg = Segment(chunk, *box(x0, y0, x1, y1), round(size, 2))
            if glued and segments and _same_line(segments[-1], seg):
                seg = _merge(segments.pop(), seg)
            segments.append(seg)
        glued = bool(piece) and not piece[-1].isspace() and piece[-1] not in "\x02\ufffe"
    return segments


def _inside(box: Box, x: float, y: float) -> bool:
    x0, y0, x1, y1 = box
    return x0 - 0.5 <= x <= x1 + 0.5 and y0 - 0.5 <= y <= y1 + 0.5


def _repair_starts(textpage: Any, text: str, boxes: list[Box],
                   starts: list[int]) -> None:
    """Check each rectangle's first character and repair the starts the probe got wrong.

    pdfium builds its rectangles from consecutive characters, so the starts must increase and
    the start character must lie in its rectangle. Where text overlaps (a minus sign under a
    digit of the line above) the probe can hit the wrong character: then the characters after
    the previous start are scanned for the first one inside this rectangle. What still cannot
    be placed is marked -1 (it and the rectangle before it then read their text from the box).
    """
    d0, d1, d2, d3 = (ctypes.c_double() for _ in range(4))
    char_box = raw.FPDFText_GetCharBox

    def centre(index: int) -> tuple[float, float]:
        char_box(textpage, index, d0, d1, d2, d3)  # left, right, bottom, top
        return (d0.value + d1.value) / 2, (d2.value + d3.value) / 2

    previous = -1
    limit = len(text)
    for i, start in enumerate(starts):
        box = boxes[i]
        if previous < start < limit and _inside(box, *(xy := centre(start))):
            height = box[3] - box[1]
            if box[2] - box[0] >= height and xy[0] - box[0] <= height:
                previous = start  # horizontal run, hit at its left edge: the first character
                continue
            # the probe may hit a later character of the run (vertical text): walk back
            j = start - 1
            while j > previous:
                if not text[j].isspace():
                    x, y = centre(j)
                    if not _inside(box, x, y) or (i > 0 and _inside(boxes[i - 1], x, y)):
                        break
                    start = j
                j -= 1
            starts[i] = previous = start
            continue
        starts[i] = -1
        for j in range(previous + 1, min(limit, previous + 4000)):
            if text[j].isspace():
                continue
            x, y = centre(j)
            if _inside(boxes[i], x, y) and not (i > 0 and _inside(boxes[i - 1], x, y)):
                starts[i] = previous = j
                break


def _same_line(a: Segment, b: Segment) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top) and -1 <= b.x0 - a.x1 < a.size


def _merge(a: Segment, b: Segment) -> Segment:
    return Segment(a.text + b.text, a.x0, min(a.top, b.top), b.x1, max(a.bottom, b.bottom),
                   max(a.size, b.size))


def _bounded(textpage: Any, x0: float, y0: float, x1: float, y1: float) -> str:
    n = raw.FPDFText_GetBoundedText(textpage, x0, y1, x1, y0, None, 0)
    if n <= 0:
        return ""
    buffer = ctypes.create_string_buffer(n * 2)
    raw.FPDFText_GetBoundedText(textpage, x0, y1, x1, y0,
                                ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), n)
    return buffer.raw[: n * 2].decode("utf-16-le", errors="replace")


#: pdfium's hyphen markers (U+0002 hyphen at a line end, U+FFFE soft hyphen) become "-";
#: bullets from the Symbol/Wingdings fonts, which Word leaves in the private-use area at
#: U+F000 + their code in the font, become their Unicode characters (Symbol 0xB7 bullet,
#: Wingdings 0xA7 small square, 0xD8 arrowhead, 0xFC check mark, 0x76 diamond).
_CLEAN_TABLE = str.maketrans({
    "\x02": "-", "\ufffe": "-", "\r": " ", "\n": " ",
    "\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u27a2", "\uf0fc": "\u2713",
    "\uf076": "\u2756",
})


def clean_text(chunk: str) -> str:
    """pdfium text with its markers and PUA bullets mapped, whitespace collapsed."""
    return " ".join(chunk.translate(_CLEAN_TABLE).split())

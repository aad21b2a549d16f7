"""A debug image of one extracted page (foutopsporingsbeeld), as pdfplumber offers one.

The page is rendered with pdfium and the extraction drawn over it: every text segment boxed in
blue, every filled rectangle or ruling line outlined in red. PNG is written with the standard
library (zlib), so no imaging package is needed.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from rekenschap.importers.pdf.layout import Page

BLUE = (0, 90, 255)
RED = (230, 0, 0)


def _outline(bitmap: Any, box: tuple[float, float, float, float], scale: float,
             colour: tuple[int, int, int]) -> None:
    x0, top, x1, bottom = (round(v * scale) for v in box)
    x0, top = max(0, x0), max(0, top)
    x1, bottom = min(bitmap.width - 1, x1), min(bitmap.height - 1, bottom)
    if x1 < x0 or bottom < top:
        return
    rgba = (*colour, 255)
    width, height = x1 - x0 + 1, bottom - top + 1
    for left, upper, w, h in ((x0, top, width, 1), (x0, bottom, width, 1),
                              (x0, top, 1, height), (x1, top, 1, height)):
        bitmap.fill_rect(rgba, left, upper, w, h)


def png_bytes(width: int, height: int, stride: int, rgb: bytes) -> bytes:
    """An 8-bit RGB PNG of ``rgb`` rows (``stride`` bytes apart)."""
    rows = b"".join(b"\x00" + rgb[y * stride : y * stride + width * 3] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def debug_image(path: str | os.PathLike[str], page: Page, target: Path,
                scale: float = 1.5) -> Path:
    """Render ``page`` of the PDF at ``path`` with its segments and rects drawn; write PNG."""
    doc = pdfium.PdfDocument(str(path))
    try:
        pdf_page = doc[page.number - 1]
        bitmap = pdf_page.render(scale=scale, rev_byteorder=True)  # RGB byte order
        for rect in page.rects:
            _outline(bitmap, (rect.x0, rect.top, rect.x1, rect.bottom), scale, RED)
        for line in page.lines:
            for seg in line.segments:
                _outline(bitmap, (seg.x0, seg.top, seg.x1, seg.bottom), scale, BLUE)
        data = png_bytes(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
        pdf_page.close()
    finally:
        doc.close()
    target.write_bytes(data)
    return target

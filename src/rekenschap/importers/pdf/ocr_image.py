"""What is left out of a page image before OCR (opmaak weglaten): ruling lines and shaded boxes.

Tesseract reads text on white well, but table rulings, grey cell shading and coloured heading
bars make its page segmentation drop whole tables and headings. When the page has such
decoration as vector paths (as the Wassenaar 2019 report with unmapped Type3 fonts has), the
paths are removed from the loaded page before it is rendered, so only the glyphs are drawn.

Only paths that cannot be text are removed: paths made of straight segments only (no Bézier
curves) that are a thin rule (at most 2.5 pt thick and at least 12 pt long) or a box of at least
20 x 8 pt. Outlined glyphs (curves, or small polygons such as "l" or "-") stay. Images stay too,
so a scanned page is unaffected. The removal changes only the loaded page object in memory;
the file is never written, and pdfium reads the page afresh when it is loaded again.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

__all__ = ["Glyph", "glyph_sizes", "is_decoration", "strip_decoration"]

_RULE_THICKNESS = 2.5
_RULE_LENGTH = 12.0
_BOX_WIDTH = 20.0
_BOX_HEIGHT = 8.0


def _has_curves(path: Any) -> bool:
    handle = path.raw
    count = pdfium_c.FPDFPath_CountSegments(handle)
    if count < 0:
        return True  # unknown: treat it as possibly text
    for i in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, i)
        if segment and pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return True
    return False


def is_decoration(width: float, height: float, curved: bool) -> bool:
    """True for a straight-edged path of this size that is a rule or a box, not a glyph.

    >>> is_decoration(400.0, 0.5, False), is_decoration(1.5, 9.0, False)
    (True, False)
    >>> is_decoration(120.0, 14.0, False), is_decoration(120.0, 14.0, True)
    (True, False)
    """
    if curved:
        return False
    thin, long = min(width, height), max(width, height)
    if thin <= _RULE_THICKNESS:
        return long >= _RULE_LENGTH
    return long >= _BOX_WIDTH and thin >= _BOX_HEIGHT


def strip_decoration(page: Any) -> int:
    """Remove the rule and box paths of a loaded pypdfium2 page (top level only); their count."""
    removed = 0
    for obj in list(page.get_objects(max_depth=0)):
        if obj.type not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING):
            continue
        try:
            left, bottom, right, top = obj.get_bounds()
            shading = obj.type == pdfium_c.FPDF_PAGEOBJ_SHADING
            if shading or is_decoration(right - left, top - bottom, _has_curves(obj)):
                page.remove_obj(obj)
                obj.close()  # a detached object is ours to free
                removed += 1
        except Exception:  # an object pdfium cannot measure or remove is simply kept
            continue
    return removed


Glyph = tuple[float, float, float]
"""A glyph of the text layer: its origin x and baseline y (points, top-left origin), font size."""


def glyph_sizes(page: Any, frame: Any) -> list[Glyph]:
    """Origins and font sizes of the page's glyphs, even when they map to no Unicode text.

    A font without a Unicode mapping still has a size: pdfium reports it per character, so an
    OCR word can get the size it was printed in (jaarstukken-2019: headings 12, bars 10-11,
    body 9) instead of its box height. Origins are used, not boxes: the Type3 glyph boxes of
    that report are wrong. Glyphs of size 1 or less (generated spaces) are left out.
    """
    out: list[Glyph] = []
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        x, y = ctypes.c_double(), ctypes.c_double()
        for i in range(pdfium_c.FPDFText_CountChars(handle)):
            size = pdfium_c.FPDFText_GetFontSize(handle, i)
            if size <= 1.0 or not pdfium_c.FPDFText_GetCharOrigin(handle, i, x, y):
                continue
            x0, top, _, _ = frame.box(x.value, y.value, x.value, y.value)
            out.append((round(x0, 2), round(top, 2), round(size, 2)))
    finally:
        textpage.close()
    return out

"""Filled shapes and ruling lines (vlakken en lijnen) of a PDF page, via pdfium's page objects.

Word draws table rules and shaded cells as filled paths; they come back as ``Rect`` objects in
displayed page coordinates, also from inside form XObjects.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as raw

from rekenschap.importers.pdf.layout import Frame, Rect

__all__ = ["Scratch", "image_cover", "read_rects"]


class Scratch:
    """Reusable ctypes out-parameters (allocating them per call costs more than the call)."""

    def __init__(self) -> None:
        self.f = [ctypes.c_float() for _ in range(4)]
        self.d = [ctypes.c_double() for _ in range(4)]
        self.u = [ctypes.c_uint() for _ in range(4)]
        self.fillmode = ctypes.c_int()
        self.stroke = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _transform(m: Matrix, x0: float, y0: float, x1: float, y1: float,
               ) -> tuple[float, float, float, float]:
    a, b, c, d, e, f = m
    xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
    ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
    return min(xs), min(ys), max(xs), max(ys)


def read_rects(page_raw: Any, frame: Frame, s: Scratch) -> list[Rect]:
    """Filled paths and thin stroked paths (ruling lines), also inside form XObjects.

    Hot loop (25,000 paths in a 200-page document): pdfium functions are bound to locals.
    """
    get_type, get_bounds = raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetBounds
    draw_mode, fill_color = raw.FPDFPath_GetDrawMode, raw.FPDFPageObj_GetFillColor
    path_kind, form_kind = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
    f0, f1, f2, f3 = s.f
    u0, u1, u2, u3 = s.u
    fillmode, stroke = s.fillmode, s.stroke
    box = frame.box
    out: list[Rect] = []
    stack: list[tuple[Any, bool, Matrix]] = [(page_raw, True, _IDENTITY)]
    while stack:
        container, is_page, matrix = stack.pop()
        count, get = ((raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject) if is_page
                      else (raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject))
        for i in range(count(container)):
            obj = get(container, i)
            kind = get_type(obj)
            if kind == form_kind:
                raw.FPDFPageObj_GetMatrix(obj, s.matrix)
                m = s.matrix
                stack.append((obj, False, _compose((m.a, m.b, m.c, m.d, m.e, m.f), matrix)))
                continue
            if kind != path_kind or not get_bounds(obj, f0, f1, f2, f3):
                continue
            draw_mode(obj, fillmode, stroke)
            x0, y0, x1, y1 = f0.value, f1.value, f2.value, f3.value
            if fillmode.value:
                fill_color(obj, u0, u1, u2, u3)
            elif stroke.value and (x1 - x0 < 3 or y1 - y0 < 3):  # a stroked ruling line
                raw.FPDFPageObj_GetStrokeColor(obj, u0, u1, u2, u3)
            else:
                continue
            if u3.value == 0:  # fully transparent
                continue
            if matrix is not _IDENTITY:
                x0, y0, x1, y1 = _transform(matrix, x0, y0, x1, y1)
            out.append(Rect(*box(x0, y0, x1, y1),
                            f"#{u0.value:02x}{u1.value:02x}{u2.value:02x}"))
    return out


def image_cover(page_raw: Any, area: float, s: Scratch) -> float:
    best = 0.0
    for i in range(raw.FPDFPage_CountObjects(page_raw)):
        obj = raw.FPDFPage_GetObject(page_raw, i)
        if raw.FPDFPageObj_GetType(obj) not in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM):
            continue
        f = s.f
        if raw.FPDFPageObj_GetBounds(obj, *f):
            covered = max(0.0, f[2].value - f[0].value) * max(0.0, f[3].value - f[1].value)
            best = max(best, covered / area if area else 0.0)
    return min(best, 1.0)

"""Extract page geometry from a PDF with pypdfium2 (tekst en vlakken per pagina).

Fast path: pdfium's text rectangles (runs of characters on one line) give the segments; one
character index per rectangle (``FPDFText_GetCharIndexAtPos``) slices the page text into them,
so there is no per-character Python work. Filled paths become ``Rect`` objects via the raw
page-object API. Bad files and bad pages become problems, never exceptions.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from rekenschap.importers.pdf.layout import Frame, Page, Rect, Segment, group_lines
from rekenschap.importers.pdf.quality import assess
from rekenschap.model import Location, Problem, Severity

_PASSWORD_ERROR = getattr(raw, "FPDF_ERR_PASSWORD", 4)
_SECURITY_ERROR = getattr(raw, "FPDF_ERR_SECURITY", 5)
_UNMAPPED_SAMPLE = 64  # characters checked with pdfium's per-character unmapped flag


@dataclass(frozen=True, slots=True)
class Limits:
    """Safety limits for one file (grenzen); files beyond them are refused with a problem."""

    max_bytes: int = 300 * 1024 * 1024
    max_pages: int = 3000


def _problem(code: str, message: str, file: str, page: int | None = None,
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=file, page=page))


def check_file(path: Path, limits: Limits) -> Problem | None:
    """A file-level problem found before parsing (missing, empty, not a PDF, too large)."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _problem("IMPORT-UNREADABLE", f"cannot read the file: {exc.strerror}", name)
    if size == 0:
        return _problem("IMPORT-EMPTY", "the file is empty (0 bytes)", name)
    if size > limits.max_bytes:
        return _problem("IMPORT-TOO-LARGE",
                        f"the file is {size / 1e6:.1f} MB, above the limit of "
                        f"{limits.max_bytes / 1e6:.1f} MB", name)
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        return _problem("IMPORT-NOT-PDF", "not a PDF file (no %PDF- header)", name)
    return None


def _has_eof_marker(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 2048))
        return b"%%EOF" in handle.read()


def open_document(path: Path, limits: Limits) -> tuple[Any, list[Problem]]:
    """Open ``path`` with pdfium; ``(None, problems)`` when it cannot be read."""
    name = str(path)
    early = check_file(path, limits)
    if early is not None:
        return None, [early]
    problems: list[Problem] = []
    truncated = not _has_eof_marker(path)
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_PASSWORD_ERROR, _SECURITY_ERROR):
            return None, [_problem("IMPORT-ENCRYPTED",
                                   "the PDF is encrypted with a password; it cannot be read", name)]
        if truncated:
            return None, [_problem("IMPORT-TRUNCATED",
                                   "the PDF is truncated (no %%EOF) and cannot be repaired", name)]
        return None, [_problem("IMPORT-BROKEN-PDF", f"pdfium cannot open the PDF: {exc}", name)]
    if truncated:
        problems.append(_problem("IMPORT-TRUNCATED",
                                 "the PDF is truncated (no %%EOF); pages read from what is left",
                                 name, severity=Severity.WARNING))
    count = len(doc)
    if count > limits.max_pages:
        doc.close()
        return None, [_problem("IMPORT-TOO-LARGE",
                               f"the PDF has {count} pages, above the limit of "
                               f"{limits.max_pages}", name)]
    return doc, problems


class _Scratch:
    """Reusable ctypes out-parameters (allocating them per call costs more than the call)."""

    def __init__(self) -> None:
        self.f = [ctypes.c_float() for _ in range(4)]
        self.d = [ctypes.c_double() for _ in range(4)]
        self.u = [ctypes.c_uint() for _ in range(4)]
        self.fillmode = ctypes.c_int()
        self.stroke = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()


def _segments(textpage: Any, text: str, frame: Frame) -> list[Segment]:
    count = raw.FPDFText_CountRects(textpage, 0, -1)
    if count <= 0:
        return []
    boxes: list[tuple[float, float, float, float]] = []
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
    segments: list[Segment] = []
    glued = False  # pdfium put no space between the previous rectangle and this one
    font_size, box, length = raw.FPDFText_GetFontSize, frame.box, len(text)
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        start = starts[i]
        end = starts[i + 1] if i + 1 < count else length
        if 0 <= start < end <= length:
            piece = text[start:end]
            size = font_size(textpage, start)
        else:  # no usable character index: ask pdfium for the text in the box
            piece = _bounded(textpage, x0, y0, x1, y1) + " "
            size = y1 - y0
        chunk = _clean(piece)
        if chunk:
            seg = Segment(chunk, *box(x0, y0, x1, y1), round(size, 2))
            if glued and segments and _same_line(segments[-1], seg):
                seg = _merge(segments.pop(), seg)
            segments.append(seg)
        glued = bool(piece) and not piece[-1].isspace() and piece[-1] not in "\x02\ufffe"
    return segments


def _inside(box: tuple[float, float, float, float], x: float, y: float) -> bool:
    x0, y0, x1, y1 = box
    return x0 - 0.5 <= x <= x1 + 0.5 and y0 - 0.5 <= y <= y1 + 0.5


def _repair_starts(textpage: Any, text: str, boxes: list[tuple[float, float, float, float]],
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
_CLEAN = str.maketrans({
    "\x02": "-", "\ufffe": "-", "\r": " ", "\n": " ",
    "\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u27a2", "\uf0fc": "\u2713",
    "\uf076": "\u2756",
})


def _clean(chunk: str) -> str:
    return " ".join(chunk.translate(_CLEAN).split())


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


def _rects(page_raw: Any, frame: Frame, s: _Scratch) -> list[Rect]:
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


def _image_cover(page_raw: Any, area: float, s: _Scratch) -> float:
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


def _unmapped_share(textpage: Any, count: int) -> float:
    step = max(1, count // _UNMAPPED_SAMPLE)
    sample = range(0, count, step)
    flagged = sum(1 for i in sample if raw.FPDFText_HasUnicodeMapError(textpage, i) == 1)
    return flagged / max(1, len(sample))


def read_page(doc: Any, index: int, s: _Scratch | None = None) -> Page:
    """Page ``index`` (0-based) of an open pdfium document as a :class:`Page`."""
    s = s or _Scratch()
    page = doc[index]
    try:
        frame = Frame(page.get_cropbox(), page.get_rotation())
        width, height = round(frame.width, 2), round(frame.height, 2)
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            n_chars = len(text)
            has_text = bool(text.strip())
            cover = 0.0 if has_text else _image_cover(page.raw, width * height, s)
            unmapped = _unmapped_share(textpage.raw, n_chars) if has_text else None
            quality = assess(text, image_cover=cover, unmapped_share=unmapped)
            if not quality.usable:
                return Page(index + 1, width, height, quality=quality)
            lines = group_lines(_segments(textpage.raw, text, frame))
        finally:
            textpage.close()
        rects = _rects(page.raw, frame, s)
        return Page(index + 1, width, height, lines, tuple(rects),
                    "\n".join(line.text for line in lines), quality)
    finally:
        page.close()


def _page_problem(page: Page, file: str) -> Problem:
    q = page.quality
    code = "PDF-NO-TEXT" if q.status == "no-text" else "PDF-UNMAPPED-FONT"
    if q.status == "garbled":
        code = "PDF-GARBLED-TEXT"
    return _problem(code, f"page not imported: {q.reason}", file, page.number,
                    severity=Severity.WARNING)


def extract_pages(
    path: str | os.PathLike[str],
    *,
    pages: Iterable[int] | None = None,
    ocr: bool = False,
    limits: Limits | None = None,
) -> tuple[list[Page], list[Problem]]:
    """All (or the 1-based ``pages``) pages of a PDF with their lines, rectangles and quality.

    Pages without a usable text layer come back empty (quality says why) with a problem
    ``PDF-NO-TEXT`` / ``PDF-UNMAPPED-FONT`` / ``PDF-GARBLED-TEXT``; with ``ocr=True`` they go
    through Tesseract instead (``source="ocr"``). Never raises for bad input.
    """
    file = Path(path)
    name = str(path)
    doc, problems = open_document(file, limits or Limits())
    if doc is None:
        return [], problems
    result: list[Page] = []
    s = _Scratch()
    try:
        wanted = _wanted_pages(pages, len(doc), name, problems)
        for number in wanted:
            try:
                page = read_page(doc, number - 1, s)
            except Exception as exc:  # pdfium can fail on one damaged page; keep the rest
                problems.append(_problem("PDF-PAGE-FAILED", f"page could not be read: {exc}",
                                         name, number))
                continue
            if not page.quality.usable:
                if ocr:
                    page, ocr_problems = _ocr_page(doc, page, name)
                    problems.extend(ocr_problems)
                else:
                    problems.append(_page_problem(page, name))
            result.append(page)
    finally:
        doc.close()
    return result, problems


def _wanted_pages(pages: Iterable[int] | None, total: int, name: str,
                  problems: list[Problem]) -> list[int]:
    if pages is None:
        return list(range(1, total + 1))
    wanted: list[int] = []
    for number in pages:
        if 1 <= number <= total:
            wanted.append(number)
        else:
            problems.append(_problem("IMPORT-NO-SUCH-PAGE",
                                     f"page {number} requested; the PDF has {total} pages", name,
                                     severity=Severity.WARNING))
    return wanted


def _ocr_page(doc: Any, page: Page, name: str) -> tuple[Page, list[Problem]]:
    from rekenschap.importers.pdf.ocr import ocr_page

    ocr_result, problems = ocr_page(doc, page.number - 1, name)
    if ocr_result is None:
        return page, [_page_problem(page, name), *problems]
    notice = _problem("PDF-OCR-USED", f"text read by OCR ({page.quality.reason})", name,
                      page.number, severity=Severity.NOTICE)
    return replace(ocr_result, quality=replace(ocr_result.quality)), [notice, *problems]

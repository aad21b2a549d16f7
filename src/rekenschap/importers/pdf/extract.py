"""Extract pages from a PDF with pypdfium2 (tekst en vlakken per pagina): the entry point.

Opens the file (bad files become one ``IMPORT-*`` problem), judges each page's text layer
(``quality``), reads its runs of text (``runs``) and shapes (``paths``), and sends pages without
a usable text layer to OCR when asked (``ocr``). Never raises for bad input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from rekenschap.importers.pdf.layout import Frame, Page, group_lines
from rekenschap.importers.pdf.paths import Scratch, image_cover, read_rects
from rekenschap.importers.pdf.quality import assess
from rekenschap.importers.pdf.runs import read_segments
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
    if path.is_dir():
        return _problem("IMPORT-UNREADABLE", "a directory, not a file", name)
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
    """Whether the file ends with a PDF end marker (some writers append a few KB after it)."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 16384))
        return b"%%EOF" in handle.read()


def open_document(path: Path, limits: Limits) -> tuple[Any, list[Problem]]:
    """Open ``path`` with pdfium; ``(None, problems)`` when it cannot be read."""
    name = str(path)
    try:
        early = check_file(path, limits)
        if early is not None:
            return None, [early]
        truncated = not _has_eof_marker(path)
    except OSError as exc:  # unreadable (permissions, a vanished file, an I/O error)
        return None, [_problem("IMPORT-UNREADABLE", f"cannot read the file: {exc}", name)]
    problems: list[Problem] = []
    try:
        doc = pdfium.PdfDocument(str(path))
    except OSError as exc:
        return None, [_problem("IMPORT-UNREADABLE", f"cannot read the file: {exc}", name)]
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


def _unmapped_share(textpage: Any, count: int) -> float:
    step = max(1, count // _UNMAPPED_SAMPLE)
    sample = range(0, count, step)
    flagged = sum(1 for i in sample if raw.FPDFText_HasUnicodeMapError(textpage, i) == 1)
    return flagged / max(1, len(sample))


def read_page(doc: Any, index: int, s: Scratch | None = None) -> Page:
    """Page ``index`` (0-based) of an open pdfium document as a :class:`Page`."""
    s = s or Scratch()
    page = doc[index]
    try:
        frame = Frame(page.get_cropbox(), page.get_rotation())
        width, height = round(frame.width, 2), round(frame.height, 2)
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            n_chars = len(text)
            has_text = bool(text.strip())
            cover = 0.0 if has_text else image_cover(page.raw, width * height, s)
            unmapped = _unmapped_share(textpage.raw, n_chars) if has_text else None
            quality = assess(text, image_cover=cover, unmapped_share=unmapped)
            if not quality.usable:
                return Page(index + 1, width, height, quality=quality)
            lines = group_lines(read_segments(textpage.raw, text, frame))
        finally:
            textpage.close()
        rects = read_rects(page.raw, frame, s)
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
    s = Scratch()
    try:
        wanted = _wanted_pages(pages, len(doc), name, problems)
        for number in wanted:
            try:
                page = read_page(doc, number - 1, s)
            except Exception as exc:  # pdfium can fail on one damaged page; keep the rest
                problems.append(_problem("PDF-PAGE-FAILED", f"page could not be read: {exc}",
                                         name, number))
                continue
            if not page.quality.usable and not ocr:
                problems.append(_page_problem(page, name))
            result.append(page)
        if ocr:
            result = _with_ocr(doc, result, name, problems)
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


def _with_ocr(doc: Any, pages: list[Page], name: str, problems: list[Problem]) -> list[Page]:
    """``pages`` with those lacking a usable text layer replaced by their OCR reading."""
    from rekenschap.importers.pdf.ocr import ocr_pages

    unusable = {p.number: p for p in pages if not p.quality.usable}
    if not unusable:
        return pages
    read = ocr_pages(doc, [n - 1 for n in unusable], name)
    out: list[Page] = []
    for page in pages:
        if page.number not in unusable:
            out.append(page)
            continue
        ocr_page, ocr_problems = read[page.number - 1]
        if ocr_page is None:
            problems.extend([_page_problem(page, name), *ocr_problems])
            out.append(page)
        else:
            problems.append(_problem("PDF-OCR-USED", f"text read by OCR ({page.quality.reason})",
                                     name, page.number, severity=Severity.NOTICE))
            problems.extend(ocr_problems)
            out.append(ocr_page)
    return out

"""PDF import (PDF-import).

The core reads pages: ``extract.extract_pages`` (entry point; bad files become problems) with
``runs`` (text segments), ``paths`` (filled shapes, ruling lines), ``quality`` (is the text layer
usable?), ``ocr`` (Tesseract for pages without one), ``tables`` (pdfplumber ruled tables, on
demand) and ``debug`` (a PNG of what was found). ``layout`` holds the page geometry types the
structure recogniser (``structure`` and its modules) builds on.
"""

from rekenschap.importers.pdf.layout import Line, Page, Rect, Segment, TextQuality

__all__ = ["Line", "Page", "Rect", "Segment", "TextQuality"]

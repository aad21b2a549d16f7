"""PDF import (PDF-import): extraction of geometry (``extract``), text quality (``quality``),
OCR (``ocr``) and ruled tables (``tables``); the structure recogniser builds on ``layout``."""

from rekenschap.importers.pdf.layout import Line, Page, Rect, Segment, TextQuality

__all__ = ["Line", "Page", "Rect", "Segment", "TextQuality"]

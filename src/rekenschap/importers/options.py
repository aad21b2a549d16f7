"""What an import is told (importinstellingen): shared by the PDF, text and native importers."""

from __future__ import annotations

from dataclasses import dataclass

from rekenschap.model import DocumentKind

__all__ = ["ImportOptions"]


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the caller knows and wants (importinstellingen); ``None`` = read it from the document.

    ``pages`` restricts a PDF to those 1-based pages; ``max_pages``/``max_bytes`` are safety
    limits (a file beyond them is refused with ``IMPORT-TOO-LARGE``).
    """

    organisation: str | None = None
    cbs_code: str | None = None
    kind: DocumentKind | None = None
    year: int | None = None
    scale: int | None = None
    """Amount scale (1000 for "x € 1.000") when the document does not state it."""
    ocr: bool = False
    pages: tuple[int, ...] | None = None
    max_pages: int = 3000
    max_bytes: int = 300 * 1024 * 1024

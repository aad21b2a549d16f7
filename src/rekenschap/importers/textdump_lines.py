"""Lines of a text dump: numbering, pages, page furniture, bullets and joining wrapped lines.

A text dump is what a PDF text extractor printed: one visual line per text line, form feeds
(``\\f``) between pages when the extractor kept them. This module turns it into numbered
:class:`TextLine` records, recognises page furniture (page numbers, running footers) so it
does not leak into imported text, and joins wrapped lines back into paragraphs with Dutch
dehyphenation (:func:`join_lines`), which the PDF recogniser reuses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rekenschap.importers.headings import (
    parse_document_title,
    parse_programme_heading,
    parse_w_heading,
)

__all__ = [
    "BULLET",
    "TextLine",
    "bullet_text",
    "find_furniture",
    "is_bullet",
    "join_lines",
    "split_lines",
    "split_mid_bullet",
]

BULLET = re.compile(
    r"^\s*[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u00b7\uf0b7\uf0a7*\-\u2013]\s+")
"""A bullet at the start of a line ("• ", "- ", "▪ ", the Symbol-font private-use bullet)."""
_MID_BULLET = re.compile(r"\s[\u2022\u25cf\u25aa\u25a0\uf0b7]\s")


@dataclass(frozen=True)
class TextLine:
    """One line of the dump: 1-based ``number`` in the file, ``page`` when form feeds mark pages,
    ``text`` with whitespace collapsed (``""`` for a blank line)."""

    number: int
    page: int | None
    text: str
    cells: tuple[tuple[int, str], ...] = ()
    """The line split at runs of two or more spaces (tabs expanded), each piece with its
    character offset, when the line has such gaps or is indented by them (a table row in a
    layout-preserving dump, ``pdftotext -layout``); ``()`` otherwise."""

    @property
    def blank(self) -> bool:
        return not self.text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")


def _clean(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = _CONTROL.sub("", text).replace("\u00a0", " ").replace("\t", " ")
    # Lone surrogates cannot be encoded anywhere downstream; replace them visibly.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return " ".join(text.split())


_CELL = re.compile(r"\S+(?: \S+)*")


def _cells(raw: str) -> tuple[tuple[int, str], ...]:
    if "\t" not in raw and "  " not in raw.rstrip():
        return ()
    line = raw.expandtabs(8)
    return tuple((m.start(), _clean(m.group(0))) for m in _CELL.finditer(line))


def split_lines(text: str) -> list[TextLine]:
    """Number the lines of ``text``; a form feed starts a new page (pages are ``None`` when the
    dump has no form feeds, as in the seed)."""
    paged = "\f" in text
    out: list[TextLine] = []
    page = 1
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(raw_lines, start=1):
        if not paged or "\f" not in raw:
            out.append(TextLine(number, page if paged else None, _clean(raw), _cells(raw)))
            continue
        # A form feed inside a line: the text before it ends a page, the text after starts the
        # next; each piece keeps the line number.
        parts = raw.split("\f")
        pieces = [(page + k, _clean(part), _cells(part)) for k, part in enumerate(parts)]
        page += len(parts) - 1
        none: tuple[tuple[int, str], ...] = ()
        kept = [p for p in pieces if p[1]] or [(page, "", none)]
        out.extend(TextLine(number, pg, txt, cells) for pg, txt, cells in kept)
    return out


_PAGE_NUMBER = re.compile(
    r"^(?:[-\u2013]\s*)?(?:pagina|blz\.?|p\.|page)?\s*\d{1,3}(?:\s*(?:van|/|of)\s*\d{1,3})?"
    r"(?:\s*[-\u2013])?$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^[-+(]?\d[\d.,]*\)?$")


def _looks_like_page_number(lines: Sequence[TextLine], i: int) -> bool:
    if not _PAGE_NUMBER.match(lines[i].text):
        return False
    if not _BARE_NUMBER.match(lines[i].text):
        return True  # "Pagina 3 van 40", "- 7 -"
    # A bare number glued to other bare numbers is a table value, not a page number.
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and _BARE_NUMBER.match(lines[j].text):
            return False
    return True


def _footer_shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _page_edges(lines: Sequence[TextLine], depth: int = 2) -> set[int]:
    """Indexes of the first and last ``depth`` non-blank lines of every page."""
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.page is not None and not ln.blank:
            by_page.setdefault(ln.page, []).append(i)
    edges: set[int] = set()
    for indexes in by_page.values():
        edges.update(indexes[:depth])
        edges.update(indexes[-depth:])
    return edges


def find_furniture(lines: Sequence[TextLine]) -> set[int]:
    """Indexes of lines that are page furniture: page numbers ("12", "Pagina 3 van 40", "- 7 -"),
    running titles with a page number ("Jaarstukken 2024 | 45") and short lines repeated at the
    top or bottom of at least a quarter of the pages (and three). When form feeds mark pages,
    only lines at a page edge qualify; a bare number next to other bare numbers is a table
    value and stays; headings (programme, W-section) are never furniture."""
    paged = any(ln.page is not None for ln in lines)
    edges = _page_edges(lines) if paged else set(range(len(lines)))
    pages_of: dict[str, set[int]] = {}
    for i in edges:
        ln = lines[i]
        if ln.page is not None and re.search(r"[^\W\d_]", ln.text) \
                and len(re.findall(r"\d+", ln.text)) <= 1:
            pages_of.setdefault(_footer_shape(ln.text), set()).add(ln.page)
    # A running header or footer is on most pages; a section title that often starts a page
    # ("Verbonden partijen") is not furniture.
    page_count = len({ln.page for ln in lines if ln.page is not None})
    min_pages = max(3, page_count // 4)
    found: set[int] = set()
    for i in sorted(edges):
        ln = lines[i]
        if ln.blank or _is_heading(ln.text):
            continue
        if _looks_like_page_number(lines, i):
            found.add(i)
            continue
        title = parse_document_title(ln.text)
        if title and len(ln.text) <= 80 and re.search(r"(?:^\d{1,3}\s|[\s|]\d{1,3}$)", ln.text):
            found.add(i)
            continue
        repeated = len(pages_of.get(_footer_shape(ln.text), ())) >= min_pages
        if repeated and len(ln.text) <= 80 and not is_bullet(ln.text):
            found.add(i)
    return found


def _is_heading(text: str) -> bool:
    return bool(parse_w_heading(text)) or parse_programme_heading(text) is not None


def is_bullet(text: str) -> bool:
    """True when the line starts with a bullet sign."""
    return bool(BULLET.match(text))


def bullet_text(text: str) -> str:
    """The line without its leading bullet sign."""
    return BULLET.sub("", text, count=1).strip()


def split_mid_bullet(text: str) -> tuple[str, str] | None:
    """``("goal text", "bullet text")`` for an interleaved line "Goal • bullet", else ``None``."""
    m = _MID_BULLET.search(text)
    if not m or not text[:m.start()].strip():
        return None
    return text[:m.start()].strip(), text[m.end():].strip()


_CONJUNCTIONS = frozenset({"en", "of", "tot", "t/m", "noch", "als", "maar"})
# Vowel pairs that would read as one sound across a compound boundary (klinkerbotsing):
# Dutch keeps the hyphen there ("programma-aanpak", "zee-egel"), not in "politieagent".
_CLASHES = frozenset({"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo",
                      "ou", "ui", "uu", "ij"})


def _glue(left: str, right: str) -> str:
    """How ``right`` (a wrapped line) attaches to ``left``: "" (no space), " " or "-" (drop
    the line-break hyphen of ``left``)."""
    if len(left) < 2 or not left.endswith("-") or not left[-2].isalnum():
        return " "
    first = right.split(maxsplit=1)[0].lower().rstrip(",.;:")
    if first in _CONJUNCTIONS:
        return " "  # "veiligheid-" + "en zorg": an elided compound, keep the space
    before, after = left[-2], right[0]
    if not before.islower() or not after.islower():
        return ""  # "RK-" + "rapport", "Noord-" + "Nederland": a real hyphen
    if (before + after).lower() in _CLASHES:
        return ""  # "programma-" + "aanpak": Dutch keeps the hyphen on a vowel clash
    return "-"  # "huisartsen-" + "praktijken" -> "huisartsenpraktijken"


def join_lines(parts: Sequence[str]) -> str:
    """Join wrapped lines into one text: single spaces, line-break hyphens removed.

    >>> join_lines(["contact met huisartsen-", "praktijken"])
    'contact met huisartsenpraktijken'
    >>> join_lines(["tussen veiligheid-", "en zorgprofessionals"])
    'tussen veiligheid- en zorgprofessionals'
    """
    pieces: list[str] = []
    previous = ""
    for part in parts:
        text = " ".join(part.split())
        if not text:
            continue
        if pieces:
            glue = _glue(previous, text)
            if glue == "-":
                pieces[-1] = pieces[-1][:-1]
            elif glue == " ":
                pieces.append(" ")
        pieces.append(text)
        previous = text
    return "".join(pieces)

"""The colophon lines of a P&C document's front pages: publisher and CBS municipality code;
and the document's own title on its cover.

Documents print who publishes them in a colophon line ("Uitgave: Gemeente Groningen"; the
English print of this project: "Published by: Gemeente Groningen") and, less often, the
organisation's CBS code ("Gemeentecode (CBS): GM0014" / "Municipality code (CBS): GM0014").
The code is only taken from such a labelled line, never from anywhere on a page: a front page
may well mention another municipality's code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rekenschap.importers.pdf.flow import FlowLine

__all__ = ["Colophon", "own_title", "read_colophon"]

_PUBLISHER = re.compile(r"^(?:Uitgave|Published by)\s*:\s*([^,;]+?)\s*(?:[,;.]|$)")
"""A colophon line naming the publisher as printed: "Uitgave: Gemeente Groningen"."""
_CODE_LINE = re.compile(
    r"^(?:(?:Gemeente|Provincie|Waterschap)code|CBS[- ]code|(?:Municipality|Province|"
    r"Water board) code)\b[^:]{0,12}:\s*(.*)$", re.I)
_CODE = re.compile(r"\b((?:GM|PV|WS)\d{4})\b")


@dataclass(frozen=True)
class Colophon:
    """What the colophon lines say; ``None`` where no such line was found."""

    publisher: str | None = None
    cbs_code: str | None = None


def read_colophon(lines: Sequence[FlowLine]) -> Colophon:
    """The first publisher line and the first labelled CBS code line among ``lines``."""
    publisher: str | None = None
    code: str | None = None
    for fl in lines:
        text = " ".join(fl.text.split())
        if publisher is None and (m := _PUBLISHER.match(text)):
            publisher = m.group(1).strip()
        if code is None and (c := _CODE_LINE.match(text)) and (n := _CODE.search(c.group(1))):
            code = n.group(1)
    return Colophon(publisher, code)


_PLAIN = re.compile(r"^(?:begroting|jaarstukken|jaarverslag|voorjaarsnota|bestuursrapportage)"
                    r"\s+\d{4}(?:\s*[-–]\s*\d{4})?$", re.I)


def own_title(cover_title: str) -> str | None:
    """The document's own title ("Programmabegroting 2024", "Jaarverslag en jaarrekening
    2023") from its cover title line; ``None`` for the plain "Begroting 2024" /
    "JAARSTUKKEN 2023", which names only the kind and year."""
    text = " ".join(cover_title.split())
    return None if not text or _PLAIN.match(text) else text

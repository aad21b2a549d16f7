"""Text sections of a programme under a known heading (tekstparagrafen).

Besides the W-questions, programme chapters carry prose under a small set of headings that
real documents share ("Belangrijkste ontwikkelingen", "Ontwikkelingen", "Wat speelt er?",
"Beleidskader"). A section runs from its heading (printed larger than body text) to the next
heading; a blank gap between lines starts a new paragraph (kept as an empty line in the text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import Section

__all__ = ["find_text_sections"]

_HEADING = re.compile(r"^((belangrijkste\s+)?ontwikkelingen|wat\s+speelt\s+er\s*\??|"
                      r"beleidskader)\s*$", re.I)
_HEADING_STEP = 0.25


def _paragraphs(lines: Sequence[FlowLine]) -> str:
    paragraphs: list[list[str]] = []
    prev: FlowLine | None = None
    for fl in lines:
        height = max(fl.line.bottom - fl.line.top, 6.0)
        gap = fl.line.top - prev.line.bottom if prev is not None and prev.page == fl.page else 0
        if prev is None or gap > 0.6 * height:
            paragraphs.append([])
        paragraphs[-1].append(fl.text)
        prev = fl
    return "\n\n".join(join_lines(p) for p in paragraphs)


def find_text_sections(lines: Sequence[FlowLine], *, body: float, file: str) -> list[Section]:
    """The known text sections among a chapter's ``lines``, in order."""
    out: list[Section] = []
    heading: FlowLine | None = None
    text: list[FlowLine] = []

    def close() -> None:
        if heading is not None and text:
            out.append(Section(heading=" ".join(heading.text.split()),
                               text=_paragraphs(text),
                               provenance=provenance_of(file, [heading, *text])))

    for fl in lines:
        if fl.size > body + _HEADING_STEP:
            close()
            heading = fl if _HEADING.match(fl.text.strip()) else None
            text = []
        elif heading is not None:
            text.append(fl)
    close()
    return out

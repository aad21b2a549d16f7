"""Variance explanations in a text dump ("Toelichting op verschillen ... >= € 50.000").

The zone under an explanation heading is read by the shared, layout-free reader
(:mod:`rekenschap.importers.explanations`) into a :class:`VarianceExplanation` with its
threshold and lettered items (title, lasten/baten side, signed net amount, incidenteel/
structureel, text). Items without a single net amount are reported (``TXT-VARIANCE-AMOUNT``);
lines that are no part of an item (an introduction, taakveld subheadings, the closing "De overige
verschillen ..." remark) are kept as a :class:`Section` under the same heading, so nothing
printed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from rekenschap.importers.explanations import read_explanation
from rekenschap.importers.headings import w_heading
from rekenschap.importers.textdump_lines import TextLine
from rekenschap.model import Location, Problem, Provenance, Section, Severity, VarianceExplanation

__all__ = ["parse_explanation"]


def _provenance(file: str, lines: Sequence[TextLine]) -> Provenance | None:
    if not lines:
        return None
    first, last = lines[0], lines[-1]
    return Provenance(file=file, page=first.page, line=first.number,
                      line_end=last.number if last.number != first.number else None)


def parse_explanation(
    heading: TextLine, lines: Sequence[TextLine], *, file: str,
) -> tuple[VarianceExplanation, Section | None, list[Problem]]:
    """The explanation under ``heading`` (the zone's lines follow it), the text around its items
    as a section (or ``None``) and the problems."""
    read = read_explanation(heading, lines, is_heading=lambda text: w_heading(text) is not None,
                            provenance=lambda group: _provenance(file, group))
    problems = [Problem(code="TXT-VARIANCE-AMOUNT", severity=Severity.NOTICE, message=gap.message,
                        location=Location(file=file, page=gap.line.page, line=gap.line.number))
                for gap in read.gaps]
    rest = [ln for ln in (*read.other, *lines[read.end:]) if not ln.blank]
    rest.sort(key=lambda ln: ln.number)
    section = None
    if rest:
        section = Section(heading=read.explanation.title or heading.text,
                          text="\n".join(ln.text for ln in rest),
                          provenance=_provenance(file, rest))
    return read.explanation, section, problems

"""Variance explanations (toelichting op verschillen >= € 50.000) under a PDF finance table.

The reading itself is layout-free and shared with the text-dump importer
(:mod:`rekenschap.importers.explanations`); this adapter finds the section among a chapter's
flow lines, gives the items their PDF provenance (page, line, bbox) and reports items without a
single net amount as ``PDF-VARIANCE-AMOUNT``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rekenschap.importers.explanations import net_amount as _amount
from rekenschap.importers.explanations import read_explanation
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.sections import Question, match_w_section
from rekenschap.model import Location, Problem, Severity, VarianceExplanation

__all__ = ["find_explanations"]
_ = _amount  # the note's net amount; tests/importers_pdf/test_units.py imports it from here


def find_explanations(
    lines: Sequence[FlowLine], *, file: str, path: str,
) -> tuple[list[VarianceExplanation], list[Problem]]:
    """The explanation section among ``lines`` (from its heading on), or nothing."""
    start = next((i for i, fl in enumerate(lines)
                  if match_w_section(fl.text) is Question.EXPLANATION), None)
    if start is None:
        return [], []
    read = read_explanation(lines[start], lines[start + 1:],
                            is_heading=lambda text: match_w_section(text) is not None,
                            provenance=lambda group: provenance_of(file, group))
    problems = [Problem(code="PDF-VARIANCE-AMOUNT", severity=Severity.NOTICE, message=gap.message,
                        location=Location(file=file, page=gap.line.page, line=gap.line.number,
                                          path=f"{path}.explanations[0].items[{gap.index}]"))
                for gap in read.gaps]
    return [read.explanation], problems

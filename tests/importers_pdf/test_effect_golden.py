"""Golden tests for the effect-indicator tables (effectindicatoren) of begroting 2025 and 2026.

Each golden file holds the indicators with targets of every programme, read from the
effect-indicator tables; they were compared with the rendered pages (pdftoppm -r 80) and
``pdftotext -layout`` of the pages named in :data:`PAGES` (and in each file's first line).
The P2 tables there print their values on the last line of each row (bottom-aligned cells),
the case that used to glue one row's first name line onto the row above.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from tests.conftest import corpus_file
from tests.importers_pdf.golden import GOLDEN, check, strip_provenance

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.structure import StructureOptions, build_report
from rekenschap.model import Problem, Report

PAGES = {"begroting-2025": "31, 43, 54, 67", "begroting-2026": "28, 37, 47, 56"}


@cache
def _import(name: str) -> tuple[Report, list[Problem]]:
    path = corpus_file("wassenaar", f"{name}.pdf")
    pages, _ = extract_pages(path)
    return build_report(pages, file=f"{name}.pdf", options=StructureOptions(source=str(path)))


def _effects(report: Report) -> dict[str, Any]:
    return {p.code or "?": [strip_provenance(i.model_dump(mode="json", exclude_defaults=True))
                            for i in p.indicators if i.targets]
            for p in report.programmes if any(i.targets for i in p.indicators)}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(PAGES))
def test_effect_indicators_match_golden(name: str) -> None:
    report, _ = _import(name)
    check(GOLDEN / name / "effectindicatoren.yaml", _effects(report), PAGES[name])


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(PAGES))
def test_bottom_aligned_rows_keep_their_own_names(name: str) -> None:
    """P2's four rows: each name starts with its own first line, none takes the next one's."""
    report, problems = _import(name)
    p2 = next(p for p in report.programmes if p.code == "P2")
    names = [i.name for i in p2.indicators if i.targets]
    assert len(names) == 4
    assert names[1].startswith("Aantal inwoners met bijstandsuitkering (per 1.000 inw)")
    assert all("Aantal" not in n for n in names[:1] + names[2:])
    assert not [p for p in problems if p.code == "PDF-EFFECT-NAME"]

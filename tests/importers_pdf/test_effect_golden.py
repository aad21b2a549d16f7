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


@pytest.mark.corpus
def test_centred_units_stay_in_their_column_2025() -> None:
    """Beleidsindicatoren rows 2/29-31 (page 72, checked on the rendered page): the centred
    unit "% van alle jongeren tot 18 / jaar" reaches past the header midpoint between Eenheid
    and Bron; the boundary moves to the white space before "CBS"."""
    report, problems = _import("begroting-2025")
    assert not [p for p in problems if p.code == "PDF-INDICATOR-GEOMETRY"]
    p2 = {i.name: i for p in report.programmes if p.code == "P2" for i in p.indicators}
    rows = [p2[name] for name in ("Jongeren met jeugdhulp", "Jongeren met jeugdbescherming",
                                  "Jongeren met jeugdreclassering")]
    assert [(i.unit.label if i.unit else None, i.source) for i in rows] == [
        ("% van alle jongeren tot 18 jaar", "CBS"), ("% van alle jongeren tot 18 jaar", "CBS"),
        ("% van alle jongeren van 12 tot 23 jaar", "CBS")]
    assert [[str(o.value) for o in i.observations] for i in rows] == [["8.6"], ["0.4"], ["0.2"]]
    assert [[str(o.value) for b in i.benchmarks for o in b.observations] for i in rows] == [
        ["11"], ["0.9"], ["0.3"]]

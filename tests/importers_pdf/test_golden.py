"""Golden tests: jaarstukken-2023 and begroting-2024 against hand-checked YAML per programme."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
from tests.conftest import corpus_file
from tests.importers_pdf.golden import GOLDEN, check, programme_data, strip_provenance

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.structure import StructureOptions, build_report
from rekenschap.model import Problem, Report

DOCS = {
    # document: pages of each programme chapter (for the checked header)
    "jaarstukken-2023": ["19-24", "25-40", "41-49", "50-65", "66-85"],
    "begroting-2024": ["11-16", "17-32", "33-42", "43-52", "53-63"],
}


@cache
def _import(name: str) -> tuple[Report, list[Problem]]:
    path = corpus_file("wassenaar", f"{name}.pdf")
    pages, _ = extract_pages(path)  # extraction problems are P1's and carry absolute paths
    return build_report(pages, file=f"{name}.pdf", options=StructureOptions(source=str(path)))


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(DOCS))
def test_programmes_match_golden(name: str) -> None:
    report, _ = _import(name)
    assert [p.code for p in report.programmes] == ["P1", "P2", "P3", "P4", "P5"]
    for i, programme in enumerate(report.programmes):
        check(GOLDEN / name / f"programma-{i + 1}.yaml", programme_data(programme),
              DOCS[name][i])


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(DOCS))
def test_document_matches_golden(name: str) -> None:
    report, problems = _import(name)
    data = {
        "organisation": report.organisation.model_dump(mode="json", exclude_none=True),
        "document": report.document.model_dump(mode="json", exclude_none=True),
        "unit": report.unit.model_dump(mode="json", exclude_none=True),
        "overview": strip_provenance(report.overview.model_dump(mode="json", exclude_defaults=True))
        if report.overview else None,
        "problems": sorted(p.format() for p in problems),
    }
    check(GOLDEN / name / "document.yaml", data, "1-12 and the problem list")


def test_golden_files_are_checked_by_eye() -> None:
    """A regenerated golden file must be compared with the pages before it counts."""
    files = sorted(GOLDEN.glob("*/*.yaml"))
    assert files, "no golden files"
    unchecked = [f.relative_to(GOLDEN).as_posix() for f in files
                 if not f.read_text(encoding="utf-8").startswith("# checked")]
    assert not unchecked, f"golden files not yet checked against the pages: {unchecked}"


@pytest.mark.corpus
def test_every_result_of_jaarstukken_2023_has_its_status_icon() -> None:
    """The flags beside "Realisatie / voortgang" (legend on page 6), by image identity."""
    report, problems = _import("jaarstukken-2023")
    statuses = Counter(a.status for p in report.programmes for g in p.goals for a in g.activities)
    assert None not in statuses
    assert sum(statuses.values()) == 80
    assert not [p for p in problems if p.code.startswith("PDF-STATUS")]

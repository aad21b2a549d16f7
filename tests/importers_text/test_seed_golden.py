"""The Groningen seed imports to exactly the hand transcription in examples/ (golden test).

The comparison ignores provenance (checked separately below) and the organisation/document
metadata, which the text does not contain: the test passes them as import options, like a user
would; what the importer infers without options is tested on its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from rekenschap.importers.sentences import catalogue_id
from rekenschap.importers.text import import_text, import_text_file
from rekenschap.model import DocumentKind, Programme, Report, Severity

GOLDEN_PROBLEMS = Path(__file__).parent / "golden" / "seed-problems.txt"
UPDATE = os.environ.get("REKENSCHAP_UPDATE_GOLDEN") == "1"


@dataclass(frozen=True)
class Options:
    """The import options a user gives for the seed (any object with these attributes works)."""

    organisation: str | None = "Gemeente Groningen"
    cbs_code: str | None = "GM0014"
    kind: DocumentKind | None = DocumentKind.JAARSTUKKEN
    year: int | None = 2024
    scale: int | None = 1000


def _strip(node: Any, drop: frozenset[str]) -> Any:
    if isinstance(node, dict):
        return {k: _strip(v, drop) for k, v in node.items() if k not in drop}
    if isinstance(node, list):
        return [_strip(v, drop) for v in node]
    return node


def _catalogue_ready() -> bool:
    return catalogue_id("Geweldsmisdrijven") is not None


def _programmes(report: Report) -> Any:
    drop = {"provenance"} | (set() if _catalogue_ready() else {"catalogue_id"})
    data = report.model_dump(mode="json", by_alias=True)
    return _strip(data["programmes"], frozenset(drop))


@pytest.fixture
def imported(seed_path: Path) -> tuple[Report, list[Any]]:
    text = seed_path.read_text(encoding="utf-8")
    return import_text(text, file="groningen-2024-veiligheid.txt", options=Options())


def test_seed_imports_to_the_hand_transcription(imported: tuple[Report, list[Any]],
                                                example_path: Path) -> None:
    if not example_path.exists():
        pytest.skip("examples/groningen-2024-veiligheid.yaml not there")
    expected = Report.model_validate(yaml.safe_load(example_path.read_text(encoding="utf-8")))
    report, _ = imported
    got, want = _programmes(report), _programmes(expected)
    # Compare piece by piece first so a failure names the first differing object.
    assert len(got) == len(want) == 1
    g, w = got[0], want[0]
    for key in ("code", "name", "level"):
        assert g[key] == w[key]
    assert len(g["goals"]) == len(w["goals"])
    for gg, wg in zip(g["goals"], w["goals"], strict=True):
        assert gg == wg
    assert g["finance"] == w["finance"]
    assert len(g["indicators"]) == len(w["indicators"])
    for gi, wi in zip(g["indicators"], w["indicators"], strict=True):
        assert gi == wi
    assert got == want
    assert report.organisation == expected.organisation
    assert report.document == expected.document
    assert report.unit.scale == expected.unit.scale == 1000


def test_seed_problems_are_exactly_the_honest_ones(imported: tuple[Report, list[Any]]) -> None:
    _, problems = imported
    text = "".join(p.format() + "\n" for p in problems)
    if UPDATE or not GOLDEN_PROBLEMS.exists():
        GOLDEN_PROBLEMS.parent.mkdir(exist_ok=True)
        GOLDEN_PROBLEMS.write_text(text, encoding="utf-8")
    assert text == GOLDEN_PROBLEMS.read_text(encoding="utf-8")
    # "13.140 tegenover 13.044" and "5, 4 naar 1000 inwoners" come with a claim: the checks
    # (IND-CLAIM-AMBIGUOUS, IND-PRINTED) report them, once (test_claim_dedupe.py); the seed's
    # import itself has nothing to say
    assert problems == []


def test_seed_provenance_line_ranges(imported: tuple[Report, list[Any]]) -> None:
    report, _ = imported
    programme: Programme = report.programmes[0]
    assert programme.provenance is not None
    assert (programme.provenance.line, programme.provenance.line_end) == (2, 103)

    def lines(obj: Any) -> tuple[int | None, int | None]:
        assert obj.provenance is not None
        assert obj.provenance.file == "groningen-2024-veiligheid.txt"
        assert obj.provenance.page is None  # the dump has no form feeds
        return obj.provenance.line, obj.provenance.line_end

    goals = programme.goals
    assert lines(goals[0]) == (5, 6)
    assert lines(goals[0].activities[0]) == (8, 9)
    assert lines(goals[1]) == (17, 17)
    assert lines(goals[1].activities[0]) == (17, 18)
    assert lines(goals[3]) == (32, 34)
    assert lines(goals[3].activities[0]) == (36, 38)
    assert lines(goals[6].activities[1]) == (61, 63)  # the bullet with a blank line inside
    assert programme.finance is not None
    assert lines(programme.finance) == (71, 81)
    assert [lines(r) for r in programme.finance.rows] == [(79, 79), (81, 81)]
    assert [lines(i) for i in programme.indicators] == [
        (83, 84), (86, 87), (89, 90), (92, 93), (95, 96), (98, 100), (102, 103)]
    assert lines(programme.indicators[1].claims[0]) == (86, 87)


def test_seed_without_options_infers_and_says_so(seed_path: Path) -> None:
    report, problems = import_text_file(seed_path)
    assert report is not None
    assert report.organisation.name == "Gemeente Groningen"  # from the file name
    assert report.organisation.cbs_code is None
    assert report.document.year == 2024
    assert report.document.kind is DocumentKind.JAARSTUKKEN  # past-tense W-headings
    assert report.unit.scale == 1
    codes = {p.code: p for p in problems}
    assert codes["TXT-NO-SCALE"].severity is Severity.NOTICE
    assert "scale 1" in codes["TXT-NO-SCALE"].message
    assert codes["TXT-KIND-INFERRED"].severity is Severity.NOTICE
    # Without options the programmes are the same as with them.
    with_options, _ = import_text(seed_path.read_text(encoding="utf-8"),
                                  file=str(seed_path), options=Options())
    assert report.programmes == with_options.programmes


def test_seed_catalogue_links(imported: tuple[Report, list[Any]]) -> None:
    if not _catalogue_ready():
        pytest.skip("rekenschap.catalogue.match_indicator not available yet")
    report, _ = imported
    ids = [i.catalogue_id for i in report.programmes[0].indicators]
    assert ids == [None, "winkeldiefstallen", "verwijzingen-halt", "geweldsmisdrijven",
                   "diefstallen-uit-woning", "vernielingen-en-beschadigingen", None]


def test_seed_through_the_dispatch_and_the_path_form(seed_path: Path) -> None:
    """``import_path`` (P1's dispatch) and ``import_text(Path)`` give the same programmes."""
    from rekenschap.importers import import_path

    direct, _ = import_text(seed_path.read_text(encoding="utf-8"), file=str(seed_path))
    dispatched, problems = import_path(seed_path)
    by_path, _ = import_text(seed_path)
    assert dispatched is not None and by_path is not None
    assert dispatched.programmes == direct.programmes == by_path.programmes
    assert not [p for p in problems if p.severity is Severity.ERROR]


def test_seed_report_round_trips_through_json(imported: tuple[Report, list[Any]]) -> None:
    report, _ = imported
    again = Report.model_validate_json(report.model_dump_json(by_alias=True))
    assert again == report


def test_page_breaks_and_footers_do_not_leak_into_the_seed(seed_path: Path) -> None:
    """The seed with page breaks inside a goal, inside a bullet (at its blank line) and before
    the indicators, each with a running footer, a page number and the programme heading repeated
    as page header, imports to the same programmes (provenance aside)."""
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    footer = ["", "Jaarstukken 2024 gemeente Groningen", "", "{n}",
              "\fDeelprogramma 2.2.Veiligheid"]
    paged: list[str] = []
    page = 40
    for number, line in enumerate(lines, start=1):
        paged.append(line)
        if number in (32, 62, 81):  # after a goal line, the blank inside a bullet, the table
            paged.extend(f.format(n=page) for f in footer)
            page += 1
    plain, _ = import_text("\n".join(lines), file="groningen-2024-veiligheid.txt",
                           options=Options())
    report, problems = import_text("\n".join(paged), file="groningen-2024-veiligheid.txt",
                                   options=Options())
    assert _programmes(report) == _programmes(plain)
    furniture = [p for p in problems if p.code == "TXT-FURNITURE"]
    assert len(furniture) == 9  # 3 x (footer, page number, repeated heading)
    programme = report.programmes[0]
    where = programme.goals[3].provenance  # the goal that runs over the page break
    assert where is not None
    assert (where.page, where.line, where.line_end) == (1, 32, 39)  # page = where it starts
    assert programme.indicators[0].provenance is not None
    assert programme.indicators[0].provenance.page == 4

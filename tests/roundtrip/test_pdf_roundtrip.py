"""PDF round trip (issues 3 and 5): export -> PDF importer -> the same model, provenance aside.

Three reports: the Groningen example (a lone deelprogramma, positive amounts), the rich sample
(programmes with deelprogramma's, Wassenaar-like negative lasten with a Verschil column and
sign note, a two-column table with an empty cell) and the re-export of a real Wassenaar import.
What "the same" means is in :mod:`tests.roundtrip.essentials`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from tests.conftest import corpus_file
from tests.render.sample import rich_report
from tests.roundtrip import essentials

from rekenschap.importers import import_path
from rekenschap.model import Problem, Report, Severity
from rekenschap.render.exports import ExportFormat, export

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "groningen-2024-veiligheid.yaml"


def _round_trip(report: Report, tmp_path: Path, lang: str = "nl",
                ) -> tuple[Report, list[Problem]]:
    (pdf,) = export(report, ExportFormat.PDF, tmp_path / "export.pdf", lang=lang)
    back, problems = import_path(pdf)
    assert back is not None, [p.format() for p in problems]
    return back, problems


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Report, list[Problem]]:
    report = rich_report()
    return (report, *_round_trip(report, tmp_path_factory.mktemp("rich")))


def test_rich_report_keeps_programmes_deelprogrammas_and_finance(
        rich: tuple[Report, Report, list[Problem]]) -> None:
    report, back, problems = rich
    assert essentials.structure(back) == essentials.structure(report)
    first = back.programmes[0]
    assert [s.code for s in first.subprogrammes] == ["1.1", "1.2"]
    assert first.finance is not None
    assert first.finance.sign_note == '"-" = nadeel / "+" = voordeel'
    assert [c.kind.value for c in first.finance.columns] == [
        "original_budget", "amended_budget", "actual", "difference"]
    assert not [p for p in problems if p.severity is Severity.ERROR]
    # 1.1 and 2 print the computed Verschil (the site's column); it does not come back as data
    second = back.programmes[1].finance
    assert second is not None
    assert [c.kind.value for c in second.columns] == ["original_budget", "amended_budget",
                                                      "actual"]


def test_rich_report_document_and_unit(rich: tuple[Report, Report, list[Problem]]) -> None:
    report, back, _ = rich
    assert (back.document.kind, back.document.year) == (report.document.kind,
                                                        report.document.year)
    assert back.unit.scale == report.unit.scale
    assert essentials.organisation(back) == essentials.organisation(report)
    assert essentials.organisation(back) == ("Gemeente Voorbeeld-aan-Zee", "GM0629")


# The hand-made sample has no derived fields (an import derives catalogue ids and quantities
# from the text) and a unit without a label of its own (printed with the renderer's label).
RICH = {"drop": frozenset({"catalogue_id", "quantities"}), "unit_labels": False}


def test_rich_report_whole_model_comes_back(rich: tuple[Report, Report, list[Problem]]) -> None:
    """Every field of the model, provenance and how-printed fields aside (essentials.whole)."""
    report, back, _ = rich
    assert essentials.whole(back, **RICH) == essentials.whole(report, **RICH)


def test_rich_report_keeps_its_own_overview(rich: tuple[Report, Report, list[Problem]]) -> None:
    """The recapitulatie: lasten/baten per group, a programme printed by name only refers to
    it, Overhead without baten stays one row."""
    report, back, _ = rich
    assert essentials.overview(back) == essentials.overview(report)
    assert back.overview is not None
    assert [r.ref for r in back.overview.rows][:4] == ["1", "1", "2", "2"]
    assert [r.kind.value for r in back.overview.rows if r.label == "Overhead"] == ["lasten"]


def test_rich_report_keeps_goals_and_activities(
        rich: tuple[Report, Report, list[Problem]]) -> None:
    report, back, _ = rich
    assert essentials.goals(back) == essentials.goals(report)
    statuses = [a.status for a in back.programmes[0].goals[0].activities]
    assert [s.value if s else None for s in statuses] == [
        "gerealiseerd", "loopt", "vertraagd", "niet gerealiseerd"]


def test_rich_report_keeps_indicators(rich: tuple[Report, Report, list[Problem]]) -> None:
    report, back, _ = rich
    assert essentials.indicators(back) == essentials.indicators(report)
    assert essentials.units(back, labels=False) == essentials.units(report, labels=False)
    assert essentials.unit_labels(report).items() <= essentials.unit_labels(back).items()
    dated = [(o.period, o.reference_date) for o in back.programmes[0].indicators[0].observations
             if o.reference_date]
    assert dated == [("2024", "2024-03-01")]
    halt = back.programmes[0].indicators[1]
    assert halt.unit is not None and halt.unit.per == 1000
    assert back.programmes[0].indicators[0].source == "CBS"


def test_rich_report_keeps_taakvelden_and_text_sections(
        rich: tuple[Report, Report, list[Problem]]) -> None:
    report, back, _ = rich
    assert essentials.texts(back) == essentials.texts(report)
    assert back.programmes[0].subprogrammes[1].sections[0].text.count("\n\n") == 1


def test_rich_report_keeps_variance_explanations(
        rich: tuple[Report, Report, list[Problem]]) -> None:
    report, back, _ = rich
    assert essentials.explanations(back) == essentials.explanations(report)
    assert back.programmes[0].explanations[0].threshold == 50000


def test_an_undated_target_with_a_value_comes_back(tmp_path: Path) -> None:
    data = rich_report().model_dump(mode="json", by_alias=True)
    data["programmes"][0]["indicators"][0]["target"] = {"value": "5,2", "direction": "down"}
    report = Report.model_validate(data)
    back, _ = _round_trip(report, tmp_path)
    assert essentials.indicators(back) == essentials.indicators(report)
    target = back.programmes[0].indicators[0].target
    assert target is not None and (target.value, target.period) == (Decimal("5.2"), None)


def test_problems_name_the_deelprogramma(rich: tuple[Report, Report, list[Problem]]) -> None:
    _, _, problems = rich
    paths = {p.location.path for p in problems if p.code == "PDF-FIN-MISSING"}
    assert paths == {"programmes[0].subprogrammes[1]"}  # 1.2 has no table, as in the source


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_groningen_example_round_trip(tmp_path: Path, lang: str) -> None:
    report = Report.model_validate(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    back, _ = _round_trip(report, tmp_path, lang)
    assert essentials.organisation(back) == ("Gemeente Groningen", "GM0014")
    assert essentials.structure(back) == essentials.structure(report)
    assert back.programmes[0].level == "deelprogramma"
    assert essentials.goals(back) == essentials.goals(report)
    assert essentials.derived(back) == essentials.derived(report)
    # every observation, the two without a period ("13.140 tegenover 13.044") too
    assert essentials.indicators(back) == essentials.indicators(report)
    undated = [o.value for o in back.programmes[0].indicators[0].observations if not o.period]
    assert undated == [13140, 13044]
    assert essentials.whole(back, unit_labels=False) == essentials.whole(report, unit_labels=False)
    # Every unit label comes back (a unit without one gets the printed "aantal" / "count").
    assert essentials.unit_labels(report).items() <= essentials.unit_labels(back).items()
    assert essentials.units(back, labels=False) == essentials.units(report, labels=False)


@pytest.fixture(scope="module")
def wassenaar() -> Report:
    report, _ = import_path(corpus_file("wassenaar", "jaarstukken-2023.pdf"))
    assert report is not None
    return report


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wassenaar_import_re_exported_imports_the_same(tmp_path: Path, wassenaar: Report,
                                                       lang: str) -> None:
    """jaarstukken-2023: import -> export PDF (Dutch and English) -> import; programmes,
    finance tables, the recapitulatie, the overviews per taakveld, goals with coded results and
    statuses, and the indicators with their observations agree."""
    report = wassenaar
    back, _ = _round_trip(report, tmp_path, lang)
    assert len(report.programmes) >= 5
    assert essentials.organisation(back) == essentials.organisation(report)
    assert essentials.structure(back) == essentials.structure(report)
    assert essentials.overview(back) == essentials.overview(report)
    assert report.overview is not None and len(report.overview.rows) >= 30
    assert essentials.taakveld_finance(back) == essentials.taakveld_finance(report)
    assert all(p.taakveld_finance for p in back.programmes)
    assert essentials.derived(back) == essentials.derived(report)
    assert essentials.goals(back) == essentials.goals(report)
    assert essentials.indicators(back) == essentials.indicators(report)
    assert essentials.units(back) == essentials.units(report)
    assert essentials.texts(back) == essentials.texts(report)
    # Every variance item, long titles that wrap in print too.
    assert essentials.explanations(back) == essentials.explanations(report)
    assert sum(len(p.indicators) for p in back.programmes) >= 20
    # The whole model, but for the quantity of two currency/mass units the
    # sustainability-effects reader sets beside their label (docs/publishing.md).
    drop = frozenset({"quantity"})
    assert essentials.whole(back, drop=drop) == essentials.whole(report, drop=drop)



def test_english_print_of_the_rich_report_round_trips(tmp_path: Path) -> None:
    """The English print (English headings, statuses, facts, notes and numbers) imports back
    to the same model (importers/pdf/english.py reads it like the Dutch one)."""
    report = rich_report()
    back, problems = _round_trip(report, tmp_path, "en")
    assert essentials.organisation(back) == essentials.organisation(report)
    assert (back.document.kind, back.document.year) == (report.document.kind,
                                                        report.document.year)
    assert essentials.structure(back) == essentials.structure(report)
    assert essentials.overview(back) == essentials.overview(report)
    assert essentials.goals(back) == essentials.goals(report)
    assert essentials.indicators(back) == essentials.indicators(report)
    assert essentials.units(back, labels=False) == essentials.units(report, labels=False)
    assert essentials.texts(back) == essentials.texts(report)
    assert essentials.explanations(back) == essentials.explanations(report)
    assert not [p for p in problems if p.code in {"PDF-FIN-COLUMN", "PDF-OVERVIEW-CELLS"}]
    assert essentials.whole(back, **RICH) == essentials.whole(report, **RICH)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_multi_year_budget_keeps_its_last_year(tmp_path: Path, lang: str) -> None:
    """"Begroting 2023-2026" on the cover (period_end); goals and indicators as ever."""
    data = rich_report().model_dump(mode="json", by_alias=True)
    data["document"].update({"kind": "begroting", "year": 2023, "period_end": 2026})
    report = Report.model_validate(data)
    back, _ = _round_trip(report, tmp_path, lang)
    assert back.document == report.document
    assert essentials.goals(back) == essentials.goals(report)
    assert essentials.indicators(back) == essentials.indicators(report)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_title_of_its_own_comes_back(tmp_path: Path, lang: str) -> None:
    data = rich_report().model_dump(mode="json", by_alias=True)
    data["document"]["title"] = "Jaarverslag en jaarrekening 2023"
    report = Report.model_validate(data)
    back, _ = _round_trip(report, tmp_path, lang)
    assert back.document == report.document


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wassenaar_budget_re_exported_imports_the_same(tmp_path: Path, lang: str) -> None:
    """begroting-2024 (effect indicators with targets per year, Nederland, a one-year indicator
    table, six amount columns whose headers wrap, table captions ending where a column ends,
    an activity text opening with an ordinal "2.1 1e proeve ..."): the whole model comes
    back, but for the quantity of two currency/mass units (docs/publishing.md)."""
    report, _ = import_path(corpus_file("wassenaar", "begroting-2024.pdf"))
    assert report is not None
    back, problems = _round_trip(report, tmp_path, lang)
    assert sum(len(p.indicators) for p in back.programmes) >= 40
    assert essentials.structure(back) == essentials.structure(report)
    assert essentials.goals(back) == essentials.goals(report)
    p3, p5 = (p.finance for p in back.programmes if p.code in {"P3", "P5"})
    assert p3 is not None and p5 is not None
    assert p3.title == "Tabel 3.3 - Baten en lasten P3 Bestuur en Middelen"
    assert p3.sign_note == '( "-"= nadeel / "+"= voordeel )'
    assert p3.unit is not None and p3.unit.scale == 1000
    assert [c.label for c in p5.columns][:2] == ["Rekening 2022", "Begroting 2023"]
    assert not [p for p in problems if p.code in {"PDF-FIN-SCALE", "PDF-FIN-COLUMN"}]
    drop = frozenset({"quantity"})
    assert essentials.whole(back, drop=drop) == essentials.whole(report, drop=drop)


def test_dutch_numbers_in_the_documents_own_text_survive_the_english_print(
        tmp_path: Path) -> None:
    """The English print writes its own numbers the English way; the document's own text keeps
    its Dutch ones, and the reader leaves them alone ("0,125" is no 125, "1.250" no 1.25)."""
    data = rich_report().model_dump(mode="json", by_alias=True)
    goal = data["programmes"][0]["goals"][0]
    goal["title"] = "Norm 0,125 fte per 1.250 inwoners"
    goal["description"] = ("We brengen de bezetting terug naar 0,125 fte per 1.250 inwoners;"
                           " in 2023 was dat 0,150.")
    goal["activities"][0]["text"] = "Pilot met 1.250 deelnemers en 0,125 fte"
    section = data["programmes"][0]["subprogrammes"][1]["sections"][0]
    section["text"] = "Het aantal deelnemers steeg naar\n\n1.250"  # a paragraph of its own
    report = Report.model_validate(data)
    back, _ = _round_trip(report, tmp_path, "en")
    assert essentials.goals(back) == essentials.goals(report)
    assert essentials.texts(back) == essentials.texts(report)
    assert essentials.whole(back, **RICH) == essentials.whole(report, **RICH)

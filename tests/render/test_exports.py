"""Exports read back with their own libraries: DOCX, XLSX, CSV, JSON, FDP, PDF."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from rekenschap.model import Problem, Report
from rekenschap.render.builder import build_document
from rekenschap.render.exports import ExportFormat, default_output, export
from rekenschap.render.xlsx_export import sheet_title

from .conftest import SAMPLE_PROBLEMS, example_report
from .sample import SCRIPT_GOAL, rich_report


def test_xlsx_one_sheet_per_table_with_real_numbers(tmp_path: Path) -> None:
    (path,) = export(rich_report(), ExportFormat.XLSX, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    doc = build_document(rich_report())
    assert len(wb.sheetnames) == len(doc.tables()) == 9
    assert wb.sheetnames[:5] == ["Jaarstukken 2023", "Overzicht en programmatabellen ",
                                 "Overzicht van baten en lasten z", "1 Wat heeft het gekost",
                                 "1 Toelichting op verschillen gr"]
    ws = wb["1 Wat heeft het gekost"]
    assert ws["A1"].value == "Lasten en baten: Programma 1 Veiligheid"
    assert [c.value for c in ws[3]] == ["Omschrijving", "Begroting 2023 primair",
                                        "Begroting 2023 na wijziging", "Realisatie 2023",
                                        "Verschil"]
    assert [c.value for c in ws[4]] == ["Lasten", -4346, -4412, -4493, -81]
    assert ws["B4"].number_format == "#,##0"
    assert ws["A8"].value == "Bedragen x € 1.000"
    verkeer = wb["2 Wat heeft het gekost"]
    assert verkeer["C4"].value == pytest.approx(-7350.5)
    assert verkeer["C4"].number_format == "#,##0.0"
    # the overview's share of the total: numbers shown with a "%" (12.3 stored, not 0.123)
    overview = wb["Jaarstukken 2023"]
    assert [c.value for c in overview[4]] == ["1 Veiligheid en handhaving", 4493, 236,
                                              pytest.approx(39.1)]
    assert overview["D4"].number_format == '0.0"%"' and overview["D6"].value == 100
    # the document's own overview against the programme tables, with the difference
    recon = wb["Overzicht en programmatabellen "]
    assert [c.value for c in recon[3]][1:] == ["Volgens het overzicht",
                                               "Volgens de programmatabellen", "Verschil"]
    assert [c.value for c in recon[6]] == ["Verkeer, vervoer en waterstaat: lasten", -6900,
                                           -7012, 112]
    assert "Verschil = overzicht − programmatabellen" in recon["A11"].value
    nnb = wb["1 Winkeldiefstallen"]
    assert [c.value for c in nnb[9]] == ["2024", "n.n.b.", "peildatum 2024-03-01"]
    assert nnb["B8"].value == pytest.approx(5.7) and nnb["B8"].number_format == "#,##0.0"


def test_xlsx_and_docx_have_the_computed_difference_with_its_convention(
        tmp_path: Path) -> None:
    """A table without its own Verschil column gets the site's computed one, as numbers, with
    the sign convention in the note under it (DOCX: the same column and note)."""
    (path,) = export(rich_report(), ExportFormat.XLSX, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(path)["2 Wat heeft het gekost"]
    assert ws["E3"].value == "Verschil (berekend)"
    # realisatie − begroting na wijziging: -7012 − -7350,5 = 338,5 (lower lasten, favourable)
    assert [c.value for c in ws[4]][1:] == [-7200, pytest.approx(-7350.5), -7012,
                                            pytest.approx(338.5)]
    assert ws["E4"].data_type == "n" and ws["E4"].number_format == "#,##0.0"
    assert "realisatie − begroting na wijziging" in ws["A7"].value
    blank = openpyxl.load_workbook(path)["1.1 Wat heeft het gekost"]
    assert [c.value for c in blank[5]] == ["Baten", 10, None, None]  # no amount, no difference
    (word,) = export(rich_report(), ExportFormat.DOCX, tmp_path / "r.docx")
    document = docx.Document(str(word))
    table = next(t for t in document.tables
                 if t.rows[0].cells[-1].text == "Verschil (berekend)"
                 and len(t.rows[0].cells) == 5)
    assert [c.text for c in table.rows[1].cells] == ["Lasten", "-7.200", "-7.350,5",
                                                     "-7.012", "338,5"]
    notes = [p.text for p in document.paragraphs]
    assert any("realisatie − begroting na wijziging" in n for n in notes)


def test_comparison_in_docx_and_xlsx(tmp_path: Path) -> None:
    from rekenschap.opendata.compare import vega_lite_spec
    from rekenschap.render.comparison import comparison_page

    from .sample import sample_comparison

    comparison = sample_comparison()
    specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
    page = comparison_page(comparison, specs, "en")
    (path,) = export(rich_report(), ExportFormat.XLSX, tmp_path / "r.xlsx", lang="en",
                     comparisons=[page])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[-3:] == ["Per-inhabitant expenditure", "Per-inhabitant income",
                                  "Indicators compared with the Ne"]
    ws = wb["Per-inhabitant expenditure"]
    assert ws["B3"].value == "Voorbeeld-aan-Zee € per inhabitant"
    assert [c.value for c in ws[5]][:3] == ["1.1 Crisisbeheersing en brandweer", 98, 80]
    (word,) = export(rich_report(), ExportFormat.DOCX, tmp_path / "r.docx", lang="en",
                     comparisons=[page])
    document = docx.Document(str(word))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style is not None and p.style.name.startswith("Heading")]
    assert ("Heading 1", "Comparison Voorbeeld-aan-Zee") in headings
    assert ("Heading 2", "Per-inhabitant expenditure") in headings
    assert any(t.rows[0].cells[0].text == "Functional class" for t in document.tables)
    descriptions = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    assert len(descriptions) == 5  # 3 of the document + lasten and baten against the peers


def test_sheet_titles_are_excel_safe_and_unique() -> None:
    used: set[str] = set()
    assert sheet_title("a/b:c*d?[e]", used) == "a b c d  e"
    long = "x" * 40
    assert sheet_title(long, used) == "x" * 31
    assert sheet_title(long, used) == "x" * 27 + " (2)"


def test_docx_has_word_headings_and_tables(tmp_path: Path) -> None:
    (path,) = export(rich_report(), ExportFormat.DOCX, tmp_path / "r.docx",
                     problems=SAMPLE_PROBLEMS)
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style is not None and p.style.name.startswith(("Heading", "Title"))]
    assert headings[:6] == [
        ("Title", "Jaarstukken 2023"), ("Heading 1", "Overzicht"),
        ("Heading 2", "Het overzicht van het document"),
        ("Heading 1", "1 Veiligheid en handhaving"),
        ("Heading 2", "Wat wilden we bereiken en wat hebben we daarvoor gedaan?"),
        ("Heading 3", f"1.1 {SCRIPT_GOAL}")]
    assert ("Heading 1", "Bevindingen van de controles") in headings
    assert [c.text for c in document.tables[1].rows[0].cells] == [
        "Omschrijving", "Volgens het overzicht", "Volgens de programmatabellen", "Verschil"]
    assert ("Heading 2", "Het overzicht van het document") in headings
    finance = document.tables[3]
    assert [c.text for c in finance.rows[0].cells] == [
        "Omschrijving", "Begroting 2023 primair", "Begroting 2023 na wijziging",
        "Realisatie 2023", "Verschil"]
    assert [c.text for c in finance.rows[1].cells] == ["Lasten", "-4.346", "-4.412", "-4.493",
                                                       "-81"]
    assert finance.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # header repeats on each page
    assert document.core_properties.title == "Gemeente Voorbeeld-aan-Zee: Jaarstukken 2023"
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(descriptions) == 3  # overview bars + the two indicators with dated values
    ids = [shape._inline.docPr.get("id") for shape in document.inline_shapes]
    assert len(set(ids)) == 3  # drawing ids are unique in the document
    assert descriptions[1].startswith("Lijngrafiek van Winkeldiefstallen (per 1.000 inwoners)")


def test_csv_export_reads_back(tmp_path: Path) -> None:
    files = export(rich_report(), ExportFormat.CSV, tmp_path / "csv")
    assert [f.name for f in files] == ["financien.csv", "indicatoren.csv"]
    with files[0].open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    first = rows[0]
    assert (first["programme_code"], first["row_kind"], first["column_kind"], first["amount"],
            first["scale"], first["sign_convention"]) == (
        "1", "lasten", "original_budget", "-4346", "1000", "lasten_negative")
    assert {r["programme_code"] for r in rows} == {"1", "1.1", "2"}
    blank = [r for r in rows if r["programme_code"] == "1.1" and r["row_kind"] == "baten"
             and r["column_kind"] == "actual"]
    assert blank[0]["amount"] == ""
    assert [r for r in rows if r["amount"] == "-7350.5"]
    with files[1].open(encoding="utf-8", newline="") as fh:
        ind = list(csv.DictReader(fh))
    nnb = [r for r in ind if r["period"] == "2024" and r["indicator"] == "Winkeldiefstallen"]
    assert nnb[0]["value"] == "" and nnb[0]["qualifier"] == "n.n.b."


def test_json_export(tmp_path: Path) -> None:
    (path,) = export(example_report(), ExportFormat.JSON, tmp_path / "o.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "rekenschap/opendata@1"
    assert data["organisation"] == {"name": "Gemeente Groningen", "cbs_code": "GM0014"}
    amounts = [(r["row_kind"], r["column_kind"], r["amount"]) for r in data["finance"]]
    assert amounts == [("lasten", "original_budget", 42668), ("lasten", "amended_budget", 44622),
                       ("lasten", "actual", 45324), ("baten", "original_budget", 5447),
                       ("baten", "amended_budget", 6506), ("baten", "actual", 9648)]
    values = [r["value"] for r in data["indicators"] if r["indicator"] == "Geweldsmisdrijven"]
    assert values == [6.5, 5.7, 5.3]


def test_fiscal_data_package_validates_with_frictionless(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    files = export(rich_report(), ExportFormat.FDP, tmp_path / "fdp")
    package = files[0]
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    measures = descriptor["model"]["measures"]
    assert measures["lasten_approved"] == {"source": "lasten_approved", "currency": "EUR",
                                           "factor": 1000, "direction": "expenditure",
                                           "phase": "approved"}
    assert {m["phase"] for m in measures.values()} == {"approved", "adjusted", "executed"}
    assert measures["baten_executed"]["direction"] == "revenue"
    with (package.parent / "begroting.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    # lasten printed negative become positive expenditure; sub-programmes are not double counted
    assert [(r["programma_code"], r["lasten_executed"], r["baten_executed"]) for r in rows] == [
        ("1", "4493", "236"), ("2", "7012", "901")]


def test_fiscal_data_package_taakveld_as_functional_classification(tmp_path: Path) -> None:
    report = example_report()
    prog = report.programmes[0].model_copy(update={"taakvelden": ("1.2",)})
    report = report.model_copy(update={"programmes": (prog,)})
    files = export(report, ExportFormat.FDP, tmp_path / "fdp")
    with (files[0].parent / "begroting.csv").open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["taakveld"], row["lasten_approved"], row["lasten_adjusted"]) == (
        "1.2", "42668", "44622")
    dims = json.loads(files[0].read_text(encoding="utf-8"))["model"]["dimensions"]
    assert dims["taakveld"]["classificationType"] == "functional"


def test_frictionless_catches_a_broken_package(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    files = export(rich_report(), ExportFormat.FDP, tmp_path / "fdp")
    data = files[0].parent / "begroting.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("4493", "veel"), encoding="utf-8")
    assert not frictionless.validate(str(files[0])).valid


def _pdftoppm() -> str:
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("needs pdftoppm (apt-get install poppler-utils; CI installs it)")
    return tool


def _inked_share(pgm: Path) -> float:
    """Share of non-white pixels in a binary PGM (P5) page image."""
    data = pgm.read_bytes()
    pixels = data[data.index(b"255\n") + 4:]  # header: P5 width height 255
    return sum(1 for b in pixels if b < 200) / len(pixels)


def test_blank_page_detection_can_fail(tmp_path: Path) -> None:
    from weasyprint import HTML  # type: ignore[import-untyped]

    tool = _pdftoppm()
    HTML(string="<p></p>").write_pdf(tmp_path / "blank.pdf")
    subprocess.run([tool, "-r", "40", "-gray", tmp_path / "blank.pdf", tmp_path / "b"],
                   check=True)
    (page,) = tmp_path.glob("b-*.pgm")
    assert _inked_share(page) == 0


def test_pdf_pages_render_not_blank_with_toc_and_page_numbers(tmp_path: Path) -> None:
    tool = _pdftoppm()
    (pdf,) = export(rich_report(), ExportFormat.PDF, tmp_path / "r.pdf", problems=SAMPLE_PROBLEMS)
    subprocess.run([tool, "-r", "40", "-gray", pdf, tmp_path / "page"], check=True)
    pages = sorted(tmp_path.glob("page-*.pgm"))
    assert len(pages) >= 6
    for page in pages:
        assert _inked_share(page) > 0.001, f"{page.name} looks blank"
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Inhoud" in text and "Pagina 2 van" in text
    assert "Programma 1 Veiligheid en handhaving" in text
    assert "-4.346" in text and "Bedragen x € 1.000" in text
    assert SCRIPT_GOAL in text
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info
    assert "Title:           Gemeente Voorbeeld-aan-Zee: Jaarstukken 2023" in info


def test_default_output_names() -> None:
    src = Path("data/groningen.yaml")
    assert default_output(src, ExportFormat.PDF) == Path("data/groningen.pdf")
    assert default_output(src, ExportFormat.JSON) == Path("data/groningen.opendata.json")
    assert default_output(src, ExportFormat.FDP) == Path("data/groningen-fdp")


def test_pdf_round_trip_through_the_pdf_importer(tmp_path: Path) -> None:
    """Exported PDF -> import_path -> the same programmes and finance amounts."""
    from rekenschap.importers import import_path

    report = rich_report()
    (pdf,) = export(report, ExportFormat.PDF, tmp_path / "r.pdf")
    back, problems = import_path(pdf)
    assert back is not None, [p.format() for p in problems]

    def amounts(r: object) -> list[tuple[str | None, str, list[Decimal | None]]]:
        from rekenschap.model import Report

        assert isinstance(r, Report)
        return [(p.code, row.kind.value, list(row.values.values()))
                for p in r.all_programmes() if p.finance for row in p.finance.rows]

    assert amounts(back) == amounts(report)
    assert back.unit.scale == report.unit.scale == 1000
    assert [(p.code, p.name, p.level) for p in back.all_programmes()] == [
        (p.code, p.name, p.level) for p in report.all_programmes()]
    # The whole round trip (structure, goals, indicators) is tested in tests/roundtrip.


@pytest.mark.corpus
def test_exports_of_a_real_import(tmp_path: Path, wassenaar: tuple[Report, list[Problem]]) -> None:
    """Wassenaar's jaarstukken 2023: the FDP validates, the XLSX holds every finance table."""
    frictionless = pytest.importorskip("frictionless")
    report, _ = wassenaar
    package = export(report, ExportFormat.FDP, tmp_path / "fdp")[0]
    assert frictionless.validate(str(package)).valid
    with (package.parent / "begroting.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    tables = [p for p in report.programmes if p.finance]
    assert len(rows) == len(tables) >= 5
    (xlsx,) = export(report, ExportFormat.XLSX, tmp_path / "w.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    finance_sheets = [ws for ws in wb.worksheets if "Wat heeft het gekost" in ws.title]
    assert len(finance_sheets) == len(tables)
    numbers = [c.value for ws in finance_sheets for row in ws.iter_rows(min_row=4)
               for c in row[1:] if isinstance(c.value, int | float)]
    assert len(numbers) >= 5 * len(tables)

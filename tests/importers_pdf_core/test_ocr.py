"""OCR of image-only pages with Tesseract: known words and amounts come back as lines."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from tests.conftest import corpus_file

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.layout import Page
from rekenschap.importers.pdf.ocr import ocr_pages, parse_tsv

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="needs apt packages tesseract-ocr tesseract-ocr-nld")
AMOUNT = re.compile(r"-?\d{1,3}(?:\.\d{3})+")

TSV = "\n".join([
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
    "5\t1\t1\t1\t1\t1\t300\t400\t90\t40\t96.1\tTotaal",
    "5\t1\t1\t1\t1\t2\t400\t400\t100\t40\t95.0\tbaten",
    "5\t1\t1\t1\t1\t3\t1500\t402\t120\t38\t91.3\t-148",
    "5\t1\t2\t1\t1\t1\t300\t500\t80\t40\t12.0\truis",
    "5\t1\t2\t1\t1\t2\t390\t500\t80\t40\tnot-a-number\tkapot",
])


def test_tsv_words_become_segments_in_points() -> None:
    segments = parse_tsv(TSV, 72 / 300)
    assert [s.text for s in segments] == ["Totaal baten", "-148", "ruis"]
    total = segments[0]
    assert total.x0 == pytest.approx(300 * 72 / 300) and total.x1 == pytest.approx(120)
    assert segments[1].top == pytest.approx(402 * 0.24)
    assert [s.text for s in parse_tsv(TSV, 0.24, min_confidence=50)] == ["Totaal baten", "-148"]


def test_missing_tesseract_is_a_problem_not_a_crash(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("REKENSCHAP_TESSERACT", str(tmp_path / "geen-tesseract"))
    pages, problems = extract_pages(corpus_file("wassenaar", "scan-taakvelden-a.pdf"), ocr=True)
    assert [p.code for p in problems] == ["PDF-NO-TEXT", "PDF-OCR-UNAVAILABLE"]
    assert "tesseract" in problems[1].message
    assert pages[0].lines == () and pages[0].source == "text-layer"


@pytest.fixture(scope="module")
def scan_a() -> Page:
    pages, problems = extract_pages(corpus_file("wassenaar", "scan-taakvelden-a.pdf"), ocr=True)
    assert [p.code for p in problems] == ["PDF-OCR-USED", "PDF-OCR-AMOUNT"]
    # Tesseract reads "-384.447" (5.1 Sportbeleid, Lasten; checked on the page) with a comma; the
    # OCR text pass takes it as the thousands dot and says so.
    assert "'-384,447'" in problems[1].message and "'-384.447'" in problems[1].message
    assert problems[1].location.page == 1
    return pages[0]


@needs_tesseract
@pytest.mark.corpus
def test_ocr_reads_the_taakveld_table_of_scan_a(scan_a: Page) -> None:
    assert scan_a.source == "ocr" and scan_a.quality.usable
    assert (scan_a.width, scan_a.height) == (841.89, 595.28)  # /Rotate 90: shown in landscape
    texts = [line.text for line in scan_a.lines]
    # checked against the rendered page (pdftoppm -r 150): the rows read
    # "1.1 Crisisbeheersing en brandweer 0 -2.207.401 -2.207.401",
    # "0.2 Burgerzaken 406.291 -818.726 -412.435", "0.61 OZB Woningen 7.821.310 -273.005 7.548.305"
    for row in ("1.1 Crisisbeheersing en brandweer 0 -2.207.401 -2.207.401",
                "0.2 Burgerzaken 406.291 -818.726 -412.435",
                "OZB Woningen 7.821.310 -273.005 7.548.305"):
        assert any(row in t for t in texts), row
    assert "Overzicht baten en lasten per" in scan_a.text  # the title, in large print
    assert len(AMOUNT.findall(scan_a.text)) > 100
    for line in scan_a.lines:  # boxes in points, on the page
        assert 0 <= line.x0 < line.x1 <= scan_a.width and 0 <= line.top < line.bottom


@needs_tesseract
@pytest.mark.corpus
@pytest.mark.parametrize(("name", "word", "amount"), [
    ("scan-taakvelden-b.pdf", "Sportaccommodaties", "170.171"),
    ("scan-taakvelden-2020.pdf", "Sportbeleid en activering", "7.359.931"),
])
def test_ocr_reads_known_rows_of_the_other_scans(name: str, word: str, amount: str) -> None:
    pages, _ = extract_pages(corpus_file("wassenaar", name), ocr=True)
    page = pages[0]
    assert page.source == "ocr"
    assert word in page.text and amount in page.text
    assert len(AMOUNT.findall(page.text)) > 50


@needs_tesseract
@pytest.mark.corpus
def test_unmapped_font_pages_are_read_by_ocr_in_parallel() -> None:
    path = corpus_file("wassenaar", "jaarstukken-2019-unmapped-fonts.pdf")
    pages, problems = extract_pages(path, pages=[7, 8], ocr=True)
    assert [p.source for p in pages] == ["ocr", "ocr"]
    assert [(p.code, p.location.page) for p in problems] == [("PDF-OCR-USED", 7),
                                                             ("PDF-OCR-USED", 8)]
    assert "no Unicode mapping" in problems[0].message  # why OCR was needed
    # page 7 holds only the auditor's statement (rendered page checked by eye)
    assert pages[0].lines[0].text == "De controleverklaring"
    assert "accountantscontrole" in pages[0].text


@needs_tesseract
@pytest.mark.corpus
def test_ocr_boxes_and_sizes_match_the_text_layer_of_the_same_page() -> None:
    """OCR a page that also has a good text layer: the same lines at the same places."""
    path = corpus_file("wassenaar", "jaarstukken-2023.pdf")
    (layer,), _ = extract_pages(path, pages=[22])
    doc = pdfium.PdfDocument(str(path))
    ocr, problems = ocr_pages(doc, [21], str(path))[21]
    assert ocr is not None and problems == []
    by_text = {line.text: line for line in layer.lines}
    matched = [(line, by_text[line.text]) for line in ocr.lines if line.text in by_text]
    assert len(matched) >= 10
    for read, real in matched:
        assert read.x0 == pytest.approx(real.x0, abs=2)
        assert read.top == pytest.approx(real.top, abs=3)
    # an OCR size is a word's box height: close to the font size for most words (a word
    # without ascenders or descenders is smaller), so compare the typical ratio
    ratios = sorted(max(s.size for s in read.segments) / real.segments[0].size
                    for read, real in matched)
    assert 0.9 <= ratios[len(ratios) // 2] <= 1.05

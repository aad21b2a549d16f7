"""Extraction on PDFs generated with reportlab: text, positions, rectangles, page selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.importers_pdf_core.pdfgen import blank_pdf, finance_pdf, rotated_pdf, scaled_text_pdf

from rekenschap.importers.pdf.extract import extract_pages


@pytest.fixture
def finance(tmp_path: Path) -> Path:
    return finance_pdf(tmp_path / "finance.pdf", pages=3)


def test_lines_text_and_geometry(finance: Path) -> None:
    pages, problems = extract_pages(finance)
    assert problems == []
    assert [p.number for p in pages] == [1, 2, 3]
    page = pages[0]
    assert (page.width, page.height) == (595.28, 841.89)
    assert page.source == "text-layer" and page.quality.status == "ok"
    texts = [line.text for line in page.lines]
    assert texts == [
        "Wat heeft het gekost?",
        "Wat wilden we bereiken? Wat hebben we gedaan?",
        "Totaal baten -148 2.631",
        "Pagina 1",
    ]
    heading = page.lines[0]
    # drawn at baseline HEIGHT-100 bottom-up = 100 top-down, 16 pt: the box sits above it
    assert heading.x0 == pytest.approx(72, abs=1.5)
    assert 100 - 16 < heading.top < 100 - 8
    assert heading.bottom == pytest.approx(100, abs=5)
    assert heading.segments[0].size == pytest.approx(16, abs=0.1)
    assert page.text.splitlines() == texts


def test_two_columns_stay_separate_segments(finance: Path) -> None:
    line = extract_pages(finance, pages=[1])[0][0].lines[1]
    assert [s.text for s in line.segments] == ["Wat wilden we bereiken?", "Wat hebben we gedaan?"]
    assert line.segments[1].x0 == pytest.approx(320, abs=1.5)


def test_right_aligned_negative_amount_is_one_segment(finance: Path) -> None:
    line = extract_pages(finance, pages=[1])[0][0].lines[2]
    amounts = [s for s in line.segments if s.text[-1].isdigit()]
    assert [s.text for s in amounts] == ["-148", "2.631"]
    assert amounts[0].x1 == pytest.approx(400, abs=1.5)


def test_filled_rectangle_and_ruling_line(finance: Path) -> None:
    page = extract_pages(finance, pages=[1])[0][0]
    bars = [r for r in page.rects if r.height > 10]
    assert len(bars) == 1
    bar = bars[0]
    assert bar.fill == "#d1e087"
    assert (bar.x0, bar.x1) == pytest.approx((72, 472), abs=0.5)
    assert bar.top == pytest.approx(130, abs=0.5) and bar.bottom == pytest.approx(150, abs=0.5)
    rules = [r for r in page.rects if r.height < 3 and r.width > 300]
    assert len(rules) == 1 and rules[0].top == pytest.approx(235, abs=1)


def test_page_selection_and_out_of_range_pages(finance: Path) -> None:
    pages, problems = extract_pages(finance, pages=[3, 9])
    assert [p.number for p in pages] == [3]
    assert pages[0].lines[-1].text == "Pagina 3"
    assert [p.code for p in problems] == ["IMPORT-NO-SUCH-PAGE"]
    assert "9" in problems[0].message


def test_blank_page_is_ok_and_empty(tmp_path: Path) -> None:
    pages, problems = extract_pages(blank_pdf(tmp_path / "blank.pdf"))
    assert problems == []
    assert pages[0].lines == () and pages[0].quality.reason == "blank page"


def test_rotated_page_gets_displayed_coordinates(tmp_path: Path) -> None:
    page = extract_pages(rotated_pdf(tmp_path / "gedraaid.pdf"))[0][0]
    # reportlab writes a landscape MediaBox with /Rotate 90: displayed, it is portrait A4
    assert (page.width, page.height) == (595.28, 841.89)
    assert [line.text for line in page.lines] == ["Gedraaide pagina"]
    line = page.lines[0]
    assert line.x0 == pytest.approx(72, abs=1.5) and line.x1 > line.x0 + 60
    assert 88 < line.top < 93 and line.bottom == pytest.approx(100, abs=3)
    (rect,) = page.rects
    assert (rect.x0, rect.top, rect.x1, rect.bottom) == pytest.approx((300, 200, 400, 220))
    assert rect.fill == "#0000ff"


def test_font_size_includes_the_drawing_scale(tmp_path: Path) -> None:
    page = extract_pages(scaled_text_pdf(tmp_path / "schaal.pdf"))[0][0]
    sizes = {seg.text: seg.size for line in page.lines for seg in line.segments}
    assert sizes == {"Groot kopje": pytest.approx(16), "klein": pytest.approx(8)}

"""The real corpus: every PDF extracts without a crash; bad text layers are caught, good kept.

Image-only pages found in the text-layer documents were checked by hand (``pdfimages -list``
shows one raster image per page, ``pdftotext`` returns nothing): jaarstukken-2023 pages
173-181 are pasted pictures of a spreadsheet table; the covers of begroting-2026 and
begroting-2021-2024 are pictures with the title in them. Reporting them is correct.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from tests.conftest import CORPUS, corpus_file

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.runs import clean_text, locate_runs

pytestmark = pytest.mark.corpus

IMAGE_ONLY_PAGES = {
    "jaarstukken-2023.pdf": set(range(173, 182)),
    "begroting-2024.pdf": set(),
    "begroting-2025.pdf": set(),
    "begroting-2026.pdf": {1},
    "begroting-2021-2024.pdf": {1},
}


def _all_pdfs() -> list[str]:
    folder = CORPUS / "wassenaar"
    return sorted(p.name for p in folder.glob("*.pdf")) if folder.exists() else ["absent.pdf"]


@pytest.mark.parametrize("name", _all_pdfs())
def test_every_corpus_pdf_extracts_without_a_crash(name: str) -> None:
    path = corpus_file("wassenaar", name)
    pages, problems = extract_pages(path)
    assert len(pages) == len(pdfium.PdfDocument(str(path)))
    assert not [p for p in problems if p.severity.value == "error"]
    for page in pages:
        if not page.quality.usable:
            assert page.lines == () and page.text == ""
        for line in page.lines:
            assert line.text.isprintable() and line.segments
            # text may run past the right edge (dot leaders in a table of contents do)
            assert 0 <= line.x0 <= line.x1 and line.x0 < page.width
            assert 0 <= line.top <= line.bottom <= page.height + 1


@pytest.mark.parametrize("name", sorted(IMAGE_ONLY_PAGES))
def test_text_layer_documents_have_no_false_positives(name: str) -> None:
    pages, problems = extract_pages(corpus_file("wassenaar", name))
    flagged = {p.number for p in pages if not p.quality.usable}
    assert flagged == IMAGE_ONLY_PAGES[name]
    assert {p.location.page for p in problems} == flagged
    assert {p.code for p in problems} <= {"PDF-NO-TEXT"}


def test_unmapped_fonts_are_detected_on_every_page_and_never_passed_on() -> None:
    path = corpus_file("wassenaar", "jaarstukken-2019-unmapped-fonts.pdf")
    pages, problems = extract_pages(path)
    assert len(pages) == 203
    # pdfium flags 67-100 % of the characters of every page as lacking a Unicode mapping
    assert all(p.quality.status == "unmapped-fonts" for p in pages)
    assert all(p.lines == () and p.text == "" for p in pages)
    assert [p.code for p in problems] == ["PDF-UNMAPPED-FONT"] * 203
    assert [p.location.page for p in problems] == list(range(1, 204))
    assert all(p.location.file == str(path) for p in problems)


def test_scans_are_reported_without_ocr() -> None:
    for name in ("scan-taakvelden-a.pdf", "scan-taakvelden-b.pdf", "scan-taakvelden-2020.pdf"):
        pages, problems = extract_pages(corpus_file("wassenaar", name))
        assert pages[0].quality.status == "no-text" and pages[0].lines == ()
        assert [(p.code, p.location.page) for p in problems] == [("PDF-NO-TEXT", 1)]


def test_known_finance_table_page_of_jaarstukken_2023() -> None:
    page = extract_pages(corpus_file("wassenaar", "jaarstukken-2023.pdf"), pages=[23])[0][0]
    texts = [line.text for line in page.lines]
    assert "Totaal baten 1.101 2.631 2.483 -148" in texts
    assert "Programma resultaat -3.245 -3.966 -4.145 -179" in texts
    assert "bedragen x € 1.000,- (\"-\" = nadeel / \"+\" = voordeel) 2023 2023 2023 2023" in texts
    row = next(ln for ln in page.lines if ln.text.startswith("Totaal lasten"))
    assert [s.text for s in row.segments][-4:] == ["-4.346", "-6.875", "-6.628", "247"]
    xs = [s.x1 for s in row.segments[-4:]]
    assert xs == sorted(xs)  # right-aligned columns, left to right
    assert len([r for r in page.rects if r.height < 2 and r.width > 50]) > 5  # table rules


def _letters(text: str) -> str:
    # pdfium's plain text joins a word hyphenated over two lines; our lines keep the break
    return "".join(sorted(c for c in text if not c.isspace() and c not in "-\x02\ufffe"))


@pytest.mark.parametrize("name", sorted(IMAGE_ONLY_PAGES))
def test_segments_agree_with_pdfium_plain_text(name: str) -> None:
    """The characters of pdfium's plain text of each page are exactly those of our lines."""
    path = corpus_file("wassenaar", name)
    doc = pdfium.PdfDocument(str(path))
    pages, _ = extract_pages(path)
    for page in pages:
        plain = clean_text(doc[page.number - 1].get_textpage().get_text_range())
        assert _letters(plain) == _letters(page.text), f"page {page.number}"


def _reference_run_starts(textpage: object, length: int) -> list[int]:
    """Exact but slow: pdfium's rectangles are runs of consecutive, non-generated characters
    with a box, of one text object; the first index of each such run."""
    box = [ctypes.c_double() for _ in range(4)]
    starts: list[int] = []
    previous = None
    for i in range(length):
        if raw.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        raw.FPDFText_GetCharBox(textpage, i, *box)
        if box[1].value - box[0].value < 0.01 or box[3].value - box[2].value < 0.01:
            continue
        obj = ctypes.cast(raw.FPDFText_GetTextObject(textpage, i), ctypes.c_void_p).value
        if obj != previous:
            starts.append(i)
            previous = obj
    return starts


@pytest.mark.parametrize("name", sorted(IMAGE_ONLY_PAGES))
def test_fast_run_starts_equal_the_exact_ones(name: str) -> None:
    """The one-lookup-per-rectangle starts agree with a character-by-character walk (every
    7th page); at most a leading space of a run may be skipped."""
    doc = pdfium.PdfDocument(str(corpus_file("wassenaar", name)))
    checked = 0
    for index in range(0, len(doc), 7):
        textpage = doc[index].get_textpage()
        text = textpage.get_text_range()
        reference = _reference_run_starts(textpage.raw, len(text))
        fast = locate_runs(textpage.raw, text)[1]
        assert len(fast) == len(reference), f"page {index + 1}"
        for ours, exact in zip(fast, reference, strict=True):
            assert ours == exact or (ours > exact and not text[exact:ours].strip()), (
                f"page {index + 1}: run at {exact} {text[exact:exact + 12]!r}, ours at {ours}")
        checked += len(fast)
    assert checked > 500

"""OCR corrections (ocr_text) and decoration removal rules (ocr_image): no tesseract needed."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from tests.conftest import corpus_file

from rekenschap.importers.pdf.layout import Frame, group_lines
from rekenschap.importers.pdf.layout import Segment as Seg
from rekenschap.importers.pdf.ocr_image import glyph_sizes, is_decoration, strip_decoration
from rekenschap.importers.pdf.ocr_text import (
    fix_amount,
    fix_programme_code,
    fix_sign_quotes,
    full_height,
    normalise_lines,
)
from rekenschap.model import Severity

UNMAPPED = ("wassenaar", "jaarstukken-2019-unmapped-fonts.pdf")


def test_programme_code_letters_read_as_digits() -> None:
    assert fix_programme_code("PO Bestuur en ondersteuning") == "P0 Bestuur en ondersteuning"
    assert fix_programme_code("Pl Veiligheid") == "P1 Veiligheid"
    assert fix_programme_code("P1O Sociaal domein") == "P10 Sociaal domein"
    assert fix_programme_code("P3 Wonen") is None  # already right
    assert fix_programme_code("POlitie en handhaving") is None  # a word, not a code
    assert fix_programme_code("PO box") is None  # lower-case word after it: not a heading


def test_amount_letters_read_as_digits_only_in_amount_shapes() -> None:
    assert fix_amount("1.O50") == "1.050"
    assert fix_amount("-l.234") == "-1.234"
    assert fix_amount("(2.5l7)") == "(2.517)"
    assert fix_amount("27.67O") == "27.670"
    for untouched in ("1.050", "-42", "lol", "O", "Il", "Ol.abc", "1.O5", "Baten", "O0", "0l"):
        assert fix_amount(untouched) is None, untouched


def test_asterisks_read_for_sign_quotes() -> None:
    note = 'bedragen x € 1.000,- (*-" = nadeel / "+* = voordeel)'
    assert fix_sign_quotes(note) == 'bedragen x € 1.000,- ("-" = nadeel / "+" = voordeel)'
    assert fix_sign_quotes('("-" = nadeel)') is None
    assert fix_sign_quotes("zie noot * - 3 = x") is None


def test_corrections_are_reported_with_page_and_line() -> None:
    lines = group_lines([
        Seg("PO Bestuur en ondersteuning", 72, 80, 250, 92, 11.5),
        Seg("Baten", 280, 100, 300, 106, 6.0), Seg("1.O50", 320, 100, 340, 106, 6.0),
        Seg("-42", 360, 100, 380, 106, 6.0),
    ])
    fixed, problems = normalise_lines(lines, file="x.pdf", page=36)
    assert [ln.text for ln in fixed] == ["P0 Bestuur en ondersteuning", "Baten 1.050 -42"]
    assert [s.text for s in fixed[1].segments] == ["Baten", "1.050", "-42"]
    assert [(p.code, p.severity, p.location.page, p.location.line) for p in problems] == [
        ("PDF-OCR-CODE", Severity.NOTICE, 36, 1), ("PDF-OCR-AMOUNT", Severity.WARNING, 36, 2)]
    assert "'1.O50'" in problems[1].message and "'1.050'" in problems[1].message
    assert [s.size for s in fixed[1].segments] == [7.5, 7.5, 7.5]  # 6 pt boxes, no descender
    clean, none = normalise_lines(fixed, file="x.pdf", page=36)
    assert [ln.text for ln in clean] == [ln.text for ln in fixed] and none == []


def test_sizes_compare_fonts_not_letters() -> None:
    """p45 "P2 Verkeer en vervoer" (9.4 pt box) and p23 "P0 Bestuur en ondersteuning"
    (11.5 pt box) are both headings in one font size; body text measures 8.6-8.9 pt."""
    heading, other, body = (full_height(t, h) for t, h in (
        ("P2 Verkeer en vervoer", 9.4), ("P0 Bestuur en ondersteuning", 11.5),
        ("Bestuur van hoge kwaliteit en deskundigheid,", 8.9)))
    assert abs(heading - other) < 0.5 and heading > body + 2
    assert full_height("een", 5.8) == 10.0 and full_height("...", 1.0) == 1.0


def test_decoration_rules_keep_glyph_shapes() -> None:
    assert is_decoration(400, 0.5, curved=False)  # table rule
    assert is_decoration(520, 16, curved=False)  # heading bar / shaded row
    assert not is_decoration(1.5, 9, curved=False)  # an outlined "l"
    assert not is_decoration(6, 1.2, curved=False)  # an outlined "-"
    assert not is_decoration(520, 16, curved=True)  # curves: may be outlined text
    assert not is_decoration(14, 14, curved=False)  # small box (check box, "■")


def test_strip_decoration_removes_rules_and_keeps_every_text_object() -> None:
    doc = pdfium.PdfDocument(corpus_file(*UNMAPPED))
    try:
        page = doc[35]  # page 36: the end of P0's finance table, fully ruled and shaded
        kinds = [o.type for o in page.get_objects(max_depth=0)]
        removed = strip_decoration(page)
        after = [o.type for o in page.get_objects(max_depth=0)]
        text = pdfium_c.FPDF_PAGEOBJ_TEXT
        assert removed > 100
        assert after.count(text) == kinds.count(text) > 0
        assert len(after) == len(kinds) - removed
        page.close()
        again = doc[35]  # loaded afresh from the file: nothing was changed there
        assert len(list(again.get_objects(max_depth=0))) == len(kinds)
        again.close()
    finally:
        doc.close()


def test_printed_sizes_come_from_the_unmapped_text_layer() -> None:
    """p23: heading "P0 Bestuur en ondersteuning" in 12 pt, its bar heading 10 pt, body 9 pt
    (pdfium font sizes); OCR boxes placed where Tesseract puts those lines get those sizes."""
    doc = pdfium.PdfDocument(corpus_file(*UNMAPPED))
    try:
        page = doc[22]
        glyphs = glyph_sizes(page, Frame(page.get_cropbox(), page.get_rotation()))
        page.close()
    finally:
        doc.close()
    assert len(glyphs) > 1000
    lines = group_lines([
        Seg("PO Bestuur en ondersteuning", 72.0, 80.6, 240.0, 92.1, 11.5),
        Seg('Doelstelling: "Wat wilden we bereiken ?"', 77.5, 132.5, 300.0, 142.3, 9.8),
        Seg("Een zuinig, efficiënt en doelmatig bestuur;", 71.8, 293.3, 280.0, 302.2, 8.9),
        Seg("ruis", 400.0, 10.0, 420.0, 16.0, 6.0),  # nothing printed there: estimated
    ])
    fixed, _ = normalise_lines(lines, file="x.pdf", page=23, glyphs=glyphs)
    assert [ln.segments[0].size for ln in fixed] == [7.5, 12.0, 10.0, 9.0]  # ruis: 6 / 0.8


def test_comma_for_thousands_dot_only_among_whole_amounts() -> None:
    """p48: "Totaal lasten -4,179 -4.750 -4.537 213" (the page prints -4.179)."""
    row = group_lines([Seg("Totaal lasten", 79, 678, 120, 684, 6.2),
                       Seg("-4,179", 300, 678, 320, 684, 6.0),
                       Seg("-4.750", 360, 678, 380, 684, 6.0),
                       Seg("-4.537", 420, 678, 440, 684, 6.0), Seg("213", 480, 678, 500, 684, 6.0)])
    fixed, problems = normalise_lines(row, file="x.pdf", page=48)
    assert fixed[0].text == "Totaal lasten -4.179 -4.750 -4.537 213"
    assert [(p.code, p.location.page) for p in problems] == [("PDF-OCR-AMOUNT", 48)]
    prose = group_lines([Seg("Score 7,125 tegen 6,5 en 7", 79, 100, 300, 108, 9.0)])
    assert normalise_lines(prose, file="x.pdf", page=1)[0][0].text == "Score 7,125 tegen 6,5 en 7"
    alone = group_lines([Seg("gemiddeld 4,179", 79, 100, 300, 108, 9.0)])
    assert normalise_lines(alone, file="x.pdf", page=1)[0][0].text == "gemiddeld 4,179"

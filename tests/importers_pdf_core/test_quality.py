"""Text-quality verdicts on typical page texts."""

from __future__ import annotations

from rekenschap.importers.pdf.quality import assess, bad_char_share, common_word_share

DUTCH = (
    "De geraamde lasten in verband met de opvang van Oekraïense ontheemden bedroegen "
    "€ 2.778.000. De werkelijke lasten bedroegen € 2.389.000. Dit is een voordeel van "
    "€ 389.000. De uitgaven zijn lager dan begroot omdat in 2023 minder personen zijn "
    "opgevangen dan aanvankelijk voorzien. Wat heeft het gekost voor de gemeente?"
)


def test_clean_dutch_text_is_ok() -> None:
    verdict = assess(DUTCH)
    assert verdict.status == "ok" and verdict.score > 0.6


def test_glyph_ids_as_control_characters_are_unmapped_fonts() -> None:
    garbage = "\x01\x04\x05\x06 \x07\x06\x08\t\n\n\x04\x05 \x0b\x0c\r\x0e" * 20
    assert bad_char_share(garbage) > 0.8
    verdict = assess(garbage)
    assert verdict.status == "unmapped-fonts"
    assert "Unicode" in verdict.reason


def test_pdfium_unmapped_flag_decides_even_when_characters_look_printable() -> None:
    assert assess("!\"#$%&'()*+,-./" * 10, unmapped_share=0.9).status == "unmapped-fonts"


def test_letters_without_any_common_word_are_garbled() -> None:
    shifted = " ".join(["Ef", "hfsbbnef", "mbtufo", "cfespfhfo", "xbsfo", "ijfs"] * 8)
    share, count = common_word_share(shifted)
    assert share == 0 and count == 48
    assert assess(shifted).status == "garbled"


def test_short_tables_of_numbers_are_not_garbled() -> None:
    table = "Totaal baten 1.101 2.631 2.483 -148\nTotaal lasten -4.346 -6.875 -6.628 247"
    assert assess(table).status == "ok"


def test_no_text_with_a_page_sized_image_is_a_scan_and_without_image_a_blank_page() -> None:
    assert assess("  \r\n", image_cover=0.95).status == "no-text"
    blank = assess("", image_cover=0.0)
    assert blank.status == "ok" and blank.reason == "blank page"

"""The English print read like the Dutch one (importers/pdf/english.py), rule by rule."""

from __future__ import annotations

from tests.roundtrip.lines import line

from rekenschap.importers.pdf.english import dutch_text, is_english_print, to_dutch


def test_numbers_alone_and_grouped_get_dutch_separators() -> None:
    assert dutch_text("-4,346") == "-4.346"
    assert dutch_text("7,350.5") == "7.350,5"
    assert dutch_text("3.6") == "3,6"
    assert dutch_text("39.1%") == "39,1%"
    assert dutch_text("2023") == "2023"
    assert dutch_text("Amounts in € 1,000") == "Bedragen x € 1.000"
    assert dutch_text("Target: 12,418, 2023.") == "Streefwaarde: 12.418, 2023."
    assert dutch_text("Baseline year: 2021. Target: 6.0, 2023.") == (
        "Peiljaar: 2021. Streefwaarde: 6,0, 2023.")


def test_codes_dates_and_document_text_are_left_alone() -> None:
    assert dutch_text("1.1 Crisisbeheersing en brandweer") == "1.1 Crisisbeheersing en brandweer"
    assert dutch_text("peildatum 2024-03-01") == "peildatum 2024-03-01"
    assert dutch_text("Hogere kosten voor de opvang dan geraamd.") == (
        "Hogere kosten voor de opvang dan geraamd.")
    assert dutch_text("Een programme over income") == "Een programme over income"


def test_headings_statuses_and_variance_notes() -> None:
    assert dutch_text("Programme 1 Veiligheid") == "Programma 1 Veiligheid"
    assert dutch_text("Sub-programme 1.1 Brandweer") == "Deelprogramma 1.1 Brandweer"
    assert dutch_text("What did it cost?") == "Wat heeft het gekost?"
    assert dutch_text("[In progress] Buurtpreventie") == "[Loopt] Buurtpreventie"
    assert dutch_text("a. Leges (income, structural, net favourable € 86,000).") == (
        "a. Leges (baten, structureel, per saldo voordelig € 86.000).")
    # a note that wraps: "(expenditure, net" / "unfavourable € 52,000)."
    assert dutch_text("p. Wmo (expenditure, net") == "p. Wmo (lasten, per saldo"
    assert dutch_text("unfavourable € 52,000).", note=True) == "nadelig € 52.000)."


def test_numbers_in_the_documents_own_text_are_left_alone() -> None:
    """Only the print's own numbers are English: running text keeps its Dutch "0,125"."""
    for text in ("De norm daalt naar 0,125 fte per 1.250 inwoners.", "0,125", "1.250"):
        assert dutch_text(text, cell=False) == text
    assert dutch_text("Leges € 81,000 hoger", cell=False) == "Leges € 81,000 hoger"
    # the print's own lines with an amount, in running text too
    assert dutch_text("Variances from € 50,000 are explained.", cell=False) == (
        "Verschillen vanaf € 50.000 worden toegelicht.")
    assert dutch_text("a. Leges 1.250 (income, net favourable € 86,000).", cell=False) == (
        "a. Leges 1.250 (baten, per saldo voordelig € 86.000).")
    # outside an open note, a ")" does not make the amount before it the print's
    assert dutch_text("unfavourable € 52,000).", cell=False) == "unfavourable € 52,000)."


def test_a_wrapped_variance_note_is_followed_to_the_next_line() -> None:
    lines = [line(1, 100, ("p. Wmo 0,125 (expenditure, net", 50, 250)),
             line(2, 112, ("unfavourable € 52,000).", 50, 160)),
             line(3, 124, ("Uitleg met 0,125 en (zie 1,250).", 50, 200)),
             line(4, 136, ("q. Een titel die over twee regels", 50, 250)),
             line(5, 148, ("loopt (income, one-off, net favourable € 1,250).", 50, 250)),
             line(6, 160, ("Uitleg (zie 1,250).", 50, 200))]
    assert [fl.text for fl in to_dutch(lines)] == [
        "p. Wmo 0,125 (lasten, per saldo", "nadelig € 52.000).",
        "Uitleg met 0,125 en (zie 1,250).", "q. Een titel die over twee regels",
        "loopt (baten, incidenteel, per saldo voordelig € 1.250).", "Uitleg (zie 1,250)."]


def test_only_a_print_that_says_published_by_is_english() -> None:
    english = [line(1, 100, ("Published by: Gemeente Groningen", 50, 250), page=1),
               line(1, 800, ("Page 2 of 9", 480, 540), page=2),
               line(2, 120, ("Lasten", 50, 80), ("-4,346", 300, 330), page=2),
               line(3, 140, ("1.250", 50, 80), page=2)]
    assert is_english_print(english)
    # the colophon reads both languages; the page number is page furniture
    # a number alone on a line of its own is running text (a wrapped sentence's end)
    assert [fl.text for fl in to_dutch(english)] == ["Published by: Gemeente Groningen",
                                                     "Lasten  -4.346", "1.250"]
    dutch = [line(1, 100, ("Uitgave: Gemeente Groningen", 50, 250), page=1)]
    assert not is_english_print(dutch)

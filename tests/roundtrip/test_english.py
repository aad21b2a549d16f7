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
    assert dutch_text("unfavourable € 52,000).") == "nadelig € 52.000)."


def test_only_a_print_that_says_published_by_is_english() -> None:
    english = [line(1, 100, ("Published by: Gemeente Groningen", 50, 250), page=1),
               line(1, 800, ("Page 2 of 9", 480, 540), page=2),
               line(2, 120, ("-4,346", 300, 330), page=2)]
    assert is_english_print(english)
    # the colophon reads both languages; the page number is page furniture
    assert [fl.text for fl in to_dutch(english)] == ["Published by: Gemeente Groningen",
                                                     "-4.346"]
    dutch = [line(1, 100, ("Uitgave: Gemeente Groningen", 50, 250), page=1)]
    assert not is_english_print(dutch)

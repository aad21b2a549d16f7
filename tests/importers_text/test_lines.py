"""Line handling: numbering, pages, page furniture, bullets, joining with dehyphenation."""

from __future__ import annotations

import pytest

from rekenschap.importers.textdump_lines import (
    bullet_text,
    find_furniture,
    is_bullet,
    join_lines,
    split_lines,
    split_mid_bullet,
)


@pytest.mark.parametrize(("parts", "joined"), [
    (["contact met huisartsen-", "praktijken"], "contact met huisartsenpraktijken"),
    (["Meer aansluiting tussen veiligheid- ", "en zorgprofessionals"],
     "Meer aansluiting tussen veiligheid- en zorgprofessionals"),
    (["tussen veiligheid-", "en zorgprofessionals"], "tussen veiligheid- en zorgprofessionals"),
    (["aanbevelingen van het RK-", "rapport"], "aanbevelingen van het RK-rapport"),
    (["gemeenten in Noord-", "Nederland"], "gemeenten in Noord-Nederland"),
    (["Integraal programma-", "aanpak"], "Integraal programma-aanpak"),  # vowel clash keeps it
    (["politie-", "agent"], "politieagent"),  # "ea" is no clash
    (["Regionale aanpak van ondermijning  is doorontwikkeld en ", "geformaliseerd"],
     "Regionale aanpak van ondermijning is doorontwikkeld en geformaliseerd"),
    (["scooter- en carmeeting"], "scooter- en carmeeting"),
    ([], ""),
    (["", "tekst", ""], "tekst"),
])
def test_join_lines(parts: list[str], joined: str) -> None:
    assert join_lines(parts) == joined


def test_split_lines_numbers_and_cleans() -> None:
    lines = split_lines("\nEen\u00a0 twee\t drie \r\n\n  vier\u200b ")
    assert [(ln.number, ln.text) for ln in lines] == [
        (1, ""), (2, "Een twee drie"), (3, ""), (4, "vier")]
    assert all(ln.page is None for ln in lines)
    assert lines[0].blank and not lines[1].blank


def test_form_feeds_make_pages() -> None:
    lines = split_lines("a\nb\fc\nd\f\fe")
    assert [(ln.number, ln.page, ln.text) for ln in lines] == [
        (1, 1, "a"), (2, 1, "b"), (2, 2, "c"), (3, 2, "d"), (3, 4, "e")]


def test_furniture_page_numbers_and_running_footers() -> None:
    text = "\n".join([
        "Programma 1 Veiligheid", "tekst", "", "12", "",
        "Jaarstukken 2024 gemeente Groningen 45",
        "Pagina 3 van 40",
        "- 7 -",
        "Lasten 42.668 44.622", "Baten 5.447 6.506",
    ])
    lines = split_lines(text)
    found = {lines[i].text for i in find_furniture(lines)}
    assert found == {"12", "Jaarstukken 2024 gemeente Groningen 45", "Pagina 3 van 40", "- 7 -"}


def test_a_lone_number_inside_a_table_is_not_a_page_number() -> None:
    lines = split_lines("Lasten\n42\n45\n")
    assert find_furniture(lines) == set()


def test_repeated_footer_over_pages() -> None:
    words = ["Wonen", "Werken", "Leren", "Sporten"]
    pages = [f"{w} in 2024\nGemeente Voorbeeld | Begroting\n{i + 1}" for i, w in enumerate(words)]
    lines = split_lines("\f".join(pages))
    found = {lines[i].text for i in find_furniture(lines)}
    assert found == {"Gemeente Voorbeeld | Begroting", "1", "2", "3", "4"}


@pytest.mark.parametrize(("line", "bullet", "text"), [
    ("• Gestart met voicemailservice", True, "Gestart met voicemailservice"),
    ("- streepje", True, "streepje"),
    ("\uf0b7 symbool-bullet", True, "symbool-bullet"),
    ("-4.346", False, "-4.346"),
    ("Geen bullet", False, "Geen bullet"),
])
def test_bullets(line: str, bullet: bool, text: str) -> None:
    assert is_bullet(line) is bullet
    assert bullet_text(line) == text


def test_mid_line_bullet_splits_goal_and_activity() -> None:
    assert split_mid_bullet("Minder overlast en criminaliteit • In verschillende wijken") == (
        "Minder overlast en criminaliteit", "In verschillende wijken")
    assert split_mid_bullet("• Alleen een bullet") is None
    assert split_mid_bullet("Geen bullet hier") is None


def test_headings_repeated_at_page_tops_are_not_furniture() -> None:
    pages = [f"Wat mag het kosten?\nLasten {i} 2 3\nGemeente Voorbeeld\n{i + 1}" for i in range(4)]
    lines = split_lines("\f".join(pages))
    found = {lines[i].text for i in find_furniture(lines)}
    assert found == {"Gemeente Voorbeeld", "1", "2", "3", "4"}

"""Rules found on the 2019 annual report, on small hand-made pages.

A programme's "Beleidsindicatoren" printed larger than its own section headings (11 pt against
10 pt) stays inside the programme when the programme's sections go on after it; a chapter of
indicators with no programme section after it still ends the programme. "Begroting 2019
actueel" is the budget after amendments.
"""

from __future__ import annotations

import pytest
from tests.importers_pdf.pages import make_page

from rekenschap.importers.pdf.columns import ColumnContext, map_column
from rekenschap.importers.pdf.flow import build_flow
from rekenschap.importers.pdf.layout import Page
from rekenschap.importers.pdf.programmes import split_chapters
from rekenschap.model import ColumnKind, DocumentKind

Row = tuple[float, list[tuple[str, float]]] | tuple[float, list[tuple[str, float]], float]
JS = ColumnContext(kind=DocumentKind.JAARSTUKKEN, year=2019)
BODY: list[Row] = [(120.0 + 16 * i, [(f"Tekst over het programma, regel {i}.", 72.0)])
                   for i in range(8)]


def _programme(number: int, code: str, name: str) -> Page:
    return make_page(number, [(80.0, [(f"{code} {name}", 72.0)], 12.0),
                              (100.0, [('Doelstelling: "Wat wilden we bereiken?"', 72.0)], 10.0),
                              *BODY])


def _indicators(number: int, after: list[Row]) -> Page:
    return make_page(number, [(80.0, [("Beleidsindicatoren", 72.0)], 11.0),
                              (100.0, [("Nr. Beleidsindicator Eenheid Bron Realisatie", 72.0)]),
                              (116.0, [("06 Verwijzingen Halt Aantal per 10.000 jongeren", 72.0)]),
                              *after])


def _chapters(pages: list[Page]) -> list[tuple[str, list[int]]]:
    return [(c.heading.code, sorted({fl.page for fl in c.lines}))
            for c in split_chapters(build_flow(pages))]


def test_indicators_larger_than_sections_stay_when_the_cost_section_follows() -> None:
    pages = [_programme(1, "P1", "Veiligheid"),
             _indicators(2, [(300.0, [("Wat heeft het gekost", 72.0)]),
                             (320.0, [("P1 Veiligheid Begroting Rekening Verschil", 72.0)], 8.0)]),
             _programme(3, "P2", "Verkeer en vervoer")]
    assert _chapters(pages) == [("P1", [1, 2]), ("P2", [3])]


def test_indicators_stay_when_activities_follow_on_the_next_page() -> None:
    pages = [_programme(1, "P6", "Sociaal domein"),
             _indicators(2, []),
             make_page(3, [(80.0, [("Taakveld: 6.6 Maatwerkvoorzieningen (WMO)", 72.0)], 11.0),
                           (100.0, [("Wat waren we van plan ?", 72.0),
                                    ("Wat hebben we daarvoor gedaan ?", 300.0)]), *BODY]),
             _programme(4, "P7", "Volksgezondheid")]
    assert _chapters(pages) == [("P6", [1, 2, 3]), ("P7", [4])]


def test_a_chapter_of_indicators_without_programme_sections_ends_the_programme() -> None:
    pages = [_programme(1, "P1", "Veiligheid"),
             _programme(2, "P2", "Verkeer en vervoer"),
             _indicators(3, [(300.0, [("Het overzicht hierboven geldt voor alle programma's.",
                                       72.0)])]),
             make_page(4, [(80.0, [("Nr. Beleidsindicator Eenheid Bron Realisatie", 72.0)]),
                           *BODY])]
    assert _chapters(pages) == [("P1", [1]), ("P2", [2])]


def test_a_question_two_pages_later_does_not_keep_the_indicators() -> None:
    pages = [_programme(1, "P1", "Veiligheid"), _indicators(2, []),
             make_page(3, BODY),
             make_page(4, [(80.0, [("Wat heeft het gekost", 72.0)]), *BODY])]
    assert _chapters(pages) == [("P1", [1])]


@pytest.mark.parametrize("label", ["Begroting 2019 actueel", "Actuele begroting 2019",
                                   "Begroting 2019 na wijziging"])
def test_actueel_is_the_amended_budget(label: str) -> None:
    column, problem = map_column(label, 1, JS, taken=set())
    assert problem is None
    assert (column.kind, column.year, column.key) == (
        ColumnKind.AMENDED_BUDGET, 2019, "amended_budget_2019")


def test_actueel_of_an_earlier_year_is_a_prior_budget() -> None:
    column, problem = map_column("Begroting 2018 actueel", 1, JS, taken=set())
    assert problem is None and column.kind is ColumnKind.PRIOR_BUDGET


def test_a_difference_against_the_actual_budget_stays_a_difference() -> None:
    column, _ = map_column("Verschil 2019 Begr. actueel / rekening", 3, JS, taken=set())
    assert column.kind is ColumnKind.DIFFERENCE

"""Colophon (publisher, CBS code) and the recapitulatie without a saldo column, from hand-made
lines (tests/roundtrip/lines.py)."""

from __future__ import annotations

from decimal import Decimal

from tests.roundtrip.lines import line

from rekenschap.importers.pdf.colophon import read_colophon
from rekenschap.importers.pdf.columns import ColumnContext
from rekenschap.importers.pdf.overview import find_overview
from rekenschap.model import DocumentKind, RowKind

CTX = ColumnContext(kind=DocumentKind.JAARSTUKKEN, year=2023)


def test_colophon_gives_publisher_and_code_in_both_languages() -> None:
    nl = read_colophon([line(1, 100, ("Uitgave: Gemeente Groningen", 50, 200)),
                        line(2, 112, ("Gemeentecode (CBS): GM0014", 50, 200))])
    assert (nl.publisher, nl.cbs_code) == ("Gemeente Groningen", "GM0014")
    en = read_colophon([line(1, 100, ("Published by: Gemeente Groningen", 50, 200)),
                        line(2, 112, ("Municipality code (CBS): GM0014", 50, 200))])
    assert (en.publisher, en.cbs_code) == ("Gemeente Groningen", "GM0014")


def test_cbs_code_only_from_its_labelled_line() -> None:
    """A code in running text (a neighbour's, a table of codes) is not the organisation's."""
    found = read_colophon([
        line(1, 100, ("Samen met Leiden (GM0546) en Voorschoten (GM0626) ...", 50, 400)),
        line(2, 112, ("Gemeentecode (CBS): onbekend", 50, 200))])
    assert found == read_colophon([])
    assert found.cbs_code is None and found.publisher is None


def test_overview_with_lasten_and_baten_only_and_programme_names() -> None:
    flow = [
        line(1, 100, ("Overzicht van baten en lasten", 50, 250), size=12),
        line(2, 118, ("Bedragen x € 1.000", 50, 150)),
        # group headers end over their group's last column, as the print has them
        line(3, 130, ("Begroting 2023 na wijziging", 325, 420), ("Realisatie 2023", 530, 590)),
        line(4, 142, ("Lasten", 330, 360), ("Baten", 390, 420), ("Lasten", 500, 530),
             ("Baten", 560, 590)),
        line(5, 154, ("Veiligheid", 50, 100), ("-4.412", 330, 360), ("150", 400, 420),
             ("-4.493", 500, 530), ("236", 570, 590)),
        line(6, 166, ("Overhead", 50, 100), ("-100", 340, 360), ("-", 415, 420),
             ("-112", 510, 530), ("-", 585, 590)),
    ]
    table, problems = find_overview(flow, file="x.pdf", context=CTX, programme_codes=["1"],
                                    programme_names={"Veiligheid": "1"})
    assert problems == []
    assert table is not None and table.unit is not None and table.unit.scale == 1000
    assert [c.label for c in table.columns] == ["Begroting 2023 na wijziging", "Realisatie 2023"]
    assert [(r.kind, r.label, r.ref) for r in table.rows] == [
        (RowKind.LASTEN, "Veiligheid", "1"), (RowKind.BATEN, "Veiligheid", "1"),
        (RowKind.LASTEN, "Overhead", None)]
    assert list(table.rows[0].values.values()) == [Decimal(-4412), Decimal(-4493)]


def test_observation_note_gives_source_and_reference_date_per_year() -> None:
    from rekenschap.importers.pdf.observationnotes import parse_observation_note

    note = ("Bron en peildatum per jaar: 2022: Bureau Halt; 2023: CBS, peildatum 2024-03-01; "
            "2024: peildatum 2024-06-30.")
    assert parse_observation_note(note) == {"": {
        "2022": ("Bureau Halt", None), "2023": ("CBS", "2024-03-01"),
        "2024": (None, "2024-06-30")}}
    english = ("Source and reference date per year: 2023: CBS, reference date 2024-03-01; "
               "Nederland 2023: CBS.")
    assert parse_observation_note(english) == {"": {"2023": ("CBS", "2024-03-01")},
                                               "Nederland": {"2023": ("CBS", None)}}
    assert parse_observation_note("Bron: CBS, 2023.") == {}


def test_a_computed_difference_that_agrees_is_dropped_one_that_does_not_is_kept() -> None:
    from rekenschap.importers.pdf.computed import drop_computed_difference
    from rekenschap.model import FinanceTable

    def table(diff: str) -> FinanceTable:
        return FinanceTable.model_validate({
            "columns": [{"key": "w", "label": "Begroting na wijziging", "kind": "amended_budget"},
                        {"key": "r", "label": "Realisatie", "kind": "actual"},
                        {"key": "d", "label": "Verschil (berekend)", "kind": "difference"}],
            "rows": [{"kind": "lasten", "label": "Lasten",
                      "values": {"w": "-2100", "r": "-2150", "d": diff}},
                     {"kind": "baten", "label": "Baten", "values": {"w": "10", "r": None,
                                                                     "d": None}}]})

    dropped = drop_computed_difference(table("-50"))
    assert [c.key for c in dropped.columns] == ["w", "r"]
    assert all("d" not in r.values for r in dropped.rows)
    assert drop_computed_difference(table("50")).columns == dropped.columns  # either sign
    kept = drop_computed_difference(table("-49"))  # disagrees: the checks report it
    assert [c.key for c in kept.columns] == ["w", "r", "d"]


def test_values_without_a_period_come_back_from_their_line() -> None:
    from rekenschap.importers.pdf.observationnotes import parse_undated

    values = [o.value for o in parse_undated("Waarden zonder periode: 13.140; 13.044.")]
    assert values == [Decimal(13140), Decimal(13044)]
    assert all(o.period is None for o in parse_undated("Waarden zonder periode: 5,4."))
    assert parse_undated("Waarden zonder periode: veel; n.n.b.") == []
    assert parse_undated("Bron: CBS.") == []


def test_a_cover_title_is_the_documents_own_unless_it_only_names_kind_and_year() -> None:
    from rekenschap.importers.pdf.colophon import own_title

    assert own_title("Programmabegroting  2024-2027") == "Programmabegroting 2024-2027"
    assert own_title("Jaarverslag en jaarrekening 2023") == "Jaarverslag en jaarrekening 2023"
    assert own_title("BEGROTING 2024") is None
    assert own_title("Begroting 2023-2026") is None
    assert own_title("Jaarstukken 2023") is None

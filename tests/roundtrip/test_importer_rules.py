"""The importer rules the round trip needed, each one something real documents print too."""

from __future__ import annotations

from rekenschap.importers.pdf.columns import ColumnContext, map_column
from rekenschap.importers.pdf.sections import match_programme_heading
from rekenschap.model import ColumnKind, DocumentKind

JAARSTUKKEN = ColumnContext(kind=DocumentKind.JAARSTUKKEN, year=2023)
BEGROTING = ColumnContext(kind=DocumentKind.BEGROTING, year=2024)


def test_deelprogramma_heading_only_when_asked() -> None:
    text = "Deelprogramma 1.1 Crisisbeheersing en brandweer"
    assert match_programme_heading(text) is None
    heading = match_programme_heading(text, parts=True)
    assert heading is not None
    assert (heading.code, heading.name, heading.level) == (
        "1.1", "Crisisbeheersing en brandweer", "deelprogramma")
    programme = match_programme_heading("Programma 1 Veiligheid", parts=True)
    assert programme is not None and programme.level == "programma"
    assert match_programme_heading("Deelprogramma 1.1 Brandweer ......... 7", parts=True) is None


def test_bare_realisatie_is_the_reported_year_in_jaarstukken_only() -> None:
    column, problem = map_column("Realisatie", 1, JAARSTUKKEN, taken=set())
    assert (column.kind, problem) == (ColumnKind.ACTUAL, None)
    column, problem = map_column("Realisatie", 1, BEGROTING, taken=set())
    assert column.kind is ColumnKind.OTHER and problem is not None


def test_wide_one_line_headers_belong_to_the_column_they_are_right_aligned_with() -> None:
    """"Begroting 2023 primair" printed on one line reaches left of the amounts' column."""
    from rekenschap.importers.pdf.finance import find_finance_table
    from rekenschap.importers.pdf.flow import FlowLine
    from rekenschap.importers.pdf.layout import Line, Segment

    def line(n: int, top: float, *cells: tuple[str, float, float]) -> FlowLine:
        segs = tuple(Segment(t, x0, top, x1, top + 9, 9.0) for t, x0, x1 in cells)
        text = "  ".join(t for t, _, _ in cells)
        return FlowLine(4, n, Line(text, segs[0].x0, top, segs[-1].x1, top + 9, segs))

    lines = [
        line(1, 100, ("Bedragen x € 1.000", 50, 130)),
        line(2, 120, ("Omschrijving", 50, 110), ("Begroting 2023 primair", 150, 260),
             ("Begroting 2023 na wijziging", 270, 400), ("Realisatie 2023", 430, 500)),
        line(3, 140, ("Lasten", 50, 80), ("-4.346", 230, 260), ("-4.412", 370, 400),
             ("-4.493", 470, 500)),
        line(4, 160, ("Baten", 50, 78), ("136", 245, 260), ("150", 385, 400),
             ("236", 485, 500)),
    ]
    table, problems = find_finance_table(lines, file="f.pdf", context=JAARSTUKKEN, path="p")
    assert table is not None, [p.format() for p in problems]
    assert [(c.kind, c.label) for c in table.columns] == [
        (ColumnKind.ORIGINAL_BUDGET, "Begroting 2023 primair"),
        (ColumnKind.AMENDED_BUDGET, "Begroting 2023 na wijziging"),
        (ColumnKind.ACTUAL, "Realisatie 2023")]
    assert table.unit is not None and table.unit.scale == 1000
    assert not [p for p in problems if p.code == "PDF-FIN-COLUMN"]


def test_the_colophon_line_gives_the_full_name_running_text_only_the_place() -> None:
    from collections import Counter

    from rekenschap.importers.pdf.flow import FlowLine
    from rekenschap.importers.pdf.layout import Line
    from rekenschap.importers.pdf.structure import _full_name

    def lines(*texts: str) -> list[FlowLine]:
        return [FlowLine(1, n, Line(t, 50, 20.0 * n, 400, 20.0 * n + 9))
                for n, t in enumerate(texts, 1)]

    places = Counter({"Groningen": 2})
    assert _full_name(lines("Begroting 2024", "Uitgave: Gemeente Groningen"),
                      places) == "Gemeente Groningen"
    assert _full_name(lines("Uitgave: Provincie Zeeland, afdeling Financiën."),
                      places) == "Provincie Zeeland"
    assert _full_name(lines("De gemeente Groningen maakt beleid."), places) == "Groningen"
    assert _full_name(lines("Uitgave van deze nota volgt later"), Counter()) is None


def test_the_facts_line_gives_an_undated_target_its_value_year_and_direction() -> None:
    from decimal import Decimal

    from rekenschap.importers.pdf.indicatorfacts import _facts
    from rekenschap.model import DesiredDirection, Indicator

    bare = Indicator(name="Winkeldiefstallen")
    got = _facts(bare, "Peiljaar: 2019. Streefwaarde: 5,2, lager is beter.").target
    assert got is not None
    assert (got.value, got.period, got.direction) == (Decimal("5.2"), None,
                                                      DesiredDirection.DOWN)
    got = _facts(bare, "Streefwaarde: 1.250, 2025.").target
    assert got is not None and (got.value, got.period, got.direction) == (
        Decimal("1250"), "2025", None)
    got = _facts(bare, "Streefwaarde: hoger is beter.").target
    assert got is not None and (got.value, got.direction) == (None, DesiredDirection.UP)
    assert _facts(bare, "Streefwaarde: zie de tekst.").target is None


def test_a_caption_ending_at_a_column_edge_is_the_title_not_that_columns_header() -> None:
    """begroting-2024 P5: "Tabel 5.3 - Baten en lasten P5 ..." starts where the row labels
    start and happens to end at the second column's right edge."""
    from tests.roundtrip.lines import line

    from rekenschap.importers.pdf.finance import find_finance_table

    lines = [
        line(1, 80, ("Bedragen x € 1.000", 50, 130)),
        line(2, 100, ("Tabel 5.3 - Baten en lasten P5 Natuur", 50, 300.5)),
        line(3, 120, ("Omschrijving", 50, 110), ("Rekening 2022", 180, 240),
             ("Begroting 2023", 240, 300), ("Begroting 2024", 300, 360)),
        line(4, 140, ("Baten", 50, 78), ("10.997", 210, 240), ("12.439", 270, 300),
             ("12.224", 330, 360)),
        line(5, 160, ("Lasten", 50, 80), ("-17.890", 205, 240), ("-19.509", 265, 300),
             ("-19.221", 325, 360)),
    ]
    table, problems = find_finance_table(lines, file="f.pdf", context=BEGROTING, path="p")
    assert table is not None, [p.format() for p in problems]
    assert [c.label for c in table.columns] == ["Rekening 2022", "Begroting 2023",
                                                 "Begroting 2024"]
    assert table.title == "Tabel 5.3 - Baten en lasten P5 Natuur"


def test_a_result_code_before_an_ordinal_is_the_code() -> None:
    """"2.1 1e proeve Omgevingsvisie ..." (begroting-2024 P4): "1e" is a word, not a number."""
    from tests.roundtrip.lines import line

    from rekenschap.importers.pdf.headed_goals import find_headed_goals

    lines = [
        line(1, 100, ("2 Een nieuwe Omgevingsvisie", 50, 200), size=11.0),
        line(2, 120, ("•", 55, 58), ("2.1 1e proeve Omgevingsvisie is gereed", 62, 250)),
        line(3, 134, ("•", 55, 58), ("2.2 12 woningen gebouwd", 62, 200)),
        line(4, 148, ("•", 55, 58), ("2.3 2 000 woningen", 62, 200)),
    ]
    (goal,) = find_headed_goals(lines, body=9.0, file="f.pdf")
    assert [(a.code, a.text) for a in goal.activities] == [
        ("2.1", "1e proeve Omgevingsvisie is gereed"), (None, "2.2 12 woningen gebouwd"),
        (None, "2.3 2 000 woningen")]

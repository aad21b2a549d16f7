"""Indicator tables in text dumps: read where the dump keeps the columns apart, reported (with
line numbers, lines kept as text) where it does not.

The real layout dump is made in the test with ``pdftotext -layout`` (poppler-utils) from
Wassenaar's begroting-2024.pdf pages 64-65 ("Tabel 6.1 - Beleidsindicatoren per programma");
the values below were checked by eye against the rendered pages (``pdftoppm -r 70 -f 64 -l 65``).
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest
from tests.importers_text.test_corpus_dumps import _dump, corpus_pdf

from rekenschap.importers.text import import_text
from rekenschap.model import ObservationQualifier, Report, UnitKind

TABLE = """Programma 1 Veiligheid
Beleidsindicatoren
Indicator          Eenheid              Bron   2021    2022    Nederland (2022)  Streefwaarde 2024
Winkeldiefstallen  per 1.000 inwoners   CBS    4,0     5,4     2,3               4,0
Verwijzingen Halt  per 1.000 jongeren   Halt   n.v.t.  10      8                 -
Overhead           % van totale lasten  Eigen  9,98%   12,52%  n.v.t.            10%
Geweldsmisdrijven  per 1.000 inwoners   CBS    6,5     x       4,6               5
"""


def _import(text: str) -> tuple[Report, list[str]]:
    report, problems = import_text(text, file="gemeente-2024.txt")
    return report, [p.format() for p in problems]


def test_a_table_with_one_row_per_line_and_gaps_between_columns() -> None:
    report, problems = _import(TABLE)
    indicators = report.programmes[0].indicators
    assert [i.name for i in indicators] == ["Winkeldiefstallen", "Verwijzingen Halt", "Overhead",
                                            "Geweldsmisdrijven"]
    winkel = indicators[0]
    assert winkel.catalogue_id == "winkeldiefstallen"
    assert winkel.unit is not None
    assert (winkel.unit.kind, winkel.unit.per) == (UnitKind.RATE, 1000)
    assert winkel.source == "CBS"
    assert [(o.period, o.value) for o in winkel.observations] == [("2021", Decimal("4.0")),
                                                                  ("2022", Decimal("5.4"))]
    [benchmark] = winkel.benchmarks
    assert (benchmark.region_code, benchmark.observations[0].period,
            benchmark.observations[0].value) == ("NL01", "2022", Decimal("2.3"))
    assert winkel.target is not None
    assert (winkel.target.period, winkel.target.value) == ("2024", Decimal("4.0"))
    assert winkel.provenance is not None and winkel.provenance.line == 4
    halt = indicators[1]
    assert [(o.period, o.qualifier, o.value) for o in halt.observations] == [
        ("2021", ObservationQualifier.NOT_APPLICABLE, None), ("2022", None, Decimal(10))]
    assert halt.target is None  # "-": no target printed
    overhead = indicators[2]
    assert overhead.unit is not None and overhead.unit.kind is UnitKind.PERCENTAGE
    assert [(o.value, o.printed) for o in overhead.observations] == [
        (Decimal("9.98"), "9,98%"), (Decimal("12.52"), "12,52%")]
    # a cell that is not a number is reported, never guessed; the rest of the row is read
    geweld = indicators[3]
    assert [o.period for o in geweld.observations] == ["2021"]
    assert [p for p in problems if "TXT-INDICATOR" in p] == [
        "gemeente-2024.txt:7: TXT-INDICATOR-VALUE warning 'Geweldsmisdrijven': 'x' under '2022' "
        "is not a number nor n.v.t./n.n.b.; left out"]


def test_a_dump_without_column_gaps_is_reported_with_its_lines_and_kept() -> None:
    text = TABLE.replace("  ", " ").replace("  ", " ").replace("  ", " ").replace("  ", " ")
    report, problems = _import(text)
    programme = report.programmes[0]
    assert programme.indicators == ()
    [problem] = [p for p in problems if "TXT-INDICATOR-TABLE" in p]
    assert problem.startswith("gemeente-2024.txt:3: TXT-INDICATOR-TABLE warning")
    assert "(lines 3-7)" in problem
    kept = "\n".join(s.text for s in programme.sections)
    assert "Winkeldiefstallen per 1.000 inwoners CBS 4,0 5,4 2,3 4,0" in kept


def test_a_row_without_values_is_reported() -> None:
    text = TABLE.replace("Geweldsmisdrijven  per 1.000 inwoners   CBS    6,5     x       4,6"
                         "               5", "Geweldsmisdrijven  per 1.000 inwoners   CBS")
    report, problems = _import(text)
    assert [i.name for i in report.programmes[0].indicators][-1] == "Overhead"
    assert ("gemeente-2024.txt:7: TXT-INDICATOR-TABLE warning indicator table row "
            "'Geweldsmisdrijven per 1.000 inwoners CBS': no name or no value; not read, kept as "
            "text") in problems


def test_progr_column_places_rows_in_their_programme() -> None:
    text = ("Programma 1 Veiligheid\nWat mag het kosten?\n\nProgramma 2 Zorg\nBeleidsindicatoren\n"
            "Progr. Nr. Naam Indicator     Eenheid               Bron    Wassenaar\n"
            "                                                            (jaartal)\n"
            "\n"
            "  1    8. Winkeldiefstallen   per 1.000 inwoners    CBS     0,6 (2022)\n"
            "\n"
            "  2    17. Absoluut verzuim   per 1.000 leerlingen  DUO     1,3 (2022)\n"
            "\n"
            "  7    40. Onbekend           %                     CBS     3 (2022)\n")
    report, problems = _import(text)
    assert [[i.name for i in p.indicators] for p in report.programmes] == [
        ["Winkeldiefstallen"], ["Absoluut verzuim"]]
    assert report.programmes[0].indicators[0].observations[0].period == "2022"
    assert ("gemeente-2024.txt:13: TXT-INDICATOR-PROGRAMME warning indicator 'Onbekend' names "
            "programme '7', which is not in the text; not attached") in problems


@pytest.mark.corpus
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_begroting_2024_layout_dump_pages_64_65() -> None:
    layout = subprocess.run(
        ["pdftotext", "-layout", "-f", "64", "-l", "65", str(corpus_pdf("begroting-2024.pdf")),
         "-"], capture_output=True, text=True, check=True).stdout
    programmes = "".join(f"Programma {n} P{n}\nWat mag het kosten?\n\n" for n in range(1, 6))
    report, problems = _import(programmes + layout[layout.index("Beleidsindicatoren"):])
    names = [[i.name for i in p.indicators] for p in report.programmes]
    assert names[0] == ["Verwijzingen Halt", "Winkeldiefstallen", "Geweldsmisdrijven",
                        "Diefstallen uit woning",
                        "Vernielingen en beschadigingen (in de openbare ruimte)"]
    assert [len(n) for n in names] == [5, 15, 5, 5, 4]
    halt = report.programmes[0].indicators[0]
    assert halt.unit is not None and halt.unit.label == "Aantal per 1.000 jongeren"
    assert halt.source == "Bureau Halt"
    assert [(o.period, o.value) for o in halt.observations] == [("2022", Decimal(10))]
    assert halt.benchmarks[0].observations[0].value == Decimal(8)
    p2 = {i.name: i for i in report.programmes[1].indicators}
    lopend = p2["Lopende re-integratievoorzieningen"]  # "re-" / "integratie..." joined
    assert [(o.period, o.value) for o in lopend.observations] == [("2022", Decimal("7.7"))]
    bijstand = p2["Personen met een bijstandsuitkering"]
    assert bijstand.unit is not None and bijstand.unit.per == 10000
    assert [(o.period, o.value) for o in bijstand.observations] == [("2021", Decimal("252.7"))]
    p5 = [i.name for i in report.programmes[4].indicators]
    assert p5 == ["Functiemenging", "Vestigingen (van bedrijven)",
                  "Omvang huishoudelijk restafval", "Hernieuwbare elektriciteit"]
    assert not [p for p in problems if "TXT-INDICATOR" in p]
    assert all(i.catalogue_id for p in report.programmes for i in p.indicators)


@pytest.mark.corpus
def test_pypdfium2_dump_tables_are_reported_not_guessed() -> None:
    report, problems = import_text(_dump(corpus_pdf("begroting-2024.pdf")),
                                   file="begroting-2024.pdf")
    table = [p for p in problems if p.code == "TXT-INDICATOR-TABLE"]
    assert [(p.location.page, p.location.line) for p in table] == [(64, 1877)]
    assert "(lines 1877-2026)" in table[0].message
    assert not any(i.name == "Winkeldiefstallen" for p in report.all_programmes()
                   for i in p.indicators)
    kept = "\n".join(s.text for p in report.all_programmes() for s in p.sections)
    assert "8. Winkeldiefstallen" in kept


@pytest.mark.corpus
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_begroting_2024_whole_layout_dump() -> None:
    """The whole document as ``pdftotext -layout`` text: the indicator table of p64-65 lands in
    the five programmes, and "Programma 4   investering   krediet   Meerjarenbeeld" (a table
    header, p49) is no programme heading, so P4 and P5 keep their finance tables."""
    layout = subprocess.run(["pdftotext", "-layout", str(corpus_pdf("begroting-2024.pdf")), "-"],
                            capture_output=True, text=True, check=True).stdout
    report, _ = import_text(layout, file="begroting-2024.pdf")
    first = report.programmes[:5]
    assert [(p.code, len(p.indicators), p.finance is not None) for p in first] == [
        ("1", 5, True), ("2", 15, True), ("3", 5, True), ("4", 5, True), ("5", 4, True)]
    assert not [p for p in report.programmes if "Meerjarenbeeld" in p.name]


def _layout_pages(name: str, first: int, last: int) -> str:
    layout = subprocess.run(
        ["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(corpus_pdf(name)), "-"],
        capture_output=True, text=True, check=True).stdout
    programmes = "".join(f"Programma {n} P{n}\nWat mag het kosten?\n\n" for n in range(1, 6))
    return programmes + layout[layout.index("Beleidsindicatoren"):]


@pytest.mark.corpus
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_jaarstukken_2023_layout_page_86() -> None:
    """Columns "Progr." and "Nr." apart, names left-aligned under a centred header, rows two
    blank lines apart: every row of p86 (checked by eye), none reported."""
    report, problems = _import(_layout_pages("jaarstukken-2023.pdf", 86, 86))
    assert [len(p.indicators) for p in report.programmes] == [5, 15, 5, 5, 4]
    assert not [p for p in problems if "TXT-INDICATOR" in p]
    by_name = {i.name: i for p in report.programmes for i in p.indicators}
    halt = by_name["Verwijzingen Halt"]
    assert ([(o.period, o.value) for o in halt.observations],
            halt.benchmarks[0].observations[0].value) == ([("2022", Decimal(10))], Decimal(8))
    vsv = by_name["Vroegtijdig schoolverlaters zonder startkwalificatie (vsv-ers)"]
    assert vsv.unit is not None and vsv.unit.label == "% deelnemers aan het VO en MBO onderwijs"
    assert [(o.period, o.value) for o in vsv.observations] == [("2022", Decimal("1.6"))]
    assert [(o.period, o.value) for o in by_name["Apparaatskosten"].observations] == [
        ("2023", Decimal(391))]
    assert by_name["Apparaatskosten"].benchmarks == ()  # no Nederland figure printed
    renewable = by_name["Hernieuwbare elektriciteit"]
    assert renewable.benchmarks[0].observations[0].value == Decimal("12.98")


@pytest.mark.corpus
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_begroting_2025_layout_rows_without_blank_lines() -> None:
    """p72-73: rows follow each other without blank lines and cells wrap above and below their
    value line. What can be placed is read (checked by eye on p72); a wrapped line that could
    belong to the row above or below makes both rows unread and reported, never guessed."""
    report, problems = _import(_layout_pages("begroting-2025.pdf", 72, 73))
    by_name = {i.name: i for p in report.programmes for i in p.indicators}
    assert [i.name for i in report.programmes[0].indicators] == [
        "Verwijzingen Halt", "Winkeldiefstallen", "Geweldsmisdrijven", "Diefstallen uit woning",
        "Vernielingen en beschadigingen (in de openbare ruimte)"]
    sport = by_name["Niet-sporters"]  # "20. Niet-sporters" and two values one space apart
    assert ([(o.period, o.value) for o in sport.observations],
            sport.benchmarks[0].observations[0].value) == ([("2022", Decimal("44.2"))],
                                                           Decimal("46.4"))
    bijstand = by_name["Huishoudens met een bijstandsuitkering"]  # "4,75 % ( 2024)"
    assert bijstand.benchmarks[0].observations[0].period == "2024"
    assert "Relatief verzuim" not in by_name
    assert any("TXT-INDICATOR-TABLE" in p and "Relatief verzuim" in p for p in problems)
    assert any("'leerlingen' lies between two rows" in p for p in problems)

"""The overview of baten and lasten per programme (recapitulatie), from hand-made pages through
the real structure recogniser: the table, programme references and honest problems."""

from __future__ import annotations

from decimal import Decimal

from tests.importers_pdf.pages import make_line, make_page, right
from tests.importers_pdf.test_problems import _doc, _finance_rows

from rekenschap.importers.pdf.layout import Page
from rekenschap.importers.pdf.structure import build_report
from rekenschap.model import ColumnKind, RowKind, SignConvention

GROUPS = (250, 400)  # left edge of each group's "baten lasten saldo"


def _cells(values: list[str]) -> list[tuple[str, float]]:
    xs = [g + dx for g in GROUPS for dx in (30, 80, 130)]
    return [right(v, x) for v, x in zip(values, xs, strict=False)]


def _overview(*rows: tuple[str, list[str]]) -> Page:
    lines: list[tuple[float, list[tuple[str, float]]]] = [
        (80, [("Recapitulatie", 72)]),
        (95, [("Bedragen x € 1.000 ( \"-\" = nadeel / \"+\" = voordeel )", 72)]),
        (110, [("Programma's", 72), ("Begroting 2025", 285), ("Begroting 2026", 435)]),
        (125, [(w, g + dx) for g in GROUPS
               for w, dx in (("baten", 10), ("lasten", 55), ("saldo", 110))]),
    ]
    for i, (label, values) in enumerate(rows):
        lines.append((140 + 15 * i, [(label, 72), *_cells(values)]))
    return make_page(3, lines)  # type: ignore[arg-type]


P1 = ("P1 Veiligheid", ["102", "-4.204", "-4.102", "102", "-4.129", "-4.027"])


def test_the_overview_is_read_with_columns_rows_and_programme_references() -> None:
    pages = [*_doc(_finance_rows()),
             _overview(P1, ("Overhead", ["3.320", "-15.055", "-11.735", "3.311", "-14.404",
                                         "-11.093"]))]
    report, problems = build_report(pages, file="t.pdf")
    assert [p for p in problems if p.code.startswith("PDF-OVERVIEW")] == []
    table = report.overview
    assert table is not None
    assert [(c.kind, c.year) for c in table.columns] == [(ColumnKind.BUDGET, 2025),
                                                         (ColumnKind.ESTIMATE, 2026)]
    assert table.unit is not None and table.unit.scale == 1000
    assert table.sign_convention is SignConvention.LASTEN_NEGATIVE
    assert [(r.ref, r.kind, r.label) for r in table.rows] == [
        ("P1", RowKind.BATEN, "P1 Veiligheid"), ("P1", RowKind.LASTEN, "P1 Veiligheid"),
        ("P1", RowKind.SALDO, "P1 Veiligheid"), (None, RowKind.BATEN, "Overhead"),
        (None, RowKind.LASTEN, "Overhead"), (None, RowKind.SALDO, "Overhead")]
    assert table.rows[1].values == {"budget_2025": Decimal(-4204),
                                    "estimate_2026": Decimal(-4129)}
    prov = table.rows[0].provenance
    assert prov is not None and (prov.file, prov.page) == ("t.pdf", 3)


def test_a_short_line_and_an_unknown_programme_are_reported_and_the_rest_kept() -> None:
    pages = [*_doc(_finance_rows()),
             _overview(P1, ("P7 Onbekend", ["1", "-2", "-1", "1", "-2", "-1"]),
                       ("Overhead", ["3.320", "-15.055", "-11.735", "3.311", "-14.404"]),
                       ("Mutaties reserves", ["2.382", "0", "2.382", "922", "0", "922"]))]
    report, problems = build_report(pages, file="t.pdf")
    found = {p.code: p for p in problems if p.code.startswith("PDF-OVERVIEW")}
    assert set(found) == {"PDF-OVERVIEW-CELLS", "PDF-OVERVIEW-PROGRAMME"}
    assert found["PDF-OVERVIEW-CELLS"].location.page == 3
    assert "5 amount(s) where the table has 6" in found["PDF-OVERVIEW-CELLS"].message
    assert "programme 7" in found["PDF-OVERVIEW-PROGRAMME"].message
    assert report.overview is not None
    labels = [(r.ref, r.kind) for r in report.overview.rows]
    assert labels[:3] == [("P1", RowKind.BATEN), ("P1", RowKind.LASTEN), ("P1", RowKind.SALDO)]
    assert labels[3] == (None, RowKind.BATEN)  # P7 kept without a reference
    assert labels[6:] == [(None, RowKind.RESERVE_WITHDRAWAL), (None, RowKind.RESERVE_ADDITION),
                          (None, RowKind.RESERVE_MUTATIONS)]


def test_a_footnote_under_the_table_ends_it_without_a_problem() -> None:
    pages = [*_doc(_finance_rows()),
             _overview(P1, ("* De Algemene dekkingsmiddelen (taakveld 0.61, 0.62, 0.64, 0.7", []),
                       ("Overhead", ["3.320", "-15.055", "-11.735", "3.311", "-14.404",
                                     "-11.093"]))]
    report, problems = build_report(pages, file="t.pdf")
    assert [p for p in problems if p.code.startswith("PDF-OVERVIEW")] == []
    assert report.overview is not None
    assert {r.label for r in report.overview.rows} == {"P1 Veiligheid"}


def test_no_overview_is_no_problem() -> None:
    report, problems = build_report(_doc(_finance_rows()), file="t.pdf")
    assert report.overview is None and problems == []


def test_a_table_of_contents_line_is_not_the_overview() -> None:
    toc = make_page(3, [(80, [("Recapitulatie ..................... 66", 72)]),  # type: ignore[list-item]
                        (95, [("baten lasten saldo", 250)])])
    report, problems = build_report([*_doc(_finance_rows()), toc], file="t.pdf")
    assert report.overview is None
    assert [p for p in problems if p.code.startswith("PDF-OVERVIEW")] == []


def test_a_header_without_rows_is_reported() -> None:
    report, problems = build_report([*_doc(_finance_rows()), _overview()], file="t.pdf")
    assert report.overview is None
    (empty,) = [p for p in problems if p.code.startswith("PDF-OVERVIEW")]
    assert empty.code == "PDF-OVERVIEW-EMPTY" and empty.location.page == 3



def test_a_caption_naming_baten_en_lasten_is_not_the_header_line() -> None:
    """Begroting 2026 p60: "Tabel 6.2 Recapitulatie Baten en lasten programma's 1 t/m 5" under
    the heading names two kinds, but it is a caption; the header line is the one below it."""
    page = _overview(P1)
    caption = make_line(88, [("Tabel", 72), ("6.2", 100), ("Recapitulatie", 120), ("Baten", 190),
                             ("en", 220), ("lasten", 235), ("programma's", 270)])
    lines = (page.lines[0], caption, *page.lines[1:])
    page = Page(number=page.number, width=page.width, height=page.height, lines=lines,
                text="\n".join(line.text for line in lines))
    report, problems = build_report([*_doc(_finance_rows()), page], file="t.pdf")
    assert [p for p in problems if p.code.startswith("PDF-OVERVIEW")] == []
    assert report.overview is not None
    assert len(report.overview.columns) == 2 and len(report.overview.rows) == 3

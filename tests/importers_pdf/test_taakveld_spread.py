"""Two taakveld pages side by side on one scanned sheet (hand-made page)."""

from __future__ import annotations

from tests.importers_pdf.pages import make_page, right

from rekenschap.importers.pdf.columns import ColumnContext
from rekenschap.importers.pdf.flow import build_flow
from rekenschap.importers.pdf.taakveld_spread import split_spreads
from rekenschap.importers.pdf.taakvelden import find_taakveld_tables
from rekenschap.model import DocumentKind

CTX = ColumnContext(kind=DocumentKind.BEGROTING, year=2021)


def _half(x: float, label: str, values: list[str]) -> list[tuple[str, float]]:
    return [(label, x), *(right(v, x + e) for v, e in zip(values, (250, 315, 380), strict=True))]


def _spread() -> list[tuple[float, list[tuple[str, float]]]]:
    left, r = 6.0, 453.0
    head = ["Begroting 2021"] * 3
    subs = ["Baten", "Lasten", "Saldo"]
    return [
        (55, _half(left, "Programma:P0 Bestuur", head) + _half(r, "Programma:P5 Sport", head)),
        (65, _half(left, "Saldo van baten en lasten per taakveld", subs)
         + _half(r, "Saldo van baten en lasten per taakveld", subs)),
        (77, _half(left, "0.1 Bestuur", ["0", "-2.244.295", "-2.244.295"])
         + _half(r, "5.1 Sportbeleid", ["10.296", "-384.447", "-374.151"])),
        (88, _half(left, "0.2 Burgerzaken", ["406.291", "-818.726", "-412.435"])
         + _half(r, "5.2 Sportaccommodaties", ["170.933", "-1.306.044", "-1.135.111"])),
        (99, _half(left, "0.4 Overhead", ["52.141", "-9.539.536", "-9.487.395"])
         + _half(r, "Saldo van baten en lasten programma", ["181.229", "-1.690.491",
                                                            "-1.509.262"])),
        (110, _half(left, "Saldo van baten en lasten programma", ["458.432", "-12.602.557",
                                                                   "-12.144.125"])),
    ]


def test_a_spread_reads_as_its_left_page_then_its_right_page() -> None:
    flow = split_spreads(build_flow([make_page(1, _spread())]))
    texts = [fl.text.split("  ")[0] for fl in flow]
    assert texts[0].startswith("Programma:P0") and texts[6].startswith("Programma:P5")
    assert [fl.number for fl in flow][:2] == [1, 2]  # line numbers of the sheet are kept
    tables, problems = find_taakveld_tables(build_flow([make_page(1, _spread())]), context=CTX,
                                            file="s.pdf")
    assert [(t.programme, len(t.table.rows), t.codes) for t in tables] == [
        ("0", 4, ("0.1", "0.2", "0.4")), ("5", 3, ("5.1", "5.2"))]
    assert problems == []


def test_an_ordinary_page_is_left_alone() -> None:
    rows = [(100, [("Programma:P1 Veiligheid", 72), ("Begroting 2021", 240)]),
            (115, [("1.1 Crisisbeheersing en brandweer", 72), right("1.000", 300)])]
    flow = build_flow([make_page(3, rows)])
    assert split_spreads(flow) == flow

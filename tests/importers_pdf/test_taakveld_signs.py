"""Lost minus signs in taakveld rows, found by baten + lasten = saldo (hand-made pages)."""

from __future__ import annotations

from decimal import Decimal

from tests.importers_pdf.pages import make_page, right

from rekenschap.importers.pdf.columns import ColumnContext
from rekenschap.importers.pdf.flow import build_flow
from rekenschap.importers.pdf.taakvelden import find_taakveld_tables
from rekenschap.model import DocumentKind

CTX = ColumnContext(kind=DocumentKind.JAARSTUKKEN, year=2019)
HEADER = [
    (100, [("Programma:P1 Veiligheid", 72), ("Begroting primair 2019", 240),
           ("Rekening 2019", 420)]),
    (115, [("Saldo van baten en lasten per taakveld", 72), right("Baten", 250),
           right("Lasten", 300), right("Saldo", 350), right("Baten", 430), right("Lasten", 480),
           right("Saldo", 530)]),
]


def _read(*rows: tuple[str, list[str]]) -> tuple[list[list[Decimal | None]], list[str]]:
    lines = [*HEADER, *[(130.0 + 15 * i, [(label, 72), *(right(v, x) for v, x in zip(
        values, (250, 300, 350, 430, 480, 530), strict=True))])
        for i, (label, values) in enumerate(rows)]]
    tables, problems = find_taakveld_tables(build_flow([make_page(5, lines)]), context=CTX,
                                            file="j.pdf")
    keys = [c.key for c in tables[0].table.columns]
    return ([[r.values[k] for k in keys] for r in tables[0].table.rows],
            [p.format() for p in problems])


def test_a_saldo_without_its_minus_is_negated_and_reported() -> None:
    values, problems = _read(
        ("1.1 Crisisbeheersing", ["0", "-2.069.930", "-2.069.930", "3.150", "-2.028.897",
                                  "-2.025.747"]),
        ("Saldo van baten en lasten programma", ["45.911", "-2.778.185", "2.732.274", "51.714",
                                                 "-2.772.966", "-2.721.253"]))
    assert values[1] == [45911, -2778185, -2732274, 51714, -2772966, -2721253]
    assert len(problems) == 1
    assert problems[0].startswith("j.pdf:5:")
    assert "PDF-TAAKVELD-SIGN notice" in problems[0]
    assert "printed 2732274" in problems[0] and "read as -2732274" in problems[0]


def test_a_positive_lasten_is_negated_when_only_that_adds_up() -> None:
    values, problems = _read(
        ("4.2 Onderwijshuisvesting", ["0", "-1.271.362", "-1.271.362", "130.214", "1.820.355",
                                      "-1.690.141"]))
    assert values[0][4] == -1820355
    assert len(problems) == 1 and "PDF-TAAKVELD-SIGN" in problems[0]


def test_consistent_rows_and_unexplainable_gaps_are_left_as_printed() -> None:
    values, problems = _read(
        ("1.2 Openbare orde", ["45.911", "-708.255", "-662.344", "48.564", "-744.069",
                               "-695.505"]),
        ("1.3 Iets anders", ["10", "-20", "-11", "0", "-5", "-5"]))  # off by one: not a sign
    assert values == [[45911, -708255, -662344, 48564, -744069, -695505],
                      [10, -20, -11, 0, -5, -5]]
    assert problems == []


def test_an_ambiguous_flip_is_not_guessed() -> None:
    """0 | 43.175 | -43.175: negating lasten or saldo would both add up; lasten positive in a
    lasten-negative table makes the saldo flip impossible, so lasten is negated (one reading)."""
    values, problems = _read(
        ("4.1 Basisonderwijs", ["0", "-30.572", "-30.572", "0", "43.175", "-43.175"]))
    assert values[0][4] == -43175 and len(problems) == 1
    values, problems = _read(  # baten 100, lasten -100, saldo 0 printed as 200: no single flip
        ("4.9 Nul", ["100", "-100", "200", "0", "0", "0"]))
    assert values[0][2] == 200 and problems == []


def test_ocr_sign_noise_is_decided_by_the_group_or_left_empty() -> None:
    values, problems = _read(
        ("0.1 Bestuur", ["0", "1.991.402", "-1.991.402", "89.135", "-2.032.152", "=1.943.017"]),
        ("0.7 Gemeentefonds", ["27.669.824", "0", "_27.669.824", "0", "0", "0"]),
        ("0.9 Onbeslist", ["10", "—-5", "=20", "0", "0", "0"]))  # no signs make 10 + l = s
    assert values[0] == [0, -1991402, -1991402, 89135, -2032152, -1943017]  # + one lost sign
    assert values[1][:3] == [27669824, 0, 27669824]
    assert values[2][:3] == [10, None, None]
    assert sum("PDF-TAAKVELD-SIGN warning" in p for p in problems) == 2
    assert any("OCR read '=1.943.017'; read as -1943017" in p for p in problems)


def test_a_block_numbered_with_the_letter_o_is_programme_0() -> None:
    lines = [(100, [("Programma:PO Bestuur", 72), ("Begroting primair 2019", 240),
                    ("Rekening 2019", 420)]), *HEADER[1:],
             (130, [("0.1 Bestuur", 72), *(right(v, x) for v, x in zip(
                 ["0", "-5", "-5", "0", "-6", "-6"], (250, 300, 350, 430, 480, 530),
                 strict=True))])]
    tables, problems = find_taakveld_tables(build_flow([make_page(5, lines)]), context=CTX,
                                            file="j.pdf")
    assert [t.programme for t in tables] == ["0"]
    assert [p.code for p in problems] == ["PDF-TAAKVELD-CODE"]


def test_cell_borders_read_as_bars_are_dropped() -> None:
    amounts = ["406.291", "-818.726", "-412.435", "0", "0", "0"]
    lines = [*HEADER, (130, [("|0.2 Burgerzaken", 72), ("|", 252), *(right(v, x) for v, x in zip(
        amounts, (250, 300, 350, 430, 480, 530), strict=True))])]
    tables, problems = find_taakveld_tables(build_flow([make_page(5, lines)]), context=CTX,
                                            file="j.pdf")
    row = tables[0].table.rows[0]
    assert (row.label, list(row.values.values())) == (
        "0.2 Burgerzaken", [406291, -818726, -412435, 0, 0, 0])
    assert tables[0].codes == ("0.2",) and problems == []

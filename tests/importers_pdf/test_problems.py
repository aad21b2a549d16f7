"""Bad or odd input becomes problems with locations; everything valid is kept; never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.importers_pdf.pages import make_line, make_page, right

from rekenschap.importers.pdf.layout import Page
from rekenschap.importers.pdf.structure import StructureOptions, build_report
from rekenschap.model import DocumentKind, RowKind

HEADER = [
    (40, [("Gemeente Teststad", 72)], 12.0),
    (60, [("Begroting 2025", 72)], 24.0),
]


def _doc(rows: list[tuple[float, list[tuple[str, float]]]]) -> list[Page]:
    title = make_page(1, HEADER)  # type: ignore[arg-type]
    chapter = make_page(2, [(80, [("P1 Veiligheid", 72)], 14.0),  # type: ignore[list-item]
                            (120, [("Wat mag het kosten?", 72)], 11.0), *rows])
    return [title, chapter]


X = (330, 400, 470, 540)


def _finance_rows(baten: str = "1.972", lasten_cells: int = 4) -> list[
        tuple[float, list[tuple[str, float]]]]:
    lasten = ["-5.234", "-6.802", "-4.204", "-4.129"][:lasten_cells]
    return [
        (140, [("Tabel 1.1 Baten en lasten", 72), *[right("Begroting", x) for x in X[1:]]]),
        (150, [("( \"-\"= nadeel / \"+\"= voordeel ) bedragen x € 1.000", 72),
               right("2023", X[0]), right("2024", X[1]), right("2025", X[2]),
               right("2026", X[3])]),
        (138, [right("Rekening", X[0])]),
        (170, [("Baten", 72), right(baten, X[0]), right("2.601", X[1]), right("102", X[2]),
               right("102", X[3])]),
        (185, [("Lasten", 72), *[right(v, x) for v, x in zip(lasten, X, strict=False)]]),
        (200, [("Saldo van baten en lasten", 72), right("-3.262", X[0]), right("-4.201", X[1]),
               right("-4.102", X[2]), right("-4.027", X[3])]),
    ]


def test_a_clean_table_imports_without_problems() -> None:
    report, problems = build_report(_doc(_finance_rows()), file="t.pdf")
    assert problems == []
    assert report.document.kind is DocumentKind.BEGROTING and report.document.year == 2025
    (programme,) = report.programmes
    assert programme.finance is not None
    assert [c.key for c in programme.finance.columns] == [
        "prior_actual_2023", "prior_budget_2024", "budget_2025", "estimate_2026"]
    assert programme.finance.title == "Tabel 1.1 Baten en lasten"


def test_a_number_that_does_not_parse_is_reported_and_the_row_kept() -> None:
    report, problems = build_report(_doc(_finance_rows(baten="1.97")), file="t.pdf")
    (bad,) = [p for p in problems if p.code == "PDF-FIN-NUMBER"]
    assert "'1.97' in row 'Baten', column 'Rekening 2023'" in bad.message
    assert (bad.location.file, bad.location.page, bad.location.line) == ("t.pdf", 2, 6)
    table = report.programmes[0].finance
    assert table is not None
    baten = table.row(RowKind.BATEN)
    assert baten is not None and baten.values["prior_actual_2023"] is None
    assert str(baten.values["prior_budget_2024"]) == "2601"


def test_a_row_with_a_missing_cell_is_reported_and_skipped() -> None:
    report, problems = build_report(_doc(_finance_rows(lasten_cells=3)), file="t.pdf")
    table = report.programmes[0].finance
    assert table is not None
    cells = [p for p in problems if p.code == "PDF-FIN-CELLS"]
    assert len(cells) == 1 and "'Lasten' has 3 amounts" in cells[0].message
    assert cells[0].location.page == 2 and cells[0].location.line == 7
    assert [r.kind for r in table.rows] == [RowKind.BATEN, RowKind.SALDO]


def test_no_programmes_is_an_error_not_a_crash() -> None:
    report, problems = build_report([make_page(1, [(100, [("Alleen tekst.", 72)])])],
                                    file="x.pdf")
    assert report.programmes == ()
    assert {p.code for p in problems} >= {"PDF-PROGRAMME-NONE", "PDF-DOC-KIND"}


def test_options_override_the_document() -> None:
    options = StructureOptions(organisation="Teststad", kind=DocumentKind.JAARSTUKKEN, year=2024)
    report, _ = build_report(_doc(_finance_rows()), file="t.pdf", options=options)
    assert (report.organisation.name, report.document.kind, report.document.year) == (
        "Teststad", DocumentKind.JAARSTUKKEN, 2024)


_TEXT = st.text(alphabet=st.sampled_from(list("Pab 0123456789.,-€%()?:\"'Wat ")), max_size=40)
_LINE = st.tuples(st.floats(0, 840), st.lists(st.tuples(_TEXT.filter(bool), st.floats(0, 560)),
                                               min_size=1, max_size=6), st.floats(4, 30))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_LINE, max_size=25), min_size=1, max_size=4))
def test_structure_recognition_never_raises(pages: list[list[tuple[float, list[
        tuple[str, float]], float]]]) -> None:
    built = [Page(number=n, width=595.0, height=842.0,
                  lines=tuple(make_line(top, parts, size) for top, parts, size in lines))
             for n, lines in enumerate(pages, start=1)]
    report, problems = build_report(built, file="fuzz.pdf")
    assert report.document.year >= 1900
    assert all(p.location.file in (None, "fuzz.pdf") for p in problems)


def test_a_crashing_stage_becomes_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from rekenschap.importers.pdf import structure

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(structure, "find_taakveld_tables", boom)
    report, problems = build_report(_doc(_finance_rows()), file="t.pdf")
    assert [p.code for p in problems] == ["PDF-STAGE-FAILED"]
    assert "taakvelden" in problems[0].message and "kapot" in problems[0].message
    assert report.programmes[0].finance is not None  # the other stages' work is kept

"""Unit tests of the PDF structure stages on small hand-made inputs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.importers_pdf.pages import make_page

from rekenschap.importers.pdf.columns import ColumnContext, map_column
from rekenschap.importers.pdf.consistency import finance_problems
from rekenschap.importers.pdf.explanations import _amount
from rekenschap.importers.pdf.finance import row_kind
from rekenschap.importers.pdf.flow import build_flow
from rekenschap.importers.pdf.sections import Question, match_programme_heading, match_w_section
from rekenschap.model import (
    ColumnKind,
    DocumentKind,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    RowKind,
    Severity,
    SignConvention,
)

JS = ColumnContext(kind=DocumentKind.JAARSTUKKEN, year=2023)
BG = ColumnContext(kind=DocumentKind.BEGROTING, year=2024)


@pytest.mark.parametrize(("label", "ctx", "kind", "year"), [
    ("Begroting 2023 primair", JS, ColumnKind.ORIGINAL_BUDGET, 2023),
    ("Begroting 2023 na wijziging", JS, ColumnKind.AMENDED_BUDGET, 2023),
    ("Realisatie 2023", JS, ColumnKind.ACTUAL, 2023),
    ("Verschil 2023 Begr. na wijz. / realisatie", JS, ColumnKind.DIFFERENCE, 2023),
    ("Rekening 2022", BG, ColumnKind.PRIOR_ACTUAL, 2022),
    ("Begroting 2023", BG, ColumnKind.PRIOR_BUDGET, 2023),
    ("Begroting 2024", BG, ColumnKind.BUDGET, 2024),
    ("Begroting 2026", BG, ColumnKind.ESTIMATE, 2026),
])
def test_columns_map_by_words_and_year(label: str, ctx: ColumnContext, kind: ColumnKind,
                                       year: int) -> None:
    column, problem = map_column(label, 0, ctx, taken=set())
    assert (column.kind, column.year, problem) == (kind, year, None)
    assert column.key == f"{kind.value}_{year}"


def test_an_unmappable_column_is_other_and_reported() -> None:
    column, problem = map_column("Begroting 2023", 2, JS, taken=set())  # primair? na wijziging?
    assert column.kind is ColumnKind.OTHER
    assert problem is not None and problem.code == "PDF-FIN-COLUMN"
    assert "column 3" in problem.message


def test_duplicate_column_keys_get_a_suffix() -> None:
    column, _ = map_column("Begroting 2026", 4, BG, taken={"estimate_2026"})
    assert column.key == "estimate_2026_2"


@pytest.mark.parametrize(("label", "kind"), [
    ("Totaal baten", RowKind.BATEN), ("Lasten", RowKind.LASTEN),
    ("Totaal lasten Lasten", RowKind.LASTEN), ("Saldo van baten en lasten Saldo", RowKind.SALDO),
    ("Onttrekking reserves", RowKind.RESERVE_WITHDRAWAL),
    ("Toevoeging aan reserves", RowKind.RESERVE_ADDITION),
    ("Mutaties reserves", RowKind.RESERVE_MUTATIONS), ("Geraamde resultaat", RowKind.RESULT),
    ("Programma resultaat", RowKind.RESULT), ("Tractie", None),
])
def test_row_kinds(label: str, kind: RowKind | None) -> None:
    assert row_kind(label) is kind


def _table(saldo: int, convention: SignConvention = SignConvention.LASTEN_NEGATIVE,
           lasten: int = -4346) -> FinanceTable:
    cols = (FinanceColumn(key="actual_2023", kind=ColumnKind.ACTUAL, label="Realisatie 2023"),)
    rows = tuple(FinanceRow(kind=k, label=k.value, values={"actual_2023": Decimal(v)})
                 for k, v in [(RowKind.BATEN, 1101), (RowKind.LASTEN, lasten),
                              (RowKind.SALDO, saldo)])
    return FinanceTable(columns=cols, rows=rows, sign_convention=convention)


def test_consistent_table_has_no_problems() -> None:
    assert finance_problems(_table(-3245), file="f.pdf", path="p") == []
    positive = _table(-3245, SignConvention.POSITIVE, lasten=4346)
    assert finance_problems(positive, file="f.pdf", path="p") == []


def test_rounding_is_a_notice_and_a_real_gap_is_left_to_the_checks() -> None:
    """A broken sum is FIN-SALDO's (checks own arithmetic: tests/checks/test_arithmetic_once.py);
    the importer only remarks on rounding, which the checks tolerate."""
    (rounding,) = finance_problems(_table(-3244), file="f.pdf", path="programmes[0].finance")
    assert (rounding.code, rounding.severity) == ("PDF-FIN-ROUNDING", Severity.NOTICE)
    assert "printed -3244, computed -3245" in rounding.message
    assert rounding.location.path == "programmes[0].finance"
    assert finance_problems(_table(-3200), file="f.pdf", path="programmes[0].finance") == []


@pytest.mark.parametrize(("note", "amount"), [
    ("per saldo nadelig € 42.000", Decimal(-42000)),
    ("nadeel hogere lasten € 40.000", Decimal(-40000)),
    ("voordeel lagere lasten € 33 .000", Decimal(33000)),
    ("per saldo neutraal: lagere lasten € 85.000 en lagere baten € 85.000", Decimal(0)),
    ("voordeel hogere baten € 23.000, voordeel lagere lasten € 38.000, per saldo voordelig "
     "€ 61.000", Decimal(61000)),
    ("per saldo voordeel lagere lasten € 29.000", Decimal(29000)),
    ("hogere baten € 10.000, hogere lasten € 12.000", None),
])
def test_explanation_amounts(note: str, amount: Decimal | None) -> None:
    assert _amount(note)[0] == amount


@pytest.mark.parametrize(("text", "question"), [
    ('Doelstelling: "Wat wilden we bereiken ?"', Question.GOALS),
    ("Wat gaan we daarvoor doen ?", Question.ACTIVITIES),
    ("Belangrijkste resultaten 2023", Question.ACTIVITIES),
    ("Wat heeft het gekost ?", Question.FINANCE),
    ("Wat mag het kosten?", Question.FINANCE),
    ("Effectindicatoren", Question.INDICATORS),
    ("Toelichting op verschillen tussen begroot actueel/werkelijk >= € 50.000",
     Question.EXPLANATION),
    ("Het college wil bereiken dat iedereen meedoet.", None),
])
def test_w_sections(text: str, question: Question | None) -> None:
    assert match_w_section(text) is question


def test_programme_headings_and_table_of_contents() -> None:
    heading = match_programme_heading("P1 Veiligheid en handhaving")
    assert heading is not None
    assert (heading.code, heading.name) == ("P1", "Veiligheid en handhaving")
    numbered = match_programme_heading("Programma 2: Mens en Maatschappij")
    assert numbered is not None and (numbered.code, numbered.number) == ("2", "2")
    assert match_programme_heading("P1 Veiligheid en handhaving ........ 19") is None
    assert match_programme_heading("Programma 3 is het grootste programma") is None


def test_page_numbers_and_running_headers_do_not_leak() -> None:
    pages = [make_page(n, [(30, [("Gemeente Teststad - Begroting 2025", 72)]),
                           (100, [(f"Tekst op pagina {n}", 72)]),
                           (800, [(str(n), 500)])]) for n in range(1, 9)]
    flow = build_flow(pages)
    assert [fl.text for fl in flow] == [f"Tekst op pagina {n}" for n in range(1, 9)]
    assert [(fl.page, fl.number) for fl in flow][:2] == [(1, 2), (2, 2)]


def test_taakveld_total_is_checked_against_the_programme_saldo() -> None:
    from rekenschap.importers.pdf.taakvelden import TaakveldTable, attach_taakvelden
    from rekenschap.model import MoneyUnit, Programme

    finance = FinanceTable(
        unit=MoneyUnit(scale=1000),
        columns=(FinanceColumn(key="actual_2023", kind=ColumnKind.ACTUAL, label="Realisatie",
                               year=2023),),
        rows=(FinanceRow(kind=RowKind.SALDO, label="Saldo", values={"actual_2023": -4145}),))
    programme = Programme(code="P1", name="Veiligheid", finance=finance)

    def taakvelden(total: int) -> TaakveldTable:
        col = FinanceColumn(key="actual_2023_saldo", kind=ColumnKind.ACTUAL,
                            label="Realisatie 2023 Saldo", year=2023)
        row = FinanceRow(kind=RowKind.SALDO, label="Saldo van baten en lasten programma",
                         values={"actual_2023_saldo": Decimal(total)})
        return TaakveldTable("1", FinanceTable(columns=(col,), rows=(row,)), ("1.1", "1.2"))

    ok, problems = attach_taakvelden([programme], [taakvelden(-4145095)], file="f.pdf")
    assert problems == [] and ok[0].taakvelden == ("1.1", "1.2")
    assert ok[0].taakveld_finance is not None
    _, problems = attach_taakvelden([programme], [taakvelden(-4245095)], file="f.pdf")
    assert [p.code for p in problems] == ["PDF-TAAKVELD-SUM"]

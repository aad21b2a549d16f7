"""Iv3 reconciliation of programme finance tables against the sum of their taakvelden."""

from __future__ import annotations

from decimal import Decimal

from rekenschap.importers.iv3 import load_iv3
from rekenschap.importers.opendata_reconcile import phase_of, reconcile_report
from rekenschap.model import (
    Document,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    MoneyUnit,
    Organisation,
    Programme,
    Report,
)

IV3 = """Gemeenten;Taakveld;Baten;Lasten;Inwonertal
Wassenaar;1.1 Crisisbeheersing en brandweer;0.0;2686.0;27093
Wassenaar;1.2 Openbare orde en veiligheid;136.0;1553.0;27093
"""


class Figures:
    """The Iv3Figures interface over one inline file (year 2023, jaarrekening)."""

    def __init__(self) -> None:
        self.table, problems = load_iv3("2023_jaarrekening.csv", text=IV3,
                                        register={"wassenaar": "GM0629"})
        assert problems == []

    def amounts(self, cbs_code: str, year: int, phase: str,
                taakveld: str) -> tuple[Decimal, Decimal] | None:
        if (year, phase) != (2023, "jaarrekening"):
            return None
        return self.table.amounts(cbs_code, taakveld)


def _table(lasten: int, baten: int, scale: int = 1, negative: bool = True) -> FinanceTable:
    return FinanceTable(
        unit=MoneyUnit(scale=scale),
        sign_convention="lasten_negative" if negative else "positive",
        columns=(FinanceColumn(key="begroot", kind="amended_budget", label="Na wijziging",
                               year=2023),
                 FinanceColumn(key="real", kind="actual", label="Realisatie", year=2023)),
        rows=(FinanceRow(kind="lasten", label="Lasten", values={"real": lasten}),
              FinanceRow(kind="baten", label="Baten", values={"real": baten})))


def _report(*programmes: Programme, code: str | None = "GM0629",
            kind: str = "jaarstukken") -> Report:
    return Report(organisation=Organisation(name="Wassenaar", cbs_code=code),
                  document=Document(kind=kind, year=2023), programmes=programmes)


def test_agreeing_programme_in_euros_with_negative_lasten_gives_no_problem() -> None:
    """Wassenaar jaarstukken 2023: taakveld 1.2 is 136.085 / -1.553.291 euro."""
    report = _report(Programme(name="Veiligheid", taakvelden=("1.2",),
                               finance=_table(-1553291, 136085)))
    results, problems = reconcile_report(report, Figures())
    assert problems == []
    assert [(r.kind.value, r.document, r.iv3, r.agrees) for r in results] == [
        ("baten", Decimal(136085), Decimal("136000.0"), True),
        ("lasten", Decimal(1553291), Decimal("1553000.0"), True)]


def test_difference_names_both_amounts_and_the_taakvelden() -> None:
    report = _report(Programme(name="Veiligheid", taakvelden=("1.1", "1.2", "9.9"),
                               finance=_table(5000, 136, scale=1000, negative=False)))
    results, problems = reconcile_report(report, Figures())
    assert [p.code for p in problems] == ["IV3-TAAKVELD"]
    message = problems[0].message
    assert "5.000.000" in message and "4.239.000" in message
    assert "1.1, 1.2" in message and "no Iv3 figures for 9.9" in message
    assert problems[0].location.path == "programmes[0].finance.rows[0]"
    lasten = next(r for r in results if r.kind.value == "lasten")
    assert lasten.difference == Decimal(761000)
    assert not lasten.agrees


def test_tolerance_covers_rounding_and_the_relative_margin() -> None:
    # 1% of 4.239.000 = 42.390, plus 2 x 500 Iv3 rounding, plus 500 table rounding.
    near = _report(Programme(name="V", taakvelden=("1.1", "1.2"),
                             finance=_table(4282, 136, scale=1000, negative=False)))
    assert reconcile_report(near, Figures())[1] == []
    strict = reconcile_report(near, Figures(), relative=Decimal(0))[1]
    assert [p.code for p in strict] == ["IV3-TAAKVELD"]


def test_subprogrammes_are_reconciled_with_their_path() -> None:
    sub = Programme(name="Sub", level="deelprogramma", taakvelden=("1.2",),
                    finance=_table(-9999999, 136085))
    report = _report(Programme(name="Top", subprogrammes=(sub,)))
    _, problems = reconcile_report(report, Figures())
    assert [p.location.path for p in problems] == ["programmes[0].subprogrammes[0].finance.rows[0]"]


def test_missing_inputs_are_notices_not_crashes() -> None:
    no_code = _report(Programme(name="V", taakvelden=("1.2",), finance=_table(1, 1)), code=None)
    assert [p.code for p in reconcile_report(no_code, Figures())[1]] == ["IV3-NO-CBS-CODE"]
    begroting = _report(Programme(name="V", taakvelden=("1.2",), finance=_table(1, 1)),
                        kind="begroting")
    assert phase_of(begroting) == "begroting"
    # the amended-budget column has no values and Iv3 has no begroting 2023 here
    assert [p.code for p in reconcile_report(begroting, Figures())[1]] == ["IV3-NO-DATA"]
    no_data = _report(Programme(name="V", taakvelden=("7.7",), finance=_table(1, 1)))
    assert [p.code for p in reconcile_report(no_data, Figures())[1]] == ["IV3-NO-DATA"]
    untouched = _report(Programme(name="V", finance=_table(1, 1)))
    assert reconcile_report(untouched, Figures()) == ([], [])


def test_table_without_a_column_of_the_year_is_a_notice() -> None:
    table = FinanceTable(columns=(FinanceColumn(key="r22", kind="actual", label="Realisatie 2022",
                                                year=2022),),
                         rows=(FinanceRow(kind="lasten", label="Lasten", values={"r22": 1}),))
    report = _report(Programme(name="V", taakvelden=("1.2",), finance=table))
    assert [p.code for p in reconcile_report(report, Figures())[1]] == ["IV3-NO-COLUMN"]

"""The checks on real imports of the corpus (needs ../shared and the PDF importer).

What is asserted here was verified by reading the pages of Wassenaar's jaarstukken 2023:
- p. 23, 37, 47, 64, 82: the programme tables add up (saldo, Verschil, reserves); P5's Verschil on
  onttrekking reserves prints -119 for 213 - 333 = -120, within the rounding tolerance;
- p. 47: P3 Bestuur en middelen, Totaal lasten -19.783 against -18.791 na wijziging (-992): an
  overrun the council must authorise; pp. 47-48 explain it (Voorziening bovenwettelijk verlof
  € 566.000, Onderhoud openbare ruimte € 171.000, ...);
- p. 86: Lopende re-integratievoorzieningen and Cliënten met een maatwerkarrangement WMO are printed
  "per 1.000 inwoners" (BBV: per 10.000), Huishoudens met een bijstandsuitkering has the unit
  "Aantal huishoudens in NL" with values in %, Vestigingen "15 t/m 65 jaar" (BBV: 15-64); Halt
  "Aantal per 1.000 jongeren" is the BBV unit without its age range.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from tests.conftest import corpus_file

from rekenschap.checks import run_checks
from rekenschap.model import Problem, Report

pytestmark = pytest.mark.corpus


@lru_cache(maxsize=1)
def _jaarstukken_2023() -> tuple[Report, tuple[Problem, ...]]:
    from rekenschap.importers import import_path

    report, problems = import_path(corpus_file("wassenaar", "jaarstukken-2023.pdf"))
    if report is None or not any(p.finance for p in report.programmes):
        pytest.skip("the PDF importer does not yet produce programme tables: "
                    + ", ".join(sorted({p.code for p in problems})[:3]))
    return report, tuple(run_checks(report))


def test_arithmetic_agrees_with_the_pages() -> None:
    from rekenschap.model import ColumnKind, RowKind

    report, problems = _jaarstukken_2023()
    tables = [p.finance for p in report.programmes if p.finance]
    full = [t for t in tables if t.column(ColumnKind.DIFFERENCE) and t.row(RowKind.RESULT)]
    assert len(full) == 5
    bad = [p.format() for p in problems
           if p.code in {"FIN-SALDO", "FIN-SIGN", "FIN-DIFFERENCE", "FIN-RESERVES",
                         "CHECK-CRASHED"}]
    assert bad == []


def test_the_one_overrun_is_p3_on_page_47() -> None:
    _, problems = _jaarstukken_2023()
    overruns = [p for p in problems if p.code == "FIN-OVERRUN"]
    assert len(overruns) == 1
    assert overruns[0].location.page == 47 and "by 992" in overruns[0].message
    assert "an explanation is present" in overruns[0].message


def test_wassenaar_threshold_applies_without_a_cbs_code_in_the_document() -> None:
    _, problems = _jaarstukken_2023()
    unexplained = [p for p in problems if p.code == "FIN-VARIANCE-UNEXPLAINED"]
    assert all("(catalogue: >= € 50.000)" in p.message for p in unexplained)


def test_units_that_differ_from_the_bbv_on_page_86() -> None:
    _, problems = _jaarstukken_2023()
    flagged = {p.message.split(":")[0] for p in problems if p.code == "IND-UNIT"}
    assert {"Lopende re-integratievoorzieningen", "Huishoudens met een bijstandsuitkering",
            "Cliënten met een maatwerkarrangement WMO", "Vestigingen (van bedrijven)"} <= flagged
    assert not flagged & {"Verwijzingen Halt", "Banen", "Niet-sporters", "Winkeldiefstallen",
                          "Jongeren met jeugdhulp", "Omvang huishoudelijk restafval"}


@pytest.mark.parametrize("name", ["begroting-2024.pdf", "begroting-2026.pdf"])
def test_budget_tables_add_up(name: str) -> None:
    """Wassenaar's programme budgets: six columns (rekening, begroting t-1, t, t+1..t+3), lasten
    negative; saldo, mutaties reserves and resultaat add up in every column of every programme."""
    from rekenschap.importers import import_path
    from rekenschap.model import RowKind

    report, _ = import_path(corpus_file("wassenaar", name))
    tables = [p.finance for p in report.all_programmes() if p.finance] if report else []
    if not tables:
        pytest.skip(f"the PDF importer does not yet produce programme tables for {name}")
    checked = [t for t in tables if t.row(RowKind.SALDO) and t.row(RowKind.RESULT)]
    assert len(checked) >= 4  # the arithmetic below is not vacuous
    bad = [p.format() for p in run_checks(report)
           if p.code in {"FIN-SALDO", "FIN-SIGN", "FIN-RESERVES", "CHECK-CRASHED"}]
    assert bad == []

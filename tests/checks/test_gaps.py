"""Checks over the fields that closed the import gaps: FIN-TOTALS against the document overview,
IND-BENCHMARK and its narrative sentence, and variance items in their own unit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.checks.helpers import by_code, report_from_yaml
from tests.conftest import corpus_file

from rekenschap.checks import run_checks
from rekenschap.checks.explained import explain
from rekenschap.checks.narrative import benchmark_sentence, sentences
from rekenschap.model import Report, RowKind

# P1 of Wassenaar's jaarstukken 2023, p. 23 (x € 1.000, lasten negative), and its line in the
# recapitulatie on p. 18; the overview's realisatie lasten is changed to -6.600 in one test.
P1 = """
schema: rekenschap/report@1
organisation: {name: Wassenaar}
document: {kind: jaarstukken, year: 2023}
unit: {scale: 1000}
programmes:
- code: P1
  name: Veiligheid en handhaving
  finance:
    unit: {scale: 1000}
    sign_convention: lasten_negative
    columns:
    - {key: na_wijziging, kind: amended_budget, label: Begroting 2023 na wijziging, year: 2023}
    - {key: realisatie, kind: actual, label: Realisatie 2023, year: 2023}
    rows:
    - {kind: baten, label: Totaal baten, values: {na_wijziging: 2631, realisatie: 2483},
       provenance: {file: j.pdf, page: 23, line: 10}}
    - {kind: lasten, label: Totaal lasten, values: {na_wijziging: -6875, realisatie: -6628},
       provenance: {file: j.pdf, page: 23, line: 11}}
"""
OVERVIEW = """
overview:
  title: Recapitulatie
  unit: {scale: %(scale)s}
  sign_convention: %(convention)s
  columns:
  - {key: actual_2023, kind: actual, label: Realisatie 2023, year: 2023}
  - {key: amended_budget_2023, kind: amended_budget, label: Begroting na wijziging 2023,
     year: 2023}
  rows:
  - {kind: baten, label: P1 Veiligheid en handhaving, ref: P1,
     values: {actual_2023: %(baten)s, amended_budget_2023: %(baten_b)s},
     provenance: {file: j.pdf, page: 18, line: 9}}
  - {kind: lasten, label: P1 Veiligheid en handhaving, ref: P1,
     values: {actual_2023: %(lasten)s, amended_budget_2023: %(lasten_b)s},
     provenance: {file: j.pdf, page: 18, line: 9}}
  - {kind: lasten, label: Overhead, values: {actual_2023: -14740}}
"""
TOTAL = """
  - {kind: lasten, label: Saldo van baten en lasten (1), values: {actual_2023: %(total)s},
     provenance: {file: j.pdf, page: 18, line: 20}}
"""


def _report(total: str | None = None, **kw: object) -> Report:
    values = {"scale": 1000, "convention": "lasten_negative", "baten": 2483, "baten_b": 2631,
              "lasten": -6628, "lasten_b": -6875, **kw}
    extra = TOTAL % {"total": total} if total is not None else ""
    return report_from_yaml(P1 + OVERVIEW % values + extra)


def test_programme_agrees_with_the_overview() -> None:
    assert by_code(_report(), "FIN-TOTALS") == []


def test_a_difference_with_the_overview_names_both_amounts_and_pages() -> None:
    (found,) = by_code(_report(lasten=-6600), "FIN-TOTALS")
    assert found.location.page == 18 and found.location.path == "overview.rows[1]"
    assert "lasten, Realisatie 2023" in found.message
    assert "-6.628 (p. 23)" in found.message and "-6.600 (p. 18)" in found.message


def test_a_programme_difference_is_a_notice_when_the_document_total_agrees() -> None:
    """The overview moved part of P1 to a line of its own; the document total still agrees."""
    (found,) = by_code(_report(lasten=-6600, total="-6628"), "FIN-TOTALS")
    assert found.severity.value == "notice" and found.location.path == "overview.rows[1]"
    assert "the document totals agree" in found.message


def test_notices_are_grouped_per_overview_row_with_the_cells_listed() -> None:
    """Both columns of P1's lasten differ while both document totals agree: one notice for the
    row, not one per cell, at the overview row's place."""
    two = TOTAL.replace("values: {actual_2023: %(total)s}",
                        "values: {actual_2023: %(total)s, amended_budget_2023: -6875}")
    values = {"scale": 1000, "convention": "lasten_negative", "baten": 2483, "baten_b": 2631,
              "lasten": -6600, "lasten_b": -6800}
    report = report_from_yaml(P1 + OVERVIEW % values + two % {"total": "-6628"})
    (found,) = by_code(report, "FIN-TOTALS")
    assert found.severity.value == "notice"
    assert (found.location.page, found.location.line, found.location.path) == (
        18, 9, "overview.rows[1]")
    assert found.message == (
        "P1 Veiligheid en handhaving, lasten: the programme's table (p. 23) and the overview "
        "(p. 18) differ in 2 column(s), x 1.000 euro: Realisatie 2023: table -6.628, overview "
        "-6.600, difference 28; Begroting na wijziging 2023: table -6.875, overview -6.800, "
        "difference 75; the document totals agree, so the overview shows this part of the "
        "programme on other lines (algemene dekkingsmiddelen, overhead ...)")


def test_a_document_total_that_differs_from_the_programmes_is_an_error() -> None:
    found = by_code(_report(lasten=-6600, total="-6700"), "FIN-TOTALS")
    assert [(p.severity.value, p.location.path) for p in found] == [
        ("error", "overview.rows[3]"), ("error", "overview.rows[1]")]
    assert found[0].message == (
        "Saldo van baten en lasten (1), lasten, Realisatie 2023: the overview says 6.700.000 "
        "euro (p. 18) but the programme tables add up to 6.628.000 euro")
    assert by_code(_report(total="-6628"), "FIN-TOTALS") == []


def test_the_overview_may_use_another_scale_and_sign_convention() -> None:
    same = _report(scale=1, convention="positive", baten=2483000, baten_b=2631000,
                   lasten=6628000, lasten_b=6875000)
    assert by_code(same, "FIN-TOTALS") == []
    off = _report(scale=1, convention="positive", baten=2483000, baten_b=2631000,
                  lasten=6638000, lasten_b=6875000)
    (found,) = by_code(off, "FIN-TOTALS")
    assert "6.638.000" in found.message and "-6.628" in found.message


def test_within_one_unit_of_the_coarser_table_is_rounding() -> None:
    assert by_code(_report(scale=1, convention="positive", baten=2483400, baten_b=2631000,
                           lasten=6628000, lasten_b=6875000), "FIN-TOTALS") == []


@pytest.mark.corpus
def test_wassenaar_jaarstukken_programmes_against_the_recapitulatie() -> None:
    """Checked against p. 18 (recapitulatie) and the programme tables p. 23, 37, 47, 64, 82: P1, P2
    and P4 agree; P3 (p. 47 includes the algemene dekkingsmiddelen and overhead) and P5 baten
    differ, but the document totals agree (baten 85.960 = 2.483 + 9.688 + 59.468 + 2.361 +
    11.960), so the overview only shows those amounts on lines of their own: notices."""
    from rekenschap.importers.pdf.extract import extract_pages
    from rekenschap.importers.pdf.structure import StructureOptions, build_report

    path = corpus_file("wassenaar", "jaarstukken-2023.pdf")
    pages, _ = extract_pages(path)
    report, _ = build_report(pages, file="jaarstukken-2023.pdf",
                             options=StructureOptions(source=str(path)))
    found = [p for p in run_checks(report) if p.code == "FIN-TOTALS"]
    # one notice per overview row (P3 baten, lasten, saldo; P5 baten, saldo), not per cell
    assert [p.message.split(":")[0] for p in found] == [
        "P3 Bestuur en middelen, baten", "P3 Bestuur en middelen, lasten",
        "P3 Bestuur en middelen, saldo", "P5 Natuur, klimaat en mobiliteit, baten",
        "P5 Natuur, klimaat en mobiliteit, saldo"]
    assert all(p.location.page == 18 and p.severity.value == "notice" for p in found)
    p5_baten = [p.message for p in found if p.message.startswith("P5 Natuur, klimaat en "
                                                                 "mobiliteit, baten")]
    assert p5_baten == ["P5 Natuur, klimaat en mobiliteit, baten: the programme's table (p. 82) "
                        "and the overview (p. 18) differ in 3 column(s), x 1.000 euro: "
                        "Begroting primair 2023: table 11.237, overview 8.807, difference "
                        "2.430; Begroting na wijziging 2023: table 12.918, overview 10.488, "
                        "difference 2.430; Realisatie 2023: table 11.960, overview 10.035, "
                        "difference 1.925; the document totals agree, so the overview shows "
                        "this part of the programme on other lines (algemene dekkingsmiddelen, "
                        "overhead ...)"]


INDICATOR = """
schema: rekenschap/report@1
organisation: {name: Wassenaar}
document: {kind: jaarstukken, year: 2023}
programmes:
- code: P1
  name: Veiligheid
  indicators:
  - name: Winkeldiefstallen
    unit: {kind: rate, per: 1000, population: inwoners}
    %(target)s
    observations:
    - {period: '2023', value: %(own)s}
    benchmarks:
    - region: Nederland
      region_code: NL01
      observations:
      - {period: '%(period)s', value: 2.5}
      provenance: {file: j.pdf, page: 86, line: 9}
"""


def _indicator(own: str = "0.9", target: str = "target: {direction: down}",
               period: str = "2023") -> Report:
    return report_from_yaml(INDICATOR % {"own": own, "target": target, "period": period})


def test_benchmark_notice_when_on_the_wrong_side_of_nederland() -> None:
    (found,) = by_code(_indicator(own="3.1"), "IND-BENCHMARK")
    assert found.message == ("Winkeldiefstallen: 3,1 (2023) is above the Nederland value 2,5 "
                             "(2023) while the desired direction is afname (down)")
    assert found.location.page == 86
    assert found.location.path == "programmes[0].indicators[0].benchmarks[0]"


@pytest.mark.parametrize("kw", [{"own": "0.9"}, {"own": "3.1", "target": ""},
                                {"own": "3.1", "period": "2022"},
                                {"own": "0.9", "target": "target: {direction: up}"}])
def test_no_benchmark_notice(kw: dict[str, str]) -> None:
    expect = 1 if kw.get("target") == "target: {direction: up}" else 0
    assert len(by_code(_indicator(**kw), "IND-BENCHMARK")) == expect


def test_benchmark_sentence_in_dutch_and_english() -> None:
    ind = _indicator().programmes[0].indicators[0]
    assert benchmark_sentence(ind) == ("Het aantal winkeldiefstallen per 1.000 inwoners ligt in "
                                       "2023 met 0,9 onder het landelijk gemiddelde (2,5).")
    assert benchmark_sentence(ind, "en") == ("The number of winkeldiefstallen per 1,000 "
                                             "inhabitants was below the national average (2.5) "
                                             "at 0.9 in 2023.")
    above = _indicator(own="3.1").programmes[0].indicators[0]
    assert "ligt in 2023 met 3,1 boven het landelijk gemiddelde (2,5)." in (
        benchmark_sentence(above) or "")
    assert [s.kind for s in sentences(_indicator())] == ["trend", "benchmark"]
    assert benchmark_sentence(_indicator(period="2022").programmes[0].indicators[0]) is None


# The Wassenaar P1 lasten variance (p. 23): na wijziging -6.875, realisatie -6.628, i.e.
# € 247.000 less; the toelichting (p. 24) explains "Aanpak ondermijning" with € 40.000.
def _variance_report(amount: str, unit: str = "") -> Report:
    return report_from_yaml(P1 + f"""
  explanations:
  - title: Toelichting op verschillen >= € 50.000
    items:
    - title: Aanpak ondermijning
      amount: {amount}
      kind: lasten
      {unit}
""")


@pytest.mark.parametrize(("amount", "unit", "covered"), [
    ("-40000", "", "€ 40.000"),                    # whole euros, as printed
    ("-40", "unit: {scale: 1000}", "€ 40.000"),    # the same amount in x € 1.000
    ("-200", "unit: {scale: 1000}", "€ 200.000"),  # enough to cover half of € 247.000
])
def test_variance_items_are_converted_to_euros(amount: str, unit: str, covered: str) -> None:
    programme = _variance_report(amount, unit).programmes[0]
    found = explain(programme, RowKind.LASTEN, Decimal(-247000), Decimal(50))
    assert f"{covered} of € 247.000" in found.found
    assert found.explained is (covered == "€ 200.000")


def test_an_item_in_thousands_read_as_euros_would_not_cover() -> None:
    """Without the unit, 200 would be € 200 and the variance unexplained."""
    programme = _variance_report("-200").programmes[0]
    found = explain(programme, RowKind.LASTEN, Decimal(-247000), Decimal(50))
    assert not found.explained and "€ 200 of € 247.000" in found.found

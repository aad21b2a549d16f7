"""Beleidsindicatoren with realisation columns (begroting 2021-2024 layout), hand-made lines."""

from __future__ import annotations

from decimal import Decimal

from tests.importers_pdf.flowlines import flow_line

from rekenschap.importers.pdf.realised_table import find_realised_indicators
from rekenschap.importers.pdf.yeartable import find_year_indicators
from rekenschap.model import ObservationQualifier

HEADER = [
    flow_line(1, 100, ("Nr.", 72, 85), ("Beleidsindicator", 94, 174), ("Eenheid", 221, 260),
              ("Bron", 349, 371), ("Voorgaande", 430, 477), ("Laatst", 505, 528),
              ("Landelijk", 544, 579)),
    flow_line(2, 113, ("laatst", 456, 477), ("bekende", 496, 528), ("vergelijking", 533, 579)),
    flow_line(3, 126, ("bekende", 445, 477), ("realisatie", 492, 528), ("cijfer", 559, 579)),
    flow_line(4, 139, ("realisatie", 441, 477)),
]


def test_rows_with_glued_name_and_unit_and_years_below() -> None:
    lines = [*HEADER,
             flow_line(5, 152, ("16", 72, 82),
                       ("Vestigingen (van bedrijven)Aantal per 1.000 inwoners", 93, 339),
                       ("LISA", 348, 369), ("153,7", 453, 477), ("157,3", 504, 528),
                       ("151,6", 555, 579)),
             flow_line(6, 166, ("in de leeftijd van 15 t/m 64", 221, 344), ("(2018)", 447, 477),
                       ("(2019)", 498, 528), ("(2019)", 549, 579)),
             flow_line(7, 180, ("jaar", 220, 238)),
             flow_line(8, 194, ("01", 71, 82), ("Formatie", 93, 132),
                       ("Fte per 1.000 inwoners", 215, 318), ("Eigen gegevens", 349, 402),
                       ("0,17 (2018)", 429, 477), ("45,4 %", 496, 528), ("n.v.t.", 557, 579)),
             flow_line(9, 240, ("Toelichting beleidsindicatoren", 71, 222))]
    found, problems = find_realised_indicators(lines, file="b.pdf", path="p[3]")
    assert problems == []
    vest, formatie = found
    assert (vest.name, vest.source) == ("Vestigingen (van bedrijven)", "LISA")
    assert vest.unit is not None
    assert vest.unit.label == "Aantal per 1.000 inwoners in de leeftijd van 15 t/m 64 jaar"
    assert [(o.period, o.value) for o in vest.observations] == [
        ("2018", Decimal("153.7")), ("2019", Decimal("157.3"))]
    assert [(b.region, b.observations[0].period, b.observations[0].value)
            for b in vest.benchmarks] == [("Nederland", "2019", Decimal("151.6"))]
    assert [(o.period, o.value, o.printed) for o in formatie.observations] == [
        (None, Decimal("45.4"), "45,4 %"), ("2018", Decimal("0.17"), "0,17")]
    assert formatie.benchmarks[0].observations[0].qualifier is ObservationQualifier.NOT_APPLICABLE


def test_a_value_that_is_no_number_is_reported_and_left_out() -> None:
    lines = [*HEADER,
             flow_line(5, 152, ("14", 72, 82), ("Functiemenging", 93, 164), ("%", 221, 230),
                       ("LISA", 348, 369), ("zie tekst", 440, 477), ("46,1 %", 496, 528),
                       ("-", 576, 579))]
    (ind,), problems = find_year_indicators(lines, file="b.pdf", path="p[3]")
    assert [o.value for o in ind.observations] == [Decimal("46.1")]
    assert ind.benchmarks == ()
    assert [p.code for p in problems] == ["PDF-IND-YEARS-VALUE"]
    assert "'zie tekst'" in problems[0].message


def test_a_header_without_rows_is_reported() -> None:
    lines = [*HEADER, flow_line(5, 200, ("Toelichting beleidsindicatoren", 71, 222))]
    assert [p.code for p in find_realised_indicators(lines, file="b.pdf", path="p")[1]] == [
        "PDF-IND-YEARS-EMPTY"]

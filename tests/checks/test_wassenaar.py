"""Arithmetic and variance checks on finance tables transcribed from Wassenaar's jaarstukken 2023.

The three programme tables below (P1 p. 23, P2 p. 37, P3 p. 47; lasten printed negative,
'"-" = nadeel / "+" = voordeel', Verschil = realisatie - begroting na wijziging as printed) are
transcribed by hand; ``test_transcription_matches_the_pdf`` checks every row against the PDF text.
"""

from __future__ import annotations

import pytest
from tests.checks.helpers import codes, report_from_yaml
from tests.conftest import corpus_file

from rekenschap.checks import run_checks
from rekenschap.model import Report

COLUMNS = """
    columns:
    - {key: primair, kind: original_budget, label: Begroting 2023 primair, year: 2023}
    - {key: na_wijziging, kind: amended_budget, label: Begroting 2023 na wijziging, year: 2023}
    - {key: realisatie, kind: actual, label: Realisatie 2023, year: 2023}
    - {key: verschil, kind: difference, label: Verschil 2023, year: 2023}
"""
ROWS = {  # page, programme, rows as printed (label, kind, four values)
    "P1": (23, "Veiligheid en handhaving", [
        ("Totaal baten", "baten", "1.101 2.631 2.483 -148"),
        ("Totaal lasten", "lasten", "-4.346 -6.875 -6.628 247"),
        ("Saldo van baten en lasten", "saldo", "-3.245 -4.244 -4.145 99"),
        ("Onttrekking reserves", "reserve_withdrawal", "0 278 0 -278"),
        ("Toevoeging reserves", "reserve_addition", "0 0 0 0"),
        ("Mutaties reserves", "reserve_mutations", "0 278 0 -278"),
        ("Programma resultaat", "result", "-3.245 -3.966 -4.145 -179")]),
    "P2": (37, "Mens en maatschappij", [
        ("Totaal baten", "baten", "7.921 9.723 9.688 -35"),
        ("Totaal lasten", "lasten", "-34.108 -39.029 -36.647 2.382"),
        ("Saldo van baten en lasten", "saldo", "-26.187 -29.306 -26.959 2.347"),
        ("Onttrekking reserves", "reserve_withdrawal", "500 841 699 -142"),
        ("Toevoeging reserves", "reserve_addition", "0 0 0 0"),
        ("Mutaties reserves", "reserve_mutations", "500 841 699 -142"),
        ("Programma resultaat", "result", "-25.687 -28.465 -26.260 2.205")]),
    "P3": (47, "Bestuur en middelen", [
        ("Totaal baten", "baten", "55.328 58.347 59.468 1.121"),
        ("Totaal lasten", "lasten", "-19.704 -18.791 -19.783 -992"),
        ("Saldo van baten en lasten", "saldo", "35.624 39.556 39.685 128"),
        ("Onttrekking reserves", "reserve_withdrawal", "550 1.695 1.262 -433"),
        ("Toevoeging reserves", "reserve_addition", "0 -610 -610 0"),
        ("Mutaties reserves", "reserve_mutations", "550 1.085 652 -433"),
        ("Programma resultaat", "result", "36.174 40.641 40.337 -304")]),
}


def _yaml(rows: dict[str, tuple[int, str, list[tuple[str, str, str]]]], explanations: str = "",
          difference_convention: str | None = None) -> str:
    out = ["schema: rekenschap/report@1",
           "organisation: {name: Gemeente Wassenaar, cbs_code: GM0629}",
           "document: {kind: jaarstukken, year: 2023}", "unit: {currency: EUR, scale: 1000}",
           "programmes:"]
    for code, (page, name, table) in rows.items():
        out += [f"- code: '{code[1:]}'", f"  name: {name}", "  finance:",
                "    sign_convention: lasten_negative",
                "    sign_note: '\"-\" = nadeel / \"+\" = voordeel'"]
        if difference_convention:
            out.append(f"    difference_convention: {difference_convention}")
        out.append(COLUMNS.rstrip("\n").replace("\n", "\n  ", 0))
        out.append("    rows:")
        for label, kind, values in table:
            a, b, c, d = (f"'{v}'" for v in values.split())
            out += [f"    - kind: {kind}", f"      label: {label}",
                    "      values: "
                    f"{{primair: {a}, na_wijziging: {b}, realisatie: {c}, verschil: {d}}}",
                    f"      provenance: {{file: jaarstukken-2023.pdf, page: {page}}}"]
        if code == "P1" and explanations:
            out.append(explanations)
    return "\n".join(out) + "\n"


def _report(**kwargs: str) -> Report:
    return report_from_yaml(_yaml(ROWS, **kwargs), "wassenaar-2023.yaml")


@pytest.mark.corpus
def test_transcription_matches_the_pdf() -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(corpus_file("wassenaar", "jaarstukken-2023.pdf")))
    try:
        for code, (page, name, rows) in ROWS.items():
            text = pdf[page - 1].get_textpage().get_text_range()
            assert f"{code} {name}" in text
            for label, _kind, values in rows:
                assert f"{label} {values}" in text, (page, label)
    finally:
        pdf.close()


def test_consistent_tables_pass_the_arithmetic_checks() -> None:
    problems = run_checks(_report())
    arithmetic = [p for p in problems
                  if p.code in {"FIN-SALDO", "FIN-SIGN", "FIN-DIFFERENCE", "FIN-RESERVES"}]
    assert arithmetic == []  # P3's Verschil saldo 128 (vs 1.121 - 992 = 129) is rounding
    assert "CHECK-CRASHED" not in codes(problems)


def test_stated_convention_is_honoured() -> None:
    ok = run_checks(_report(difference_convention="favourable_positive"))
    assert "FIN-DIFFERENCE" not in codes(ok)
    wrong = run_checks(_report(difference_convention="amended_minus_actual"))
    bad = [p for p in wrong if p.code == "FIN-DIFFERENCE"]
    assert bad and all(p.location.page in (23, 37, 47) for p in bad)


def test_p3_lasten_overrun_as_on_page_47() -> None:
    (overrun,) = [p for p in run_checks(_report()) if p.code == "FIN-OVERRUN"]
    assert overrun.location.page == 47 and overrun.location.file == "jaarstukken-2023.pdf"
    assert "Bestuur en middelen" in overrun.message
    assert "19.783" in overrun.message and "18.791" in overrun.message
    assert "by 992" in overrun.message


def test_wassenaar_threshold_from_the_catalogue() -> None:
    found = [p for p in run_checks(_report()) if p.code == "FIN-VARIANCE-UNEXPLAINED"]
    # >= € 50.000: P1 baten -148, lasten 247, onttrekking -278; P2 lasten 2.382, onttrekking
    # -142; P3 baten 1.121, lasten 992, onttrekking -433 — but not P2 baten -35 (< 50.000).
    assert len(found) == 8
    assert all(">= € 50.000" in p.message for p in found)
    assert not any("Mens en maatschappij: baten" in p.message for p in found)


def test_explanations_by_text_mention() -> None:
    items = """  explanations:
  - title: Toelichting op verschillen tussen begroot actueel/werkelijk >= € 50.000
    threshold: 50000
    items:
    - title: Opvang Oekraïense ontheemden (per saldo nadelig € 42.000)
      text: De werkelijke lasten bedroegen € 2.389.000 ... De werkelijke baten € 2.347.000.
    - title: Aanpak ondermijning (nadeel hogere lasten € 40.000)
"""
    found = [p for p in run_checks(_report(explanations=items))
             if p.code == "FIN-VARIANCE-UNEXPLAINED" and "Veiligheid" in p.message]
    assert [p.message.split(":")[1].split()[0] for p in found] == ["onttrekking"]


def test_broken_saldo_and_resultaat_are_reported_with_the_page() -> None:
    rows = {"P1": (23, "Veiligheid en handhaving", [
        ("Totaal baten", "baten", "1.101 2.631 2.483 -148"),
        ("Totaal lasten", "lasten", "-4.346 -6.875 -6.628 247"),
        ("Saldo van baten en lasten", "saldo", "-3.245 -4.244 -4.154 99"),  # 4.145 -> 4.154
        ("Mutaties reserves", "reserve_mutations", "0 278 0 -278"),
        ("Programma resultaat", "result", "-3.245 -3.966 -4.145 -179")])}
    problems = run_checks(report_from_yaml(_yaml(rows)))
    saldo = [p for p in problems if p.code == "FIN-SALDO"]
    assert len(saldo) == 1 and "-4.154" in saldo[0].message and "-4.145" in saldo[0].message
    assert saldo[0].location.page == 23
    assert "FIN-DIFFERENCE" in codes(problems)  # -4.154 - -4.244 = 90, printed 99
    assert "FIN-RESERVES" in codes(problems)    # -4.154 + 0 is not -4.145

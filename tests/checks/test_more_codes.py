"""One small document per remaining code: indicators (stale, n.n.b., trend, catalogue, unit),
finance (sign, missing table) and Iv3 agreement on Wassenaar's P1 (jaarstukken 2023, p. 23)."""

from __future__ import annotations

from decimal import Decimal

from tests.checks.helpers import by_code, codes, report_from_yaml
from tests.conftest import corpus_file

from rekenschap.checks import CheckConfig, run_checks

HEAD = """schema: rekenschap/report@1
organisation: {name: Gemeente X}
document: {kind: jaarstukken, year: 2024}
unit: {scale: 1000}
programmes:
- name: Veiligheid
"""


def _indicators(block: str) -> str:
    return HEAD + "  indicators:\n" + block


def test_stale_nnb_and_source() -> None:
    report = report_from_yaml(_indicators("""  - name: Winkeldiefstallen
    catalogue_id: winkeldiefstallen
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
    source: CBS
    observations:
    - {period: '2019', value: 4}
    - {period: '2020', value: 4.4}
    - {period: '2024', qualifier: n.n.b., reference_date: '2025-03-01'}
"""))
    (stale,) = by_code(report, "IND-STALE")
    assert "from 2020, 4 years before the document year 2024 (maximum 3)" in stale.message
    (nnb,) = by_code(report, "IND-NNB")
    assert nnb.location.path == "programmes[0].indicators[0].observations[2]"
    assert "2025-03-01" in nnb.message
    assert by_code(report, "IND-SOURCE") == []  # the indicator names CBS
    assert by_code(report, "IND-UNIT") == []
    assert by_code(report, "IND-STALE", CheckConfig(indicator_max_age=4)) == []


def test_trend_against_the_desired_direction() -> None:
    block = """  - name: Geweldsmisdrijven
    catalogue_id: geweldsmisdrijven
    baseline_period: '2019'
    target: {{direction: down}}
    observations:
    - {{period: '2019', value: {base}}}
    - {{period: '2023', value: 5.3}}
    - {{period: '2024', value: 5.7}}
"""
    (trend,) = by_code(report_from_yaml(_indicators(block.format(base=5))), "IND-TREND")
    assert "desired direction afname" in trend.message and "5,7 (2024)" in trend.message
    # a rise against last year but still below the baseline is not a trend against the goal
    assert by_code(report_from_yaml(_indicators(block.format(base=6.5))), "IND-TREND") == []


def test_catalogue_links() -> None:
    report = report_from_yaml(_indicators("""  - name: Winkeldiefstallen
    catalogue_id: geweldsmisdrijven
  - name: Iets
    catalogue_id: bestaat-niet
  - name: Eigen indicator tevredenheid
  - name: Verwijzingen Halt
"""))
    messages = [p.message for p in by_code(report, "IND-CATALOGUE")]
    assert messages == [
        "Winkeldiefstallen: linked to 'geweldsmisdrijven' but the name matches 'winkeldiefstallen'",
        "Iets: catalogue id 'bestaat-niet' is not in the BBV catalogue"]
    assert [p.message for p in by_code(report, "IND-NOT-BBV")] == [
        "Eigen indicator tevredenheid: not a BBV basisset indicator"]
    units = {p.location.path: p.message for p in by_code(report, "IND-UNIT")}
    assert units["programmes[0].indicators[3]"].startswith("Verwijzingen Halt: no unit stated")


def test_saldo_with_the_opposite_sign_and_missing_finance() -> None:
    text = HEAD + """  finance:
    columns: [{key: r, kind: actual, label: Rekening}]
    rows:
    - {kind: lasten, label: Lasten, values: {r: 300}}
    - {kind: baten, label: Baten, values: {r: 50}}
    - {kind: saldo, label: Saldo, values: {r: 250}}
- name: Bestuur
"""
    problems = run_checks(report_from_yaml(text))
    (sign,) = [p for p in problems if p.code == "FIN-SIGN"]
    assert "saldo 250 has the opposite sign" in sign.message and "= -250" in sign.message
    assert "FIN-SALDO" not in codes(problems)
    (missing,) = [p for p in problems if p.code == "FIN-MISSING"]
    assert missing.location.path == "programmes[1]"


def test_iv3_difference_is_the_ukraine_reception_on_page_23() -> None:
    """P1 realised baten 2.483 / lasten 6.628; Iv3 2023 jaarrekening on taakvelden 1.1 + 1.2 gives
    136 / 4.239. The differences, 2.347 and 2.389, are exactly the Rijksbijdragen and the lasten of
    the opvang Oekraïense ontheemden on p. 23 (not booked on these taakvelden in Iv3)."""
    iv3 = corpus_file("iv3")
    text = """schema: rekenschap/report@1
organisation: {name: Gemeente Wassenaar, cbs_code: GM0629}
document: {kind: jaarstukken, year: 2023}
unit: {scale: 1000}
programmes:
- code: '1'
  name: Veiligheid en handhaving
  taakvelden: ['1.1', '1.2']
  finance:
    sign_convention: lasten_negative
    columns: [{key: r, kind: actual, label: Realisatie 2023, year: 2023}]
    rows:
    - {kind: baten, label: Totaal baten, values: {r: 2483}}
    - {kind: lasten, label: Totaal lasten, values: {r: -6628}}
"""
    report = report_from_yaml(text)
    assert by_code(report, "IV3-TAAKVELD") == []  # not configured: not run
    found = by_code(report, "IV3-TAAKVELD", CheckConfig(iv3_data=iv3))
    assert len(found) == 2
    baten, lasten = found
    assert "2.483.000" in baten.message and "136.000" in baten.message
    assert "difference 2.347.000" in baten.message
    assert "difference 2.389.000" in lasten.message
    ok = report_from_yaml(text.replace("2483", "136").replace("-6628", "-4239"))
    assert by_code(ok, "IV3-TAAKVELD", CheckConfig(iv3_data=iv3, iv3_tolerance=Decimal(1))) == []


def test_placeholders_and_glued_numbers_in_activities() -> None:
    text = HEAD + """  goals:
  - title: Veilige wijken
    activities:
    - text: Er zijn xx controles uitgevoerd
    - text: Aantal keer handhavend opgetreden
    - text: 12 controles uitgevoerd in 3wijken, 2e ronde gestart
    - text: Het aantal meldingen is met 12 gedaald
"""
    problems = run_checks(report_from_yaml(text))
    missing = [p.location.path for p in problems if p.code == "ACT-MISSING-NUMBER"]
    assert missing == ["programmes[0].goals[0].activities[0]",
                       "programmes[0].goals[0].activities[1]"]
    glued = [p.message for p in problems if p.code == "TXT-GLUED-NUMBER"]
    assert glued == ["Veiligheid: '3wijken' — a space is missing (3 wijken)"]


def test_count_per_1000_inwoners_reverses_in_one_reading() -> None:
    """Groningen grew from 238.147 (2023) to 243.768 (2024) inhabitants (gemeenteklassen): in the
    reading where 13.140 is 2024 the count rose, yet per 1.000 inwoners it fell (54,8 -> 53,9)."""
    from tests.checks.helpers import example

    config = CheckConfig(population_data=corpus_file("iv3", "gemeenteklassen"))
    (found,) = by_code(example(), "IND-PER-CAPITA", config)
    assert found.location.path == "programmes[0].indicators[0].claims[0]"
    assert "the count rose, but per 1.000 inwoners it fell: 54,8 -> 53,9" in found.message
    assert by_code(example(), "IND-PER-CAPITA") == []  # not configured: not run

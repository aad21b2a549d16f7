"""The police's table 47018NED (dataderden.cbs.nl): shop theft and burglary of homes per 1.000
inhabitants (issue 7). The fixture is CONSTRUCTED in the documented response shape, with
invented counts (tests/opendata/fixtures/README.md); populations come from the corpus."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import CORPUS, corpus_file
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.importers.cbs import POLICE_TABLE, load_crime_codes, load_crime_odata
from rekenschap.opendata.crime import crime_values

FIXTURE = Path(__file__).parent / "fixtures" / "47018NED-GM0629-constructed.json"
PEOPLE = {("GM0629", 2015): 25731, ("GM0629", 2023): 27093}


def test_the_police_codes_are_verified_and_cite_their_source() -> None:
    police = load_crime_codes().lists["politie"]
    assert police.unverified == frozenset()
    assert police.codes["1.1.1"] == "Diefstal/inbraak woning"
    assert police.codes["2.2.1"] == "Vernieling cq. zaakbeschadiging"
    assert police.codes["2.5.2"] == "Winkeldiefstal"
    text = (Path(__file__).resolve().parents[2] / "src" / "rekenschap" / "catalogue" / "data"
            / "cbs_crime_codes.yaml").read_text(encoding="utf-8")
    assert "https://dataderden.cbs.nl/ODataApi/OData/47018NED/SoortMisdrijf" in text


def test_the_constructed_file_says_so() -> None:
    assert json.loads(FIXTURE.read_text(encoding="utf-8"))["_constructed"].startswith(
        "CONSTRUCTED, NOT RECORDED")


def test_a_47018ned_response_loads_with_its_table_id_and_no_problems() -> None:
    table, problems = load_crime_odata(FIXTURE)
    assert problems == []
    assert table.table == POLICE_TABLE
    assert table.regions() == {"GM0629"} and table.years("GM0629") == [2015, 2023]
    record = table.get("2.5.2", "GM0629", 2023)
    assert record is not None and record.count == 54 and record.rate is None


def test_winkeldiefstallen_and_diefstallen_uit_woning_per_1000() -> None:
    table, _ = load_crime_odata(FIXTURE)
    values, problems = crime_values(table, load_crime_codes(), "GM0629",
                                    lambda r, y: PEOPLE.get((r, y)))
    got = {(v.indicator, v.year): (v.value, v.count, v.method, v.source) for v in values}
    assert got[("winkeldiefstallen", 2023)] == (
        Decimal("2.0"), Decimal(54), "computed", "CBS 47018NED")
    assert got[("diefstallen-uit-woning", 2023)] == (
        Decimal("3.0"), Decimal(81), "computed", "CBS 47018NED")
    assert got[("winkeldiefstallen", 2015)][0] == Decimal("1.0")
    assert got[("diefstallen-uit-woning", 2015)][0] == Decimal("4.0")
    assert got[("vernielingen-en-beschadigingen", 2023)][0] == Decimal("5.0")
    # violence is spread over several police classes: said, not guessed
    assert [p.code for p in problems] == ["CBS-INDICATOR-UNAVAILABLE"]
    assert "geweldsmisdrijven" in problems[0].message


def test_regios_instead_of_wijkenenbuurten_and_nl00_as_nederland() -> None:
    data = {"value": [
        {"SoortMisdrijf": "2.5.2 ", "RegioS": "GM0629    ", "Perioden": "2023JJ00",
         "GeregistreerdeMisdrijven_1": 54},
        {"SoortMisdrijf": "2.5.2 ", "WijkenEnBuurten": "NL00      ", "Perioden": "2023JJ00",
         "GeregistreerdeMisdrijven_1": 100000},
        {"SoortMisdrijf": "2.5.2 ", "WijkenEnBuurten": "WK062901  ", "Perioden": "2023JJ00",
         "GeregistreerdeMisdrijven_1": 20},
        {"SoortMisdrijf": "2.5.2 ", "Perioden": "2023JJ00", "GeregistreerdeMisdrijven_1": 1}]}
    table, problems = load_crime_odata(data, name="47018NED.json")
    assert table.table == POLICE_TABLE  # no metadata: known by its police codes
    assert table.regions() == {"GM0629", "NL01", "WK062901"}
    (bad,) = problems
    assert bad.code == "CBS-ODATA-INVALID" and bad.location.path == "value[3].item"
    assert bad.location.file == "47018NED.json"


@pytest.mark.corpus
def test_indicators_fill_with_a_47018ned_file(tmp_path: Path) -> None:
    """``rekenschap indicators fill REPORT --cbs GM0629 --data FILE``: 2015 per 1.000 from
    70072NED's population, 2023 from the Iv3 2023 files' population (both in the corpus)."""
    population = corpus_file("cbs", "70072ned-regionale-kerncijfers.csv")
    report = tmp_path / "wassenaar.yaml"
    report.write_text("""schema: rekenschap/report@1
organisation: {name: Wassenaar}
document: {kind: jaarstukken, year: 2023}
programmes:
- name: Veiligheid
  indicators:
  - name: Winkeldiefstallen per 1.000 inwoners
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
  - name: Diefstallen uit woning per 1.000 inwoners
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
    observations:
    - {period: '2023', value: 3.0}
""", encoding="utf-8")
    out = tmp_path / "filled.json"
    result = CliRunner().invoke(app, [
        "indicators", "fill", str(report), "--cbs", "GM0629", "--data", str(FIXTURE),
        "--population", str(population), "--data-root", str(CORPUS),
        "--reference-date", "2026-11-28", "-o", str(out)])
    assert result.exit_code == 0, result.output
    indicators = json.loads(out.read_text(encoding="utf-8"))["programmes"][0]["indicators"]
    shop = {o["period"]: (o["value"], o["source"]) for o in indicators[0]["observations"]}
    assert shop == {"2015": (1.0, "CBS 47018NED"), "2023": (2.0, "CBS 47018NED")}
    home = {o["period"]: (o["value"], o["source"]) for o in indicators[1]["observations"]}
    assert home == {"2023": (3.0, None), "2015": (4.0, "CBS 47018NED")}  # the document's own
    assert "OD-CBS-DIFFERS" not in result.output  # 3,0 agrees with 81 / 27.093 x 1.000


def test_one_municipality_does_not_make_a_national_value() -> None:
    """Nederland as the sum of municipalities only when they hold (nearly) its population: a
    47018NED answer for GM0629 alone gives no Nederland value instead of ~0 per 1.000."""
    table, _ = load_crime_odata(FIXTURE)
    country = {**PEOPLE, ("NL01", 2023): 17_942_942}
    national, _ = crime_values(table, load_crime_codes(), "NL01",
                               lambda r, y: country.get((r, y)))
    assert national == []
    whole = {("GM0629", 2023): 27093, ("NL01", 2023): 27093}  # GM0629 as the whole country
    national, _ = crime_values(table, load_crime_codes(), "NL01", lambda r, y: whole.get((r, y)))
    got = {(v.indicator, v.year): (v.value, v.method) for v in national}
    assert got[("winkeldiefstallen", 2023)] == (Decimal("2.0"), "computed-national")

"""BBV crime indicators per 1.000 inhabitants, and filling a report with them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.conftest import corpus_file

from rekenschap.importers.cbs import load_crime_codes, load_crime_csv, load_crime_odata
from rekenschap.importers.population import load_population, load_size_classes
from rekenschap.model import (
    Document,
    Indicator,
    Observation,
    Organisation,
    Problem,
    Programme,
    Report,
    parse_unit,
)
from rekenschap.opendata.crime import CrimeValue, crime_values
from rekenschap.opendata.fill import fill_indicators, match_crime_indicator

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = '"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1";' \
         '"GeregistreerdeMisdrijvenPer1000Inw_3"\n'
POPULATION = {("GM0629", 2015): 25731, ("NL01", 2015): 16900726}


def _values(body: str, region: str = "GM0629") -> tuple[list[CrimeValue], list[Problem]]:
    table, problems = load_crime_csv("x.csv", text=HEADER + body)
    assert problems == []
    return crime_values(table, load_crime_codes(), region,
                        lambda r, y: POPULATION.get((r, y)))


def test_cbs_rate_is_used_and_counts_fill_in_where_cbs_suppressed_it() -> None:
    values, problems = _values('"0000000";"GM0629";"2015JJ00";"1090";"42.4"\n'
                               '"2010000";"GM0629";"2015JJ00";"80";"."\n'
                               '"3000000";"GM0629";"2015JJ00";"130";"5.1"\n')
    got = {v.indicator: (v.value, v.method) for v in values}
    # 80 / 25.731 x 1.000 = 3,109 -> 3,1 (CBS printed "." for the rate)
    assert got == {"vernielingen-en-beschadigingen": (Decimal("3.1"), "computed"),
                   "geweldsmisdrijven": (Decimal("5.1"), "cbs-rate")}
    assert sorted(p.code for p in problems) == ["CBS-INDICATOR-UNAVAILABLE"] * 2
    assert {p.message.split(":")[0] for p in problems} == {"winkeldiefstallen",
                                                          "diefstallen-uit-woning"}


def test_cbs_rate_that_disagrees_with_count_and_population_is_noted() -> None:
    values, problems = _values('"0000000";"GM0629";"2015JJ00";"1090";"42.4"\n'
                               '"3000000";"GM0629";"2015JJ00";"130";"9.9"\n')
    assert [v.value for v in values if v.indicator == "geweldsmisdrijven"] == [Decimal("9.9")]
    mismatch = [p for p in problems if p.code == "CBS-RATE-MISMATCH"]
    assert len(mismatch) == 1 and "9.9" in mismatch[0].message and "5.1" in mismatch[0].message


def test_unknown_region_and_missing_population() -> None:
    values, problems = _values('"0000000";"GM0629";"2015JJ00";"1090";"42.4"\n', region="GM0001")
    assert values == [] and [p.code for p in problems] == ["CBS-REGION-ABSENT"]
    table, _ = load_crime_csv("x.csv", text=HEADER + '"2010000";"GM0629";"2015JJ00";"80";""\n')
    values, problems = crime_values(table, load_crime_codes(), "GM0629", lambda r, y: None)
    assert values == [] and "CBS-POPULATION-MISSING" in {p.code for p in problems}


def test_new_code_list_fixture_gives_the_same_indicators_as_the_old() -> None:
    results = []
    for name in ("83648NED-GM0629-old-codes.json", "83648NED-GM0629-new-codes.json"):
        table, _ = load_crime_odata(FIXTURES / name)
        values, _ = crime_values(table, load_crime_codes(), "GM0629",
                                 lambda r, y: POPULATION.get((r, y)))
        results.append(sorted((v.indicator, v.value) for v in values))
    assert results[0] == results[1] == [("geweldsmisdrijven", Decimal("3.5")),
                                        ("vernielingen-en-beschadigingen", Decimal("3.1"))]


def test_corpus_wassenaar_and_nederland_2015() -> None:
    table, _ = load_crime_csv(corpus_file("cbs", "83648NED-geregistreerde-criminaliteit-2015.csv"))
    people, problems = load_population(corpus_file("cbs", "70072ned-regionale-kerncijfers.csv"))
    assert problems == [] and people.get("GM0629", 2015) == 25731
    codes = load_crime_codes()
    wassenaar, _ = crime_values(table, codes, "GM0629", people.get)
    assert {(v.indicator, v.value, v.count) for v in wassenaar} == {
        ("vernielingen-en-beschadigingen", Decimal("3.1"), Decimal(80)),
        ("geweldsmisdrijven", Decimal("3.5"), Decimal(90))}
    national, _ = crime_values(table, codes, "NL01", people.get)
    assert {v.method for v in national} == {"computed-national"}
    assert all(Decimal(4) < v.value < Decimal(8) for v in national)
    groningen, problems = crime_values(table, codes, "GM0014", people.get)
    assert {v.method for v in groningen} == {"cbs-rate"}
    assert "CBS-RATE-MISMATCH" not in {p.code for p in problems}


def test_size_classes_and_population_from_inline_files() -> None:
    classes, problems = load_size_classes(
        "gemeenteklassen/2023.csv",
        text="Gemeenten\tProvincie\tGemeentegrootte\tStedelijkheid\tInwonertal\n"
             "Wassenaar\tZuid-Holland\t20000tot50000inwoners\tMatigstedelijk\t27093\n"
             "Nergens\t\t\t\tveel\n")
    assert classes.year == 2023
    assert classes.rows["Wassenaar"].size_class == "20000tot50000inwoners"
    assert [(p.code, p.location.line) for p in problems] == [("SIZE-CLASS-INVALID", 3)]
    assert classes.rows["Nergens"].population is None
    people, problems = load_population(
        "k.csv", text='"RegioS";"Perioden";"TotaleBevolking_1"\n"GM0629";"2015JJ00";"veel"\n')
    assert [p.code for p in problems] == ["CBS-POPULATION-INVALID"] and people.values == {}


def _report(*indicators: Indicator) -> Report:
    return Report(organisation=Organisation(name="Wassenaar", cbs_code="GM0629"),
                  document=Document(kind="jaarstukken", year=2016),
                  programmes=(Programme(name="Veiligheid", indicators=indicators),))


def test_fill_adds_updates_and_reports_differences() -> None:
    values, _ = _values('"0000000";"GM0629";"2015JJ00";"1090";"42.4"\n'
                        '"2010000";"GM0629";"2015JJ00";"80";"."\n'
                        '"3000000";"GM0629";"2015JJ00";"130";"5.1"\n')
    rate = parse_unit("per 1.000 inwoners")
    report = _report(
        Indicator(name="Vernielingen en beschadigingen (in de openbare ruimte)", unit=rate),
        Indicator(name="Geweldsmisdrijven", unit=rate,
                  observations=(Observation(period="2015", value=Decimal("6.2")),)),
        Indicator(name="Winkeldiefstallen", unit=rate,
                  observations=(Observation(period="2014", value=Decimal(3)),)),
        Indicator(name="Verwijzingen Halt", unit=rate))
    result = fill_indicators(report, values, reference_date="2026-11-28")
    assert (result.added, result.updated) == (1, 0)
    filled = result.report.programmes[0].indicators
    assert filled[0].observations == (Observation(
        period="2015", value=Decimal("3.1"), source="CBS 83648NED", reference_date="2026-11-28"),)
    assert filled[1].observations[0].value == Decimal("6.2")  # the document's value is kept
    assert filled[2] == report.programmes[0].indicators[2]
    assert [(p.code, p.location.path) for p in result.problems] == [
        ("OD-CBS-DIFFERS", "programmes[0].indicators[1].observations[0]")]
    assert "6.2" in result.problems[0].message and "5.1" in result.problems[0].message
    again = fill_indicators(result.report, values, reference_date="2026-12-01")
    assert (again.added, again.updated) == (0, 1)
    assert again.report.programmes[0].indicators[0].observations[0].reference_date == "2026-12-01"


def test_fill_respects_precision_units_and_unknown_values() -> None:
    values, _ = _values('"3000000";"GM0629";"2015JJ00";"130";"5.1"\n')
    report = _report(
        Indicator(name="Geweldsmisdrijven", unit=parse_unit("per 1.000 inwoners"),
                  observations=(Observation(period="2015", value=Decimal(5)),)),
        Indicator(name="Geweldsmisdrijven", unit=parse_unit("aantal"),
                  observations=(Observation(period="2015", value=Decimal(130)),)),
        Indicator(name="Geweldsmisdrijven", observations=(
            Observation(period="2015", qualifier="n.n.b."),)))
    result = fill_indicators(report, values, reference_date="2026-11-28")
    assert [p.code for p in result.problems] == ["OD-UNIT-MISMATCH"]  # "5" is 5.1 rounded
    assert result.report.programmes[0].indicators[2].observations[0].value == Decimal("5.1")
    assert result.updated == 1


def test_matching_by_catalogue_id_name_and_pattern() -> None:
    assert match_crime_indicator(Indicator(name="x", catalogue_id="geweldsmisdrijven")) \
        == "geweldsmisdrijven"
    assert match_crime_indicator(Indicator(name="Winkeldiefstal", catalogue_id="jeugd")) is None
    assert match_crime_indicator(Indicator(name="Diefstallen uit woning")) \
        == "diefstallen-uit-woning"
    assert match_crime_indicator(Indicator(name="Aantal woninginbraken")) \
        == "diefstallen-uit-woning"
    assert match_crime_indicator(Indicator(name="Banen")) is None


def test_profiles_merge_kerncijfers_and_iv3_years() -> None:
    from rekenschap.importers.opendata_iv3dir import load_iv3_dir
    from rekenschap.opendata.population import profiles

    people, _ = load_population(corpus_file("cbs", "70072ned-regionale-kerncijfers.csv"))
    iv3, _ = load_iv3_dir(corpus_file("iv3"))
    merged = profiles(people, iv3)
    assert merged.population("GM0629", 2015) == 25731
    wassenaar_2023 = merged.get("GM0629", 2023)
    assert wassenaar_2023 is not None
    assert (wassenaar_2023.population, wassenaar_2023.size_class) == (27093,
                                                                      "20000tot50000inwoners")
    assert merged.population("NL01", 2023) == 17811291
    assert merged.get("GM0629", 2025) is not None


def test_population_lookup_falls_back_to_iv3_years_lazily() -> None:
    from rekenschap.importers.population import PopulationTable
    from rekenschap.opendata.population import population_lookup

    table = PopulationTable(values={("GM0629", 2015): 25731})
    lookup = population_lookup(table, corpus_file("iv3"))
    assert lookup("GM0629", 2015) == 25731
    assert lookup("GM0629", 2023) == 27093
    assert population_lookup(table, None)("GM0629", 2023) is None

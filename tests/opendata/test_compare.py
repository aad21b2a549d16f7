"""Comparing a municipality with peers: DuckDB statistics, the typed result, the chart spec."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.conftest import corpus_file

from rekenschap.importers.opendata_municipalities import load_register
from rekenschap.opendata.compare import build_comparison, vega_lite_spec
from rekenschap.opendata.crime import CrimeValue
from rekenschap.opendata.iv3_sql import peer_statistics, year_summary

REGISTER = ('"ID";"RegioS";"Naam_2";"SorteringNaam_3";"Naam_29"\n'
            '"1";"GM0001";"Aa";"Aa";"Noord"\n"2";"GM0002";"Bee";"Bee";"Noord"\n'
            '"3";"GM0003";"Cee";"Cee";"Zuid"\n"4";"GM0004";"Dee";"Dee";"Zuid"\n'
            '"5";"XX";"Fout";"Fout";"Zuid"\n')
IV3 = ("Gemeenten;Taakveld;Baten;Lasten;Provincie;Gemeentegrootte;Stedelijkheid;Inwonertal\n"
       "Aa;1.2 OOV;0;100;Noord;klein;;1000\n"
       "Bee;1.2 OOV;0;300;Noord;klein;;1000\n"
       "Cee;1.2 OOV;0;500;Zuid;klein;;2000\n"
       "Dee;1.2 OOV;0;kapot;Zuid;groot;;1000\n"
       "Nederland;1.2 OOV;0;900;;;;4000\n")


def _files(tmp_path: Path) -> tuple[Path, Path]:
    iv3 = tmp_path / "2023_jaarrekening.csv"
    iv3.write_text(IV3, encoding="utf-8")
    register = tmp_path / "gemeenten.csv"
    register.write_text(REGISTER, encoding="utf-8")
    return iv3, register


def test_register_skips_and_reports_bad_codes(tmp_path: Path) -> None:
    _, path = _files(tmp_path)
    register, problems = load_register(path)
    assert sorted(register.by_code) == ["GM0001", "GM0002", "GM0003", "GM0004"]
    assert [(p.code, p.location.line) for p in problems] == [("CBS-REGISTER-CODE-INVALID", 6)]
    found = register.find("bee")
    assert found is not None and found.cbs_code == "GM0002"


def test_peer_statistics_per_inhabitant(tmp_path: Path) -> None:
    iv3, _ = _files(tmp_path)
    stats = {s.measure: s for s in peer_statistics(iv3, "Aa", ["Bee", "Cee", "Dee"])}
    lasten = stats["lasten"]
    # EUR per inhabitant: Aa 100, Bee 300, Cee 250; Dee's bad amount is NULL, Nederland excluded
    assert (lasten.value, lasten.n, lasten.median, lasten.rank) == (100.0, 3, 250.0, 3)
    assert (lasten.q1, lasten.q3) == (175.0, 275.0)


def test_build_comparison_named_province_and_size_class(tmp_path: Path) -> None:
    iv3, path = _files(tmp_path)
    register, _ = load_register(path)
    crime = [CrimeValue("geweldsmisdrijven", "GM0001", 2015, Decimal("3.5"), Decimal(9), 1000,
                        "computed", ("3000000",), "CBS 83648NED", None),
             CrimeValue("geweldsmisdrijven", "NL01", 2015, Decimal("5.5"), None, None,
                        "computed-national", ("3000000",), "CBS 83648NED", None)]
    named, problems = build_comparison("GM0001", iv3_file=iv3, register=register, year=2023,
                                       phase="jaarrekening", peers="GM0002,GM0009", crime=crime)
    assert named is not None
    assert named.peers == ("Bee",)
    assert [p.code for p in problems if p.code.startswith("OD")] == ["OD-MUNICIPALITY-UNKNOWN"]
    assert "IV3-AMOUNT-INVALID" in {p.code for p in problems}
    row = next(r for r in named.rows if r.measure == "lasten")
    assert (row.value, row.median, row.rank, row.n) == (Decimal(100), Decimal(200), 2, 2)
    assert [(i.indicator, i.value, i.national) for i in named.indicators] == [
        ("geweldsmisdrijven", Decimal("3.5"), Decimal("5.5"))]
    province, _ = build_comparison("GM0003", iv3_file=iv3, register=register, year=2023,
                                   phase="jaarrekening", peers="province")
    assert province is not None and province.peers == ("Dee",) and province.peer_label == "Zuid"
    size, _ = build_comparison("GM0001", iv3_file=iv3, register=register, year=2023,
                               phase="jaarrekening", peers="size-class")
    assert size is not None and size.peers == ("Bee", "Cee") and size.peer_label == "klein"
    data = named.model_dump(mode="json")
    assert data["rows"][0]["value"] == 100


def test_unknown_municipality_is_an_error_not_a_crash(tmp_path: Path) -> None:
    iv3, path = _files(tmp_path)
    register, _ = load_register(path)
    result, problems = build_comparison("GM0629", iv3_file=iv3, register=register, year=2023,
                                        phase="jaarrekening")
    assert result is None and [p.code for p in problems] == ["OD-MUNICIPALITY-UNKNOWN"]


def test_vega_lite_spec_has_inline_data_and_three_layers(tmp_path: Path) -> None:
    iv3, path = _files(tmp_path)
    register, _ = load_register(path)
    comparison, _ = build_comparison("GM0001", iv3_file=iv3, register=register, year=2023,
                                     phase="jaarrekening", peers="province")
    assert comparison is not None
    spec = vega_lite_spec(comparison)
    assert spec["$schema"].endswith("vega-lite/v5.json")
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "tick", "point"]
    assert spec["data"]["values"] == [{"taakveld": "1.2 1.2 OOV", "q1": 150, "q3": 250,
                                       "median": 200, "value": 100, "rank": 2, "n": 2}]


def test_corpus_wassenaar_against_its_size_class() -> None:
    iv3 = corpus_file("iv3", "2023_jaarrekening.csv")
    register, _ = load_register(corpus_file("cbs", "85755NED-gemeenten-2026.csv"))
    comparison, problems = build_comparison(
        "GM0629", iv3_file=iv3, register=register, year=2023, phase="jaarrekening",
        size_classes=corpus_file("iv3", "gemeenteklassen", "2023.csv"),
        definitions=corpus_file("iv3-definities", "iv3_definities_Gemeente_2023.json"))
    assert problems == []
    assert comparison is not None and comparison.peer_label == "20000tot50000inwoners"
    assert len(comparison.peers) > 150
    oov = next(r for r in comparison.rows if r.taakveld == "1.2" and r.measure == "lasten")
    # 1.553 x 1.000 / 27.093 inhabitants = EUR 57 per inhabitant
    assert oov.value == Decimal(57) and oov.name == "Openbare orde en veiligheid"
    assert oov.rank is not None and 1 <= oov.rank <= oov.n


def test_year_summary_covers_all_size_classes() -> None:
    rows = year_summary(corpus_file("iv3", "2023_jaarrekening.csv"))
    classes = {r[0] for r in rows}
    assert len(classes) >= 8
    assert sum(r[2] for r in rows if r[1] == "1.2") == 342


def test_comma_file_and_missing_population_column(tmp_path: Path) -> None:
    _, path = _files(tmp_path)
    register, _ = load_register(path)
    comma = tmp_path / "2023_begroting.csv"
    comma.write_text(IV3.replace(";", ","), encoding="utf-8")
    result, problems = build_comparison("GM0001", iv3_file=comma, register=register, year=2023,
                                        phase="begroting", peers="province")
    assert "IV3-DELIMITER" in {p.code for p in problems}
    assert result is not None and result.peers == ("Bee",)
    short = tmp_path / "2022_begroting.csv"
    short.write_text("Gemeenten;Taakveld;Baten;Lasten\nAa;1.2 OOV;0;100\n", encoding="utf-8")
    result, problems = build_comparison("GM0001", iv3_file=short, register=register, year=2022,
                                        phase="begroting")
    assert result is None
    assert [(p.code, p.location.line) for p in problems] == [("OD-COLUMN-MISSING", 1)]
    assert "Inwonertal" in problems[0].message


def test_the_crime_source_label_follows_the_table_used(tmp_path: Path) -> None:
    """Values from the police's 47018NED are labelled so, not "CBS 83648NED"; no crime data,
    no crime source (issue 7)."""
    iv3, path = _files(tmp_path)
    register, _ = load_register(path)
    police = [CrimeValue("winkeldiefstallen", "GM0001", 2023, Decimal("2.0"), Decimal(2), 1000,
                         "computed", ("2.5.2",), "CBS 47018NED", None),
              CrimeValue("winkeldiefstallen", "NL01", 2023, Decimal("1.8"), None, None,
                         "computed-national", ("2.5.2",),
                         "CBS 47018NED (sum of municipalities)", None),
              CrimeValue("winkeldiefstallen", "GM0002", 2023, Decimal("9.0"), None, None,
                         "computed", ("2.5.2",), "CBS 83648NED", None)]  # another region
    comparison, _ = build_comparison("GM0001", iv3_file=iv3, register=register, year=2023,
                                     phase="jaarrekening", peers="province", crime=police)
    assert comparison is not None
    assert comparison.sources == ("CBS Iv3 jaarrekening 2023 (2023_jaarrekening.csv)",
                                  "CBS 47018NED", "CBS 47018NED (sum of municipalities)")
    assert [i.source for i in comparison.indicators] == ["CBS 47018NED"]
    bare, _ = build_comparison("GM0001", iv3_file=iv3, register=register, year=2023,
                               phase="jaarrekening", peers="province")
    assert bare is not None
    assert bare.sources == ("CBS Iv3 jaarrekening 2023 (2023_jaarrekening.csv)",)

"""CBS 83648NED loader: StatLine CSV (inline and corpus) and OData TypedDataSet fixtures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import corpus_file

from rekenschap.importers.cbs import CrimeTable, load_crime_codes, load_crime_csv, load_crime_odata
from rekenschap.model import Problem

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = ('"ID";"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1";'
          '"GeregistreerdeMisdrijvenPer1000Inw_3"\n')


def _csv(body: str, header: str = HEADER) -> tuple[CrimeTable, list[Problem]]:
    return load_crime_csv("export.csv", text=header + body)


def test_statline_export_quoted_padded_point_decimal_and_unknown() -> None:
    table, problems = _csv('"1";"0000000";"GM0629    ";"2015JJ00";"    1090";"    42.4"\n'
                           '"2";"3000000";"GM0629";"2015JJ00";"      90";"       ."\n'
                           '"3";"2010000";"GM0629";"2015JJ00";"";""\n')
    assert problems == []
    total = table.get("0000000", "GM0629", 2015)
    assert total is not None and (total.count, total.rate) == (Decimal(1090), Decimal("42.4"))
    assert total.provenance.line == 2
    violence = table.get("3000000", "GM0629", 2015)
    assert violence is not None and (violence.count, violence.rate) == (Decimal(90), None)
    empty = table.get("2010000", "GM0629", 2015)
    assert empty is not None and (empty.count, empty.rate) == (None, None)


def test_new_code_list_is_recognised() -> None:
    table, problems = _csv('"1";"T001161";"GM0629";"2019JJ00";"900";"34.1"\n'
                           '"2";"CRI3000";"GM0629";"2019JJ00";"80";""\n')
    assert problems == []
    assert table.codes() == {"T001161", "CRI3000"}


def test_odd_rows_are_reported_once_each_and_kept() -> None:
    table, problems = _csv('"1";"ABC";"GM0629";"2015JJ00";"5";""\n'
                           '"2";"ABC";"GM0629";"2016JJ00";"5";""\n'
                           '"3";"0000000";"XX12";"2015JJ00";"5";""\n'
                           '"4";"0000000";"GM0629";"2015KW01";"5";""\n'
                           '"5";"0000000";"GM0629";"2015JJ00";"veel";"1,5"\n')
    assert [(p.code, p.location.line, p.location.path) for p in problems] == [
        ("CBS-CODE-UNKNOWN", 2, "column SoortMisdrijf"),
        ("CBS-REGION-UNKNOWN", 4, "column RegioS"),
        ("CBS-PERIOD-UNSUPPORTED", 5, "column Perioden"),
        ("CBS-VALUE-INVALID", 6, "column count"),
        ("CBS-VALUE-INVALID", 6, "column rate per 1.000"),
    ]
    assert table.get("ABC", "GM0629", 2016) is not None
    assert table.get("0000000", "XX12", 2015) is not None
    kept = table.get("0000000", "GM0629", 2015)
    assert kept is not None and (kept.count, kept.rate) == (None, None)


def test_wrong_delimiter_and_missing_columns() -> None:
    table, problems = _csv('"1","0000000","GM0629","2015JJ00","1090","42.4"\n',
                           header=HEADER.replace(";", ","))
    assert [p.code for p in problems] == ["CBS-DELIMITER"]
    assert table.get("0000000", "GM0629", 2015) is not None
    table, problems = _csv('"1";"GM0629";"2015JJ00";"1090"\n',
                           header='"ID";"RegioS";"Perioden";"Aantal"\n')
    assert {(p.code, p.location.path) for p in problems} == {
        ("CBS-COLUMN-MISSING", "column SoortMisdrijf"),
        ("CBS-COLUMN-MISSING", "column TotaalGeregistreerdeMisdrijven_1")}
    assert table.records == {}


@pytest.mark.parametrize("name", ["83648NED-GM0629-old-codes.json",
                                  "83648NED-GM0629-new-codes.json"])
def test_recorded_odata_responses_give_the_export_values(name: str) -> None:
    table, problems = load_crime_odata(FIXTURES / name)
    assert problems == []
    total_code = "0000000" if "old" in name else "T001161"
    total = table.get(total_code, "GM0629", 2015)
    assert total is not None and (total.count, total.rate) == (Decimal(1090), Decimal("42.4"))
    assert len(table.records) == 4


def test_odata_shape_errors_are_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"odata.metadata": "x"}', encoding="utf-8")
    table, problems = load_crime_odata(bad)
    assert [p.code for p in problems] == ["CBS-ODATA-INVALID"] and table.records == {}
    table, problems = load_crime_odata({"value": [{"RegioS": "GM0629"}, {
        "SoortMisdrijf": "0000000", "RegioS": "GM0629", "Perioden": "2015JJ00",
        "TotaalGeregistreerdeMisdrijven_1": 3}]})
    assert [(p.code, p.location.path) for p in problems] == [
        ("CBS-ODATA-INVALID", "value[0].item")]
    assert len(table.records) == 1


def test_code_mapping_cites_cbs_and_covers_the_four_indicators() -> None:
    codes = load_crime_codes()
    assert set(codes.indicators) == {"winkeldiefstallen", "geweldsmisdrijven",
                                     "diefstallen-uit-woning", "vernielingen-en-beschadigingen"}
    for spec in codes.indicators.values():
        for list_name in codes.lists:
            assert (list_name in spec.codes) != (list_name in spec.unavailable), (spec.id,
                                                                                 list_name)
            for code in spec.codes.get(list_name, ()):
                assert code in codes.lists[list_name].codes
    assert codes.lists["scm-7digit"].total == "0000000"
    assert codes.lists["scm-cri"].total == "T001161"


def test_corpus_export_loads_without_problems() -> None:
    table, problems = load_crime_csv(
        corpus_file("cbs", "83648NED-geregistreerde-criminaliteit-2015.csv"))
    assert problems == []
    assert len(table.codes()) == 76
    assert len(table.regions()) == 447
    wassenaar = table.get("0000000", "GM0629", 2015)
    assert wassenaar is not None and wassenaar.rate == Decimal("42.4")

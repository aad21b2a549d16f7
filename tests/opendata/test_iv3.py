"""Iv3 loader: inline CSV files through the real loader, then the real corpus files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.conftest import corpus_file

from rekenschap.importers.iv3 import Iv3Table, load_iv3, load_iv3_definitions, taakveld_code
from rekenschap.importers.opendata_iv3dir import load_iv3_dir
from rekenschap.model import Problem

HEADER = "Gemeenten;Taakveld;Baten;Lasten;Provincie;Gemeentegrootte;Stedelijkheid;Inwonertal\n"
REGISTER = {"wassenaar": "GM0629", "leiden": "GM0546"}


def _load(body: str, name: str = "2023_jaarrekening.csv", header: str = HEADER,
          **kwargs: object) -> tuple[Iv3Table, list[Problem]]:
    return load_iv3(name, text=header + body, register=REGISTER, **kwargs)  # type: ignore[arg-type]


def test_valid_rows_are_read_with_code_lookup_and_provenance() -> None:
    table, problems = _load(
        "Wassenaar;1.2 Openbare orde en veiligheid;136.0;1553.0;Zuid-Holland;20000tot50000;"
        "Matig;27093\n"
        "Nederland;1.2 Openbare orde en veiligheid;1.0;2.0;;;;17900000\n")
    assert problems == []
    assert (table.year, table.kind) == (2023, "jaarrekening")
    assert table.amounts("GM0629", "1.2") == (Decimal("136.0"), Decimal("1553.0"))
    assert table.amounts("wassenaar", "1.2") == table.amounts("GM0629", "1.2")
    assert table.amounts("NL01", "1.2") == (Decimal("1.0"), Decimal("2.0"))
    assert table.amounts("GM0629", "1.1") is None
    found = table.amount("GM0629", "1.2")
    assert found is not None and found.provenance.line == 2
    muni = table.municipality("GM0629")
    assert muni is not None and muni.population == 27093 and muni.province == "Zuid-Holland"


def test_bad_amount_is_reported_with_line_and_column_and_the_row_kept() -> None:
    table, problems = _load("Wassenaar;1.2 OOV;12,5x;1553.0;;;;1\n"
                            "Wassenaar;1.1 Brandweer;0;2686;;;;1\n")
    assert [(p.code, p.location.line, p.location.path) for p in problems] == [
        ("IV3-AMOUNT-INVALID", 2, "column Baten")]
    assert "12,5x" in problems[0].message
    assert table.amounts("GM0629", "1.2") == (Decimal(0), Decimal("1553.0"))
    assert table.amounts("GM0629", "1.1") == (Decimal(0), Decimal(2686))


def test_unknown_municipality_and_taakveld_are_reported_once_and_kept() -> None:
    codes = {"1.2": "Openbare orde en veiligheid"}
    table, problems = _load("Atlantis;1.2 OOV;1;2;;;;5\nAtlantis;9.9 Onbekend;1;2;;;;5\n"
                            "Wassenaar;geen code;1;2;;;;5\n", taakvelden=codes)
    assert [(p.code, p.location.line) for p in problems] == [
        ("IV3-MUNICIPALITY-UNKNOWN", 2), ("IV3-TAAKVELD-UNKNOWN", 3),
        ("IV3-TAAKVELD-INVALID", 4)]
    assert table.amounts("Atlantis", "9.9") == (Decimal(1), Decimal(2))


def test_wrong_delimiter_is_reported_and_the_file_still_read() -> None:
    table, problems = _load("Wassenaar,1.2 OOV,136,1553,,,,27093\n",
                            header=HEADER.replace(";", ","))
    assert [p.code for p in problems] == ["IV3-DELIMITER"]
    assert problems[0].location.line == 1
    assert table.amounts("GM0629", "1.2") == (Decimal(136), Decimal(1553))


def test_missing_columns_are_errors_naming_the_column() -> None:
    table, problems = _load("Wassenaar;1.2 OOV\n", header="Gemeenten;Taakveld\n")
    assert sorted((p.code, p.location.path) for p in problems) == [
        ("IV3-COLUMN-MISSING", "column Baten"), ("IV3-COLUMN-MISSING", "column Lasten")]
    assert table.amounts("GM0629", "1.2") == (Decimal(0), Decimal(0))
    _, problems = _load("x;y\n", header="Naam;Waarde\n")
    assert {p.location.path for p in problems} == {"column Gemeenten", "column Taakveld",
                                                   "column Baten", "column Lasten"}


def test_empty_file_is_a_problem_not_a_crash() -> None:
    table, problems = load_iv3("leeg.csv", text="")
    assert [p.code for p in problems] == ["IV3-EMPTY"]
    assert list(table.rows()) == []


def test_taakveld_codes_are_read_from_labels() -> None:
    assert taakveld_code("0.10 Mutaties reserves") == "0.10"
    assert taakveld_code("6.71a Huishoudelijke hulp (WMO)") == "6.71a"
    assert taakveld_code("6.711 Huishoudelijke hulp (WMO)") == "6.711"
    assert taakveld_code("Totaal") is None


def test_definitions_expand_sub_taakvelden_per_year() -> None:
    codes_2023, problems = load_iv3_definitions(
        corpus_file("iv3-definities", "iv3_definities_Gemeente_2023.json"))
    assert problems == []
    assert codes_2023.names["1.2"] == "Openbare orde en veiligheid"
    assert codes_2023.expand("6.71") == ["6.71", "6.71a", "6.71b", "6.71c", "6.71d"]
    assert codes_2023.expand("0.1") == ["0.1"]
    codes_2025, _ = load_iv3_definitions(
        corpus_file("iv3-definities", "iv3_definities_Gemeente_2025.json"))
    assert codes_2025.expand("6.71") == ["6.711", "6.712", "6.713", "6.714"]


def test_broken_definitions_file_is_a_problem(tmp_path: Path) -> None:
    bad = tmp_path / "iv3_definities_Gemeente_2023.json"
    bad.write_text("{not json", encoding="utf-8")
    codes, problems = load_iv3_definitions(bad)
    assert codes.names == {} and [p.code for p in problems] == ["IV3-DEFINITIONS-INVALID"]


def test_corpus_wassenaar_2023_matches_the_jaarstukken() -> None:
    """Cross-check from the corpus README: taakveld 1.2 is 136.085 / 1.553.291 euro in the
    Wassenaar jaarstukken 2023 and 136 / 1553 (x 1.000) in Iv3."""
    directory = corpus_file("iv3")
    data, problems = load_iv3_dir(directory)
    assert [p for p in problems if p.severity.value != "notice"] == []
    assert sorted(data.tables) == [(2023, "begroting"), (2023, "jaarrekening"),
                                   (2024, "begroting"), (2025, "begroting")]
    assert data.amounts("GM0629", 2023, "jaarrekening", "1.2") == (Decimal(136), Decimal(1553))
    assert data.amounts("GM0629", 2023, "jaarrekening", "1.2 Openbare orde en veiligheid") == (
        Decimal(136), Decimal(1553))
    # 6.71 covers its lettered sub-taakvelden in 2023: 0 + 1788 + 645 + 241 + 618 lasten.
    assert data.amounts("GM0629", 2023, "jaarrekening", "6.71") == (Decimal(138), Decimal(3292))
    assert data.amounts("GM0629", 2024, "begroting", "1.2") is not None
    assert data.amounts("GM9999", 2023, "jaarrekening", "1.2") is None
    assert data.amounts("GM0629", 2019, "jaarrekening", "1.2") is None
    table = data.table(2023, "jaarrekening")
    assert table is not None and len(table.municipalities) == 343  # 342 + Nederland
    # Bergen (L.) and Bergen (NH.) stay apart; "Hengelo" in Iv3 is "Hengelo (O.)" at CBS
    bergen_l, bergen_nh = table.municipality("GM0893"), table.municipality("GM0373")
    assert bergen_l is not None and bergen_l.name == "Bergen (L.)"
    assert bergen_nh is not None and bergen_nh.name == "Bergen (NH.)"
    hengelo = table.municipality("GM0164")
    assert hengelo is not None and hengelo.name == "Hengelo"


def test_missing_directory_is_a_problem(tmp_path: Path) -> None:
    data, problems = load_iv3_dir(tmp_path / "nope")
    assert data.tables == {} and [p.code for p in problems] == ["IV3-DIR-MISSING"]
    data, problems = load_iv3_dir(tmp_path)
    assert {p.code for p in problems} == {"IV3-REGISTER-MISSING", "IV3-DIR-EMPTY"}


def test_duplicate_rows_are_reported_and_added_up() -> None:
    table, problems = _load("Wassenaar;1.2 OOV;1;10;;;;1\nWassenaar;1.2 OOV;2;;;;;1\n")
    assert [(p.code, p.location.line) for p in problems] == [("IV3-DUPLICATE", 3)]
    assert "line 2" in problems[0].message
    assert table.amounts("GM0629", "1.2") == (Decimal(3), Decimal(10))

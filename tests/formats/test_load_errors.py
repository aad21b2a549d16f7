"""Bad input through the real loader: each problem names file, line and field; nothing raises."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from rekenschap.importers.native import load_report, loads_json, loads_yaml
from rekenschap.model import Problem, Severity

from .samples import GOOD


def where(problems: list[Problem]) -> list[tuple[int | None, str | None, str, str]]:
    return [(p.location.line, p.location.path, p.code, p.message) for p in problems]


def test_good_document_loads_without_problems() -> None:
    report, problems = loads_yaml(GOOD, "report.yaml")
    assert problems == []
    assert report is not None
    assert report.programmes[0].finance is not None
    assert report.programmes[0].finance.rows[1].values["actual"] == Decimal(9648)


def test_not_a_number_names_file_line_and_field() -> None:
    text = GOOD.replace("actual: 9648", "actual: '4.3x'")
    report, problems = loads_yaml(text, "report.yaml")
    assert report is None
    assert where(problems) == [
        (27, "programmes[0].finance.rows[1].values.actual", "FMT-INVALID",
         "not a number: '4.3x' (write digits only, like 42.668, 5,7 or -0.125)")]
    assert problems[0].location.file == "report.yaml"


def test_all_errors_are_reported_in_line_order() -> None:
    text = (GOOD.replace("year: 2024", "year: 'twintig'")
            .replace("name: Veiligheid", "name: Veiligheid\n    colour: blue")
            .replace("kind: baten", "kind: inkomsten")
            .replace("amended: 6506", "amended: 6506x"))
    report, problems = loads_yaml(text, "r.yaml")
    assert report is None
    assert [(p.location.line, p.location.path, p.code) for p in problems] == [
        (7, "document.year", "FMT-INVALID"),
        (13, "programmes[0].colour", "FMT-UNKNOWN-FIELD"),
        (24, "programmes[0].finance.rows[1].kind", "FMT-INVALID"),
        (27, "programmes[0].finance.rows[1].values.amended", "FMT-INVALID"),
    ]
    assert "unknown field 'colour'" in problems[1].message
    assert "'inkomsten'" in problems[2].message


def test_unknown_field_suggests_the_known_one() -> None:
    text = GOOD.replace("cbs_code: GM0014", "cbs_cod: GM0014")
    _, problems = loads_yaml(text, "r.yaml")
    assert where(problems) == [(4, "organisation.cbs_cod", "FMT-UNKNOWN-FIELD",
                                "unknown field 'cbs_cod'; did you mean 'cbs_code'?")]


def test_missing_field_points_at_its_parent() -> None:
    text = GOOD.replace("  name: Gemeente Voorbeeld\n", "")
    _, problems = loads_yaml(text, "r.yaml")
    assert where(problems) == [(2, "organisation", "FMT-MISSING-FIELD",
                                "missing required field 'name'")]


def test_duplicate_key_is_an_error_not_silently_the_last() -> None:
    text = GOOD.replace("name: Veiligheid", "name: Veiligheid\n    name: Sport")
    report, problems = loads_yaml(text, "r.yaml")
    assert report is None
    assert where(problems) == [(13, "programmes[0].name", "FMT-DUPLICATE-KEY",
                                "duplicate key 'name' (first at line 12); keep only one")]


def test_unquoted_code_gets_a_quote_hint() -> None:
    text = GOOD.replace("code: '2'", "code: 2.2")
    _, problems = loads_yaml(text, "r.yaml")
    assert where(problems) == [(11, "programmes[0].code", "FMT-INVALID",
                                "expected text, got the number 2.2; write it in quotes: '2.2'")]


@pytest.mark.parametrize(("header", "message"), [
    ("", "missing 'schema: rekenschap/report@1' at the top (the format version)"),
    ("schema: rekenschap/report@2\n",
     "this file is format 'rekenschap/report@2', newer than this rekenschap reads "
     "(rekenschap/report@1); upgrade rekenschap"),
    ("schema: something/else\n",
     "schema must be 'rekenschap/report@1', got 'something/else'"),
])
def test_schema_version_messages(header: str, message: str) -> None:
    text = header + GOOD.removeprefix("schema: rekenschap/report@1\n")
    report, problems = loads_yaml(text, "r.yaml")
    assert report is None
    assert [(p.code, p.message, p.location.line) for p in problems] == [
        ("FMT-SCHEMA-VERSION", message, 1)]


def test_yaml_syntax_error_has_the_line() -> None:
    text = GOOD.replace("  name: Gemeente Voorbeeld", "  name: [Gemeente")
    report, problems = loads_yaml(text, "r.yaml")
    assert report is None
    assert len(problems) == 1
    assert problems[0].code == "FMT-YAML-SYNTAX"
    assert problems[0].location.line is not None and problems[0].location.line >= 3


def test_unsafe_tag_is_refused_not_executed() -> None:
    text = GOOD.replace("name: Veiligheid", "name: !!python/object/apply:os.system ['true']")
    report, problems = loads_yaml(text, "r.yaml")
    assert report is None
    assert [(p.code, p.location.line) for p in problems] == [("FMT-YAML-SYNTAX", 12)]


@pytest.mark.parametrize(("text", "code"), [
    ("", "FMT-INVALID"),
    ("- a\n- b\n", "FMT-INVALID"),
    ("schema: rekenschap/report@1\norganisation: &x [*x]\n", "FMT-MISSING-FIELD"),
    ("--- a\n--- b\n", "FMT-YAML-SYNTAX"),
])
def test_odd_documents_give_one_problem(text: str, code: str) -> None:
    report, problems = loads_yaml(text, "odd.yaml")
    assert report is None
    assert problems and problems[0].code == code


def test_suspect_thousands_warns_but_keeps_the_report() -> None:
    text = GOOD.replace("amended: 44622", "amended: 44.622")
    report, problems = loads_yaml(text, "r.yaml")
    assert report is not None
    assert [(p.location.line, p.code, p.severity) for p in problems] == [
        (21, "FMT-SUSPECT-THOUSANDS", Severity.WARNING)]
    assert "means 44622" in problems[0].message
    assert problems[0].location.path == "programmes[0].finance.rows[0].values.amended"


def test_quoted_dutch_number_is_read_as_thousands() -> None:
    report, problems = loads_yaml(GOOD.replace("amended: 44622", "amended: '44.622'"), "r.yaml")
    assert problems == []
    assert report is not None and report.programmes[0].finance is not None
    assert report.programmes[0].finance.rows[0].values["amended"] == Decimal(44622)


def test_three_decimals_outside_thousands_tables_are_fine() -> None:
    text = GOOD.replace("scale: 1000", "scale: 1").replace("amended: 44622", "amended: 44.622")
    report, problems = loads_yaml(text, "r.yaml")
    assert report is not None and problems == []


JSON_GOOD = """{
  "schema": "rekenschap/report@1",
  "organisation": {"name": "Gemeente Voorbeeld"},
  "document": {"kind": "begroting", "year": 2025},
  "programmes": [
    {
      "name": "Veiligheid",
      "finance": {
        "columns": [{"key": "budget", "kind": "budget", "label": "Begroting 2025"}],
        "rows": [{"kind": "lasten", "label": "Lasten", "values": {"budget": 1.10}}]
      }
    }
  ]
}
"""


def test_json_is_exact_and_clean() -> None:
    report, problems = loads_json(JSON_GOOD, "r.json")
    assert problems == []
    assert report is not None and report.programmes[0].finance is not None
    value = report.programmes[0].finance.rows[0].values["budget"]
    assert isinstance(value, Decimal) and value == Decimal("1.10")


def test_json_errors_name_the_line() -> None:
    text = JSON_GOOD.replace('"label": "Lasten"', '"label": "Lasten", "colour": 1').replace(
        '"year": 2025', '"year": "x"')
    report, problems = loads_json(text, "r.json")
    assert report is None
    assert [(p.location.line, p.location.path, p.code) for p in problems] == [
        (4, "document.year", "FMT-INVALID"),
        (10, "programmes[0].finance.rows[0].colour", "FMT-UNKNOWN-FIELD"),
    ]


def test_json_duplicate_key() -> None:
    text = JSON_GOOD.replace('"name": "Veiligheid",', '"name": "Veiligheid",\n      "name": "X",')
    _, problems = loads_json(text, "r.json")
    assert where(problems) == [(8, "programmes[0].name", "FMT-DUPLICATE-KEY",
                                "duplicate key 'name' (first at line 7); keep only one")]


@pytest.mark.parametrize(("text", "line"), [
    ('{"schema": "rekenschap/report@1",\n "organisation": {"name": "x"}\n "document": 1}', 3),
    ('{"a": [1, 2,\n ]}', 2),
    ('{"a": 1}\n{"b": 2}', 2),
    ('{"a": "unterminated\n}', 1),
    ("", 1),
])
def test_json_syntax_errors(text: str, line: int) -> None:
    report, problems = loads_json(text, "bad.json")
    assert report is None
    assert [(p.code, p.location.line) for p in problems] == [("FMT-JSON-SYNTAX", line)]


def test_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    report, problems = load_report(missing)
    assert report is None and [p.code for p in problems] == ["FMT-UNREADABLE"]
    assert problems[0].location.file == str(missing)

    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"schema: x\nname: caf\xe9\n")
    report, problems = load_report(latin)
    assert report is None
    assert [(p.code, p.location.line) for p in problems] == [("FMT-UNREADABLE", 2)]

    report, problems = load_report(tmp_path)
    assert report is None and [p.code for p in problems] == ["FMT-UNREADABLE"]


def test_suffix_decides_and_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    as_txt = tmp_path / "report.txt"
    as_txt.write_text(JSON_GOOD, encoding="utf-8")
    report, problems = load_report(as_txt)
    assert report is not None and problems == []
    yaml_txt = tmp_path / "report.data"
    yaml_txt.write_text(GOOD, encoding="utf-8")
    report, problems = load_report(yaml_txt)
    assert report is not None and problems == []
    bom = tmp_path / "bom.yml"
    bom.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    report, problems = load_report(bom)
    assert report is not None and problems == []

"""partial=True: a file with errors still gives all its valid parts and says what was left out."""

from __future__ import annotations

from pathlib import Path

from rekenschap.importers.native import load_report, loads_json, loads_yaml
from rekenschap.model import Severity
from rekenschap.render.native import dump_json

from .samples import GOOD


def test_default_mode_gives_no_report_on_errors() -> None:
    report, _ = loads_yaml(GOOD.replace("actual: 9648", "actual: '4.3x'"), "r.yaml")
    assert report is None


def test_bad_value_is_left_out_and_the_rest_kept() -> None:
    text = GOOD.replace("actual: 9648", "actual: '4.3x'")
    report, problems = loads_yaml(text, "r.yaml", partial=True)
    assert report is not None and report.programmes[0].finance is not None
    rows = report.programmes[0].finance.rows
    assert rows[1].values == {"amended": 6506}  # only the bad value is missing
    assert rows[0].values["actual"] == 45324
    assert [(p.location.line, p.code, p.severity) for p in problems] == [
        (27, "FMT-INVALID", Severity.ERROR), (27, "FMT-DROPPED", Severity.NOTICE)]
    assert problems[1].location.path == "programmes[0].finance.rows[1].values.actual"


def test_bad_required_field_drops_its_list_item_only() -> None:
    text = GOOD.replace("kind: baten", "kind: inkomsten")
    report, problems = loads_yaml(text, "r.yaml", partial=True)
    assert report is not None and report.programmes[0].finance is not None
    assert [r.label for r in report.programmes[0].finance.rows] == ["Lasten"]
    dropped = [p.location.path for p in problems if p.code == "FMT-DROPPED"]
    assert dropped == ["programmes[0].finance.rows[1]"]


def test_unknown_field_is_reported_and_left_out() -> None:
    text = GOOD.replace("name: Veiligheid", "name: Veiligheid\n    colour: blue")
    report, problems = loads_yaml(text, "r.yaml", partial=True)
    assert report is not None and report.programmes[0].name == "Veiligheid"
    assert {p.code for p in problems} == {"FMT-UNKNOWN-FIELD", "FMT-DROPPED"}


def test_error_in_required_top_level_part_gives_no_report() -> None:
    text = GOOD.replace("year: 2024", "year: 'twintig'")
    report, problems = loads_yaml(text, "r.yaml", partial=True)
    assert report is None
    assert [p.code for p in problems] == ["FMT-INVALID"]


def test_partial_json_and_files(tmp_path: Path) -> None:
    report, _ = loads_yaml(GOOD, "r.yaml")
    assert report is not None
    text = dump_json(report).replace('"actual": 9648', '"actual": "9648?"')
    partial, problems = loads_json(text, "r.json", partial=True)
    assert partial is not None
    assert [p.code for p in problems] == ["FMT-INVALID", "FMT-DROPPED"]
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    from_file, _ = load_report(path, partial=True)
    assert from_file == partial

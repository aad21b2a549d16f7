"""validate / convert / schema in-process (CliRunner) and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sysconfig
from pathlib import Path
from textwrap import dedent

import pytest
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.importers.native import load_report

runner = CliRunner()

VALID = dedent("""\
    schema: rekenschap/report@1
    organisation: {name: Gemeente Voorbeeld}
    document: {kind: begroting, year: 2025}
    unit: {scale: 1000}
    programmes:
      - name: Veiligheid
        finance:
          columns: [{key: budget, kind: budget, label: Begroting 2025}]
          rows:
            - kind: lasten
              label: Lasten
              values: {budget: 42668}
    """)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.yaml"
    good.write_text(VALID, encoding="utf-8")
    bad = tmp_path / "report.yaml"
    bad.write_text(VALID.replace("{budget: 42668}", "{budget: '4.3x'}"), encoding="utf-8")
    warn = tmp_path / "warn.yaml"
    warn.write_text(VALID.replace("{budget: 42668}", "{budget: 42.668}"), encoding="utf-8")
    return {"good": good, "bad": bad, "warn": warn, "missing": tmp_path / "missing.yaml"}


def test_validate_valid_files_exit_0(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["validate", str(files["good"]), str(files["warn"])])
    assert result.exit_code == 0, result.output
    assert "2 file(s): 2 valid, 0 invalid" in result.output
    where = f"{files['warn']}:12: programmes[0].finance.rows[0].values.budget: 42.668"
    assert where in result.output
    assert "[warning FMT-SUSPECT-THOUSANDS]" in result.output


def test_validate_invalid_file_exit_1_with_file_line_field(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["validate", str(files["good"]), str(files["bad"])])
    assert result.exit_code == 1
    assert (f"{files['bad']}:12: programmes[0].finance.rows[0].values.budget: "
            "not a number: '4.3x' (write digits only, like 42.668, 5,7 or -0.125) "
            "[error FMT-INVALID]") in result.output
    assert "2 file(s): 1 valid, 1 invalid" in result.output


def test_validate_unreadable_file_exit_2(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["validate", str(files["bad"]), str(files["missing"])])
    assert result.exit_code == 2
    assert "FMT-UNREADABLE" in result.output
    assert "1 unreadable" in result.output


def test_validate_without_files_is_a_usage_error() -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 2


def test_convert_to_json_and_back(files: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["convert", str(files["good"]), "--to", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "rekenschap/report@1"
    assert data["programmes"][0]["finance"]["rows"][0]["values"] == {"budget": 42668}

    out = tmp_path / "out.json"
    assert runner.invoke(app, ["convert", str(files["good"]), "--to", "json",
                               "-o", str(out)]).exit_code == 0
    back = runner.invoke(app, ["convert", str(out), "--to", "yaml"])
    assert back.exit_code == 0
    original, _ = load_report(files["good"])
    again, _ = load_report(out)
    assert original == again
    assert back.stdout.startswith("schema: rekenschap/report@1\n")


def test_convert_refuses_invalid_input(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["convert", str(files["bad"]), "--to", "json"])
    assert result.exit_code == 1
    assert "not a number: '4.3x'" in result.output
    assert runner.invoke(app, ["convert", str(files["missing"]), "--to", "json"]).exit_code == 2
    assert runner.invoke(app, ["convert", str(files["good"]), "--to", "xml"]).exit_code == 2


def test_schema_command_prints_the_committed_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    committed = Path(__file__).resolve().parents[2] / "docs" / "schema" / "report-1.json"
    assert result.stdout == committed.read_text(encoding="utf-8")
    out = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["$id"] == "urn:rekenschap:schema:report-1"


def test_subprocess_smoke(files: dict[str, Path]) -> None:
    """The installed console script, as a user runs it."""
    script = Path(sysconfig.get_path("scripts")) / "rekenschap"
    if not script.exists():
        pytest.skip(f"console script not installed at {script}")
    ok = subprocess.run([str(script), "validate", str(files["good"])],
                        capture_output=True, text=True, timeout=120, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "1 valid, 0 invalid" in ok.stdout
    bad = subprocess.run([str(script), "validate", str(files["bad"])],
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 1
    assert "not a number: '4.3x'" in bad.stdout


def test_validate_json_output(files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["validate", "--json", str(files["good"]), str(files["bad"])])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["valid"], data["invalid"], data["unreadable"]) == (1, 1, 0)
    bad = data["files"][1]
    assert bad["valid"] is False
    assert bad["problems"][0]["code"] == "FMT-INVALID"
    assert bad["problems"][0]["location"] == {
        "file": str(files["bad"]), "page": None, "line": 12,
        "path": "programmes[0].finance.rows[0].values.budget", "bbox": None}

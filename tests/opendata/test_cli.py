"""``rekenschap indicators fill`` and ``rekenschap compare``: in-process, plus one subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import CORPUS, corpus_file
from typer.testing import CliRunner

from rekenschap.cli import app

REPORT = """schema: rekenschap/report@1
organisation: {name: Wassenaar, cbs_code: GM0629}
document: {kind: jaarstukken, year: 2016}
programmes:
- name: Veiligheid
  indicators:
  - name: Geweldsmisdrijven
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
    observations:
    - {period: '2015', value: 6.2}
  - name: Vernielingen en beschadigingen (in de openbare ruimte)
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
"""
FIXTURE = Path(__file__).parent / "fixtures" / "83648NED-GM0629-old-codes.json"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "wassenaar.yaml"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_fill_from_recorded_odata_writes_observations_and_flags_the_difference(
        report: Path, tmp_path: Path) -> None:
    population = corpus_file("cbs", "70072ned-regionale-kerncijfers.csv")
    out = tmp_path / "filled.json"
    result = CliRunner().invoke(app, [
        "indicators", "fill", str(report), "--data", str(FIXTURE), "--population",
        str(population), "--reference-date", "2026-11-28", "-o", str(out)])
    assert result.exit_code == 1, result.output  # the document's 6,2 differs from CBS's 3,5
    assert "OD-CBS-DIFFERS" in result.output and "3.5" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    indicators = data["programmes"][0]["indicators"]
    assert indicators[0]["observations"][0]["value"] == 6.2
    assert indicators[1]["observations"] == [{
        "period": "2015", "period_implicit": False, "value": 3.1, "qualifier": None,
        "printed": None, "source": "CBS 83648NED", "reference_date": "2026-11-28",
        "provenance": None}]


def test_fill_with_the_corpus_export_to_stdout(report: Path) -> None:
    corpus_file("cbs", "83648NED-geregistreerde-criminaliteit-2015.csv")
    result = CliRunner().invoke(app, ["indicators", "fill", str(report), "--cbs", "GM0629",
                                      "--data-root", str(CORPUS)])
    assert result.exit_code == 1
    assert "2 CBS values, 1 observations added" in result.output


def test_fill_reports_unreadable_input(tmp_path: Path, report: Path) -> None:
    missing = CliRunner().invoke(app, ["indicators", "fill", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2 and "FMT-UNREADABLE" in missing.output
    no_data = CliRunner().invoke(app, ["indicators", "fill", str(report), "--data-root",
                                       str(tmp_path / "empty")])
    assert no_data.exit_code == 2 and "CBS-DATA-MISSING" in no_data.output


def test_compare_table_and_json() -> None:
    corpus_file("iv3", "2023_jaarrekening.csv")
    runner = CliRunner()
    result = runner.invoke(app, ["compare", "GM0629", "--year", "2023", "--peers",
                                 "GM0546,GM0626", "--data-root", str(CORPUS)],
                           env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Wassenaar (GM0629)" in result.output and "Openbare orde en veiligheid" in result.output
    assert "Nederland" in result.output and "geweldsmisdrijven" in result.output
    as_json = runner.invoke(app, ["compare", "GM0629", "--year", "2023", "--phase",
                                  "jaarrekening", "--json", "--data-root", str(CORPUS)])
    data = json.loads(as_json.stdout)
    assert data["peer_kind"] == "size-class" and data["cbs_code"] == "GM0629"
    unknown = runner.invoke(app, ["compare", "GM9999", "--data-root", str(CORPUS)])
    assert unknown.exit_code == 2 and "OD-MUNICIPALITY-UNKNOWN" in unknown.output


def test_compare_subprocess_writes_a_vega_lite_spec(tmp_path: Path) -> None:
    corpus_file("iv3", "2023_jaarrekening.csv")
    spec = tmp_path / "spec.json"
    done = subprocess.run(
        [str(Path(sys.executable).parent / "rekenschap"), "compare", "GM0629", "--year", "2023",
         "--peers", "province", "--measure", "baten", "--spec", str(spec), "--lang", "en"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "REKENSCHAP_OPENDATA": str(CORPUS)})
    assert done.returncode == 0, done.stderr
    assert "Netherlands" in done.stdout
    chart = json.loads(spec.read_text(encoding="utf-8"))
    assert chart["layer"][0]["mark"]["type"] == "bar"
    assert chart["data"]["values"][0]["taakveld"] == "0.1 Bestuur"

"""``rekenschap check`` in-process (CliRunner) and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.checks.helpers import EXAMPLE
from typer.testing import CliRunner

from rekenschap.cli import app

runner = CliRunner()


def test_text_output_and_exit_code() -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE)])
    assert result.exit_code == 1  # FIN-OVERRUN is an error
    lines = result.stdout.splitlines()
    overrun = [line for line in lines if " FIN-OVERRUN error " in line]
    assert len(overrun) == 1
    assert overrun[0].startswith(f"{EXAMPLE}: FIN-OVERRUN error 2.2 Veiligheid: lasten realised")
    assert overrun[0].endswith("[programmes[0].finance.rows[0]]")


def test_fail_on_levels() -> None:
    assert runner.invoke(app, ["check", str(EXAMPLE), "--fail-on", "never"]).exit_code == 0
    assert runner.invoke(app, ["check", str(EXAMPLE), "--fail-on", "warning"]).exit_code == 1


def test_json_output() -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE), "--format", "json", "--fail-on", "never"])
    data = json.loads(result.stdout)
    codes = [p["code"] for p in data["problems"]]
    assert "IND-CLAIM-AMBIGUOUS" in codes and "IND-UNIT" in codes
    assert data["summary"]["error"] == 1 and data["summary"]["files"] == 1
    assert all(p["location"]["file"] == str(EXAMPLE) for p in data["problems"])


def test_config_and_its_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "rekenschap.toml"
    cfg.write_text('[checks.severity]\nFIN-OVERRUN = "warning"\n[variance]\nabsolut = 1\n')
    result = runner.invoke(app, ["check", str(EXAMPLE), "--config", str(cfg)])
    assert f"{cfg}:4: CFG-UNKNOWN-KEY error variance.absolut" in result.stdout
    assert " FIN-OVERRUN warning " in result.stdout
    assert result.exit_code == 1  # the config error itself is an error


def test_unreadable_input_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: rekenschap/report@1\norganisation: [\n")
    result = runner.invoke(app, ["check", str(bad), str(EXAMPLE)])
    assert result.exit_code == 1
    assert str(bad) in result.stdout and " FIN-OVERRUN " in result.stdout


def test_list_and_usage() -> None:
    listing = runner.invoke(app, ["check", "--list"])
    assert listing.exit_code == 0 and "IND-CLAIM-HIDDEN-RISE" in listing.stdout
    data = json.loads(runner.invoke(app, ["check", "--list", "--format", "json"]).stdout)
    assert {"code", "severity", "rationale", "rule"} <= set(data[0])
    assert runner.invoke(app, ["check"]).exit_code == 2


def test_subprocess_smoke() -> None:
    done = subprocess.run([sys.executable, "-m", "rekenschap.cli", "check", str(EXAMPLE),
                           "--fail-on", "never"], capture_output=True, text=True, timeout=120)
    if "No module named rekenschap.cli.__main__" in done.stderr:
        done = subprocess.run([str(Path(sys.executable).parent / "rekenschap"), "check",
                               str(EXAMPLE), "--fail-on", "never"],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "IND-UNIT warning Verwijzingen Halt" in done.stdout

"""The main job end to end, as the README runs it: import the seed, check it, publish it.

This goes through the real command line (in-process with Typer's runner, plus one subprocess),
so it exercises the same wiring a user gets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.model import Report

SEED_OPTIONS = ["--organisation", "Gemeente Groningen", "--cbs-code", "GM0014",
                "--kind", "jaarstukken", "--year", "2024", "--scale", "1000"]


def _without_provenance(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_provenance(v) for k, v in node.items() if k != "provenance"}
    if isinstance(node, list):
        return [_without_provenance(v) for v in node]
    return node


@pytest.fixture
def imported(seed_path: Path, tmp_path: Path) -> Path:
    result = CliRunner().invoke(app, ["import", str(seed_path), "-o", str(tmp_path), *SEED_OPTIONS])
    assert result.exit_code == 0, result.output
    out = tmp_path / "groningen-2024-veiligheid.json"
    assert out.exists()
    return out


def test_seed_imports_exactly_to_the_transcription(imported: Path, example_path: Path) -> None:
    got = json.loads(imported.read_text(encoding="utf-8"))
    want = Report.model_validate(yaml.safe_load(example_path.read_text(encoding="utf-8")))
    expected = _without_provenance(want.model_dump(mode="json", by_alias=True))
    # Organisation, kind, year and scale come from the options; every word and number from the page.
    assert _without_provenance(got) == expected


def test_check_finds_what_must_be_found(imported: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(imported), "--format", "json"])
    assert result.exit_code == 1, result.output  # an overrun is an error
    payload = json.loads(result.stdout)
    problems = payload["problems"] if isinstance(payload, dict) else payload
    found = {(p["code"], p["location"].get("path")) for p in problems}
    messages = {p["code"]: [] for p in problems}
    for p in problems:
        messages[p["code"]].append(p["message"])
    fin = "programmes[0].finance.rows"
    assert ("FIN-VARIANCE-UNEXPLAINED", f"{fin}[1]") in found  # baten 9.648 vs 6.506
    assert any("3.142" in m and "48%" in m for m in messages["FIN-VARIANCE-UNEXPLAINED"])
    assert ("FIN-OVERRUN", f"{fin}[0]") in found  # lasten 45.324 > 44.622
    assert any("702" in m for m in messages["FIN-OVERRUN"])
    assert ("IND-CLAIM-AMBIGUOUS", "programmes[0].indicators[0].claims[0]") in found
    assert ("IND-UNIT", "programmes[0].indicators[2]") in found  # Halt per 1000 inwoners
    hidden = {path for code, path in found if code == "IND-CLAIM-HIDDEN-RISE"}
    assert hidden == {"programmes[0].indicators[3].claims[0]",   # geweldsmisdrijven
                      "programmes[0].indicators[5].claims[0]"}   # vernielingen


def test_publish_builds_the_site(imported: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(app, ["publish", str(imported), "-o", str(site)])
    assert result.exit_code == 0, result.output
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    programme_page = next(p for p in pages
                          if p.endswith("2-2-veiligheid.html") and not p.startswith("en/"))
    html = (site / programme_page).read_text(encoding="utf-8")
    assert 'lang="nl"' in html
    assert "Integraal programma-aanpak mensenhandel" in html
    assert "45.324" in html and "9.648" in html
    assert "<svg" in html  # charts inline, no network
    english = (site / "en" / programme_page).read_text(encoding="utf-8")
    assert 'lang="en"' in english and "Integraal programma-aanpak mensenhandel" in english


def test_main_job_commands_run_as_subprocesses(seed_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUTF8": "1"}
    cli = [sys.executable, "-m", "rekenschap"]
    imp = subprocess.run([*cli, "import", str(seed_path), "-o", str(tmp_path), *SEED_OPTIONS],
                         capture_output=True, text=True, env=env, timeout=300)
    assert imp.returncode == 0, imp.stderr
    out = tmp_path / "groningen-2024-veiligheid.json"
    chk = subprocess.run([*cli, "check", str(out)], capture_output=True, text=True, env=env,
                         timeout=300)
    assert chk.returncode == 1
    assert "FIN-OVERRUN error" in chk.stdout

"""The serve/dump/restore commands' handling of bad input (real subprocesses)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from live import RKS, cli_env


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RKS, *args], env=cli_env(tmp_path, None), capture_output=True,
                          text=True, timeout=120)


def test_bad_database_url_is_a_clear_message(tmp_path: Path) -> None:
    result = _run(tmp_path, "serve", "--data", str(tmp_path), "--database-url", "mysql://x/y")
    assert result.returncode == 2
    assert "unsupported scheme 'mysql'" in result.stderr and "Traceback" not in result.stderr


def test_restore_of_a_broken_archive_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = _run(tmp_path, "restore", str(broken), "--data", str(tmp_path / "d"))
    assert result.returncode == 2 and "cannot read archive" in result.stderr
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"format": "x", "objects": []}', encoding="utf-8")
    result = _run(tmp_path, "restore", str(foreign), "--data", str(tmp_path / "d"))
    assert result.returncode == 2 and "not a Rekenschap archive" in result.stderr

"""A normal (non-editable) install must carry every data file the package reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "rekenschap"


def test_wheel_contains_every_package_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    (wheel,) = tmp_path.glob("rekenschap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "rekenschap/" + p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix != ".pyc"
        and not any(part == "__pycache__" or part.startswith(".")  # caches, not package files
                    for part in p.relative_to(PACKAGE).parts)
    }
    missing = sorted(expected - names)
    assert not missing, f"files missing from the wheel (add them to package-data): {missing}"
    assert "rekenschap/catalogue/data/indicators.yaml" in names

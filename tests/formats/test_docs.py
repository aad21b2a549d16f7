"""docs/format.md stays true: its example loads, and every problem code is documented."""

from __future__ import annotations

import re
from pathlib import Path

from rekenschap.importers.native import loads_yaml

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "format.md"
LOADER = ROOT / "src" / "rekenschap" / "importers" / "native.py"


def test_the_documented_example_is_a_valid_report() -> None:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert block is not None
    report, problems = loads_yaml(block.group(1), "docs/format.md")
    assert problems == [] and report is not None
    assert report.programmes[0].finance is not None


def test_every_problem_code_is_documented() -> None:
    codes = set(re.findall(r'"(FMT-[A-Z-]+)"', LOADER.read_text(encoding="utf-8")))
    assert len(codes) >= 9
    table = DOC.read_text(encoding="utf-8")
    assert {c for c in codes if f"| `{c}` |" not in table} == set()

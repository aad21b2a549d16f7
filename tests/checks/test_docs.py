"""docs/checks.md is generated from the registry and must be current.

Regenerate with ``rekenschap check --list --format markdown > docs/checks.md`` or run this test
with ``REKENSCHAP_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import os
from pathlib import Path

from rekenschap.checks import SETTINGS, code_specs
from rekenschap.checks.docs import markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_docs_checks_md_is_current() -> None:
    text = markdown()
    if os.environ.get("REKENSCHAP_UPDATE_GOLDEN"):
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, "run with REKENSCHAP_UPDATE_GOLDEN=1"


def test_every_code_and_setting_is_documented() -> None:
    text = markdown()
    for spec in code_specs():
        assert f"### {spec.code}" in text
    for setting in SETTINGS:
        assert f"`{setting.name}`" in text


def test_the_documented_example_config_is_valid() -> None:
    from rekenschap.checks import loads_config

    text = markdown()
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    config, problems = loads_config(example, "docs/checks.md")
    assert problems == []
    assert config.municipalities["GM0629"]["variance_absolute"] == 50000
    assert config.municipalities["GM0569"]["variance_floor"] == 15000

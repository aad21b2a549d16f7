"""The published JSON Schema equals the generated one, and real reports validate against it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from rekenschap.importers.native import load_report
from rekenschap.model.schema import json_schema
from rekenschap.render.native import dump_json

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "schema" / "report-1.json"


def _text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def test_committed_schema_is_current() -> None:
    """Regenerate with ``REKENSCHAP_UPDATE_GOLDEN=1 pytest tests/formats/test_schema.py``."""
    if os.environ.get("REKENSCHAP_UPDATE_GOLDEN") == "1":
        COMMITTED.write_text(_text(), encoding="utf-8")
    assert COMMITTED.read_text(encoding="utf-8") == _text(), (
        "docs/schema/report-1.json is stale: the model changed. If the change is compatible "
        "(see docs/format.md), regenerate with REKENSCHAP_UPDATE_GOLDEN=1.")


def test_schema_is_valid_draft_2020_12_with_identity() -> None:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert schema["properties"]["schema"]["const"] == "rekenschap/report@1"
    assert "schema" in schema["required"]


def test_example_json_validates_and_bad_json_does_not(example_path: Path) -> None:
    report, problems = load_report(example_path)
    assert report is not None, [p.format() for p in problems]
    data = json.loads(dump_json(report))
    validator = Draft202012Validator(json_schema())
    assert list(validator.iter_errors(data)) == []
    data["programmes"][0]["colour"] = "red"
    data["document"]["kind"] = "roman"
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert len(messages) == 2
    assert any("colour" in m for m in messages) and any("roman" in m for m in messages)

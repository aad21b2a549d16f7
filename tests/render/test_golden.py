"""Golden page data of the example: any change to what readers see shows up as a diff.

Update after an intended change with ``REKENSCHAP_UPDATE_GOLDEN=1 pytest tests/render``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from rekenschap.render.builder import build_document

from .conftest import example_report

GOLDEN = Path(__file__).parent / "golden"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        out.pop("spec_json", None)  # the chart key is the spec's hash
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_example_page_data_matches_golden(lang: str) -> None:
    doc = build_document(example_report(), lang="nl" if lang == "nl" else "en", problems=[])
    text = json.dumps(_plain(doc), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = GOLDEN / f"groningen-2024-veiligheid.pagedata.{lang}.json"
    if os.environ.get("REKENSCHAP_UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(text, encoding="utf-8")
        if os.environ.get("REKENSCHAP_UPDATE_GOLDEN") != "1":
            pytest.fail(f"wrote missing golden file {path}; check it and commit it")
    assert text == path.read_text(encoding="utf-8")

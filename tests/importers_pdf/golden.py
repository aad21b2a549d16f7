"""Golden files for PDF structure recognition: one YAML per programme, provenance left out.

``REKENSCHAP_UPDATE_GOLDEN=1`` rewrites them from the current import; a rewritten file starts
with an UNCHECKED header until someone has compared it with the rendered pages and replaced
the header with a ``# checked:`` line naming the pages (a test enforces this).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from rekenschap.model import Programme

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("REKENSCHAP_UPDATE_GOLDEN") == "1"


def strip_provenance(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: strip_provenance(v) for k, v in data.items() if k != "provenance"}
    if isinstance(data, list):
        return [strip_provenance(v) for v in data]
    return data


def programme_data(programme: Programme) -> dict[str, Any]:
    data = programme.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return strip_provenance(data)  # type: ignore[no-any-return]


def check(path: Path, actual: dict[str, Any], pages: str) -> None:
    """Compare ``actual`` with the golden file (rewrite it when the update flag is set)."""
    if UPDATE:
        old_header = ""
        if path.exists():
            first = path.read_text(encoding="utf-8").splitlines()[:1]
            old_header = first[0] if first else ""
        same = path.exists() and yaml.safe_load(path.read_text(encoding="utf-8")) == actual
        header = old_header if same and old_header.startswith("# checked") else (
            f"# UNCHECKED: regenerated; compare with pages {pages} and replace this line with "
            f"'# checked: pages ... by ...'")
        path.parent.mkdir(parents=True, exist_ok=True)
        body = yaml.safe_dump(actual, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(header + "\n" + body, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with REKENSCHAP_UPDATE_GOLDEN=1"
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert actual == expected, f"{path.name} differs from the import"

"""The layer rule: an inner layer never imports an outer one (checked on the source, statically)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "rekenschap"

# Each layer may import itself and the layers listed for it (and nothing further out).
ALLOWED: dict[str, set[str]] = {
    "model": {"model"},
    "catalogue": {"model", "catalogue"},
    "importers": {"model", "catalogue", "importers"},
    "checks": {"model", "catalogue", "importers", "checks"},
    "render": {"model", "catalogue", "importers", "checks", "render"},
    "opendata": {"model", "catalogue", "importers", "checks", "opendata"},
    "web": {"model", "catalogue", "importers", "checks", "render", "opendata", "web"},
    "cli": {"model", "catalogue", "importers", "checks", "render", "opendata", "web", "cli"},
}
TOP_LEVEL_OK = {"__init__", "__main__"}


def _layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


def _imported_layers(path: Path) -> set[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[tuple[str, int]] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "rekenschap" and len(parts) > 1:
                found.add((parts[1], node.lineno))
    return found


def test_every_module_respects_the_layer_order() -> None:
    violations = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 5
    for path in files:
        layer = _layer_of(path)
        if layer in TOP_LEVEL_OK:
            continue
        assert layer in ALLOWED, f"{path}: module outside any known layer ({layer})"
        for imported, line in _imported_layers(path):
            if imported in TOP_LEVEL_OK:
                continue
            if imported not in ALLOWED[layer]:
                violations.append(f"{path.relative_to(PACKAGE)}:{line}: {layer} imports {imported}")
    assert not violations, "\n".join(violations)


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from rekenschap.render import site\nimport rekenschap.web.app\n")
    assert {name for name, _ in _imported_layers(bad)} == {"render", "web"}

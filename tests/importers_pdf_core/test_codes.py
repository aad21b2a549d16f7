"""Every problem code the PDF core, dispatch, batch and CLI can emit is documented once."""

from __future__ import annotations

import re
from pathlib import Path

from rekenschap.importers import CODES

SRC = Path(__file__).resolve().parents[2] / "src" / "rekenschap"
OWN = [
    SRC / "importers" / "__init__.py",
    SRC / "importers" / "batch.py",
    SRC / "cli" / "imports.py",
    *(SRC / "importers" / "pdf" / f"{name}.py"
      for name in ("extract", "runs", "paths", "layout", "quality", "ocr", "ocr_text", "ocr_image",
                   "tables")),
]
LITERAL = re.compile(r"\"((?:IMPORT|PDF)-[A-Z0-9-]+)\"")


def test_emitted_codes_are_documented_and_documented_codes_are_emitted() -> None:
    emitted: set[str] = set()
    for path in OWN:
        text = path.read_text(encoding="utf-8")
        if path.name == "__init__.py":
            text = text.split("CODES: dict", 1)[0] + text.split("\n}\n", 1)[1]
        emitted |= set(LITERAL.findall(text))
    assert emitted == set(CODES)
    for code, (severity, meaning) in CODES.items():
        assert severity in {"error", "warning", "notice", "error/warning"}, code
        assert meaning.endswith("."), code

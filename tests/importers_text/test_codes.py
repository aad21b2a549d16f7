"""Every TXT- problem code the text importer emits is documented once, with its severity."""

from __future__ import annotations

import re
from pathlib import Path

from rekenschap.importers.textdump_codes import TEXT_PROBLEM_CODES

SRC = Path(__file__).resolve().parents[2] / "src" / "rekenschap" / "importers"
MODULES = [SRC / "text.py", SRC / "sentences.py", *sorted(SRC.glob("textdump_*.py"))]
EMIT = re.compile(r'(?:code=)?"(TXT-[A-Z0-9-]+)",\s*(?:severity=)?Severity\.([A-Z]+)')


def test_emitted_codes_are_documented_with_their_severity() -> None:
    emitted: dict[str, set[str]] = {}
    for path in MODULES:
        if path.name == "textdump_codes.py":
            continue
        for code, severity in EMIT.findall(path.read_text(encoding="utf-8")):
            emitted.setdefault(code, set()).add(severity.lower())
    assert len(emitted) > 15
    assert set(emitted) == set(TEXT_PROBLEM_CODES)
    for code, severities in emitted.items():
        assert severities == {TEXT_PROBLEM_CODES[code][0].value}, code

"""Every problem code the structure stage can emit is documented once in ``codes.py``."""

from __future__ import annotations

import re
from pathlib import Path

from rekenschap.importers.pdf.codes import STRUCTURE_CODES

PDF = Path(__file__).resolve().parents[2] / "src" / "rekenschap" / "importers" / "pdf"
MINE = ["flow", "sections", "programmes", "cells", "columns", "finance", "consistency", "goals",
        "twocolumn", "explanations", "indicators", "effects", "taakvelden", "status",
        "structure", "overview", "indicatorfacts", "yeartable",
        "realised_table", "taakveld_signs"]


def test_every_emitted_code_is_documented_and_every_documented_code_is_emitted() -> None:
    emitted: set[str] = set()
    for name in MINE:
        emitted |= set(re.findall(r'"(PDF-[A-Z0-9-]+)"', (PDF / f"{name}.py").read_text()))
    assert emitted == set(STRUCTURE_CODES)

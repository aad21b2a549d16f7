"""docs/import-problems.md is generated from the importers' code tables and must be current;
every problem code an importer can emit is on it, with the severity it is emitted with.

Regenerate: ``REKENSCHAP_UPDATE_GOLDEN=1 python -m pytest`` on this file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from rekenschap.importers.pdf.codes import STRUCTURE_CODES
from rekenschap.importers.problem_docs import EXAMPLES, PDF_SEVERITY, markdown
from rekenschap.importers.sentences import parse_indicator_sentence
from rekenschap.importers.text import import_text

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "import-problems.md"
SRC = ROOT / "src" / "rekenschap"
# The document importers: dispatch, batch, text dumps, shared parsers, PDF, the import command.
SOURCES = [*sorted((SRC / "importers").glob("*.py")),
           *sorted((SRC / "importers" / "pdf").glob("*.py")), *sorted((SRC / "cli").glob("*.py"))]
LITERAL = re.compile(r'"((?:IMPORT|PDF|TXT)-[A-Z0-9]+(?:-[A-Z0-9]+)*)"')


def test_docs_import_problems_md_is_current() -> None:
    text = markdown()
    if os.environ.get("REKENSCHAP_UPDATE_GOLDEN") == "1":
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, "run with REKENSCHAP_UPDATE_GOLDEN=1"


def _emitted() -> dict[str, set[str]]:
    """Code -> severities it is emitted with (the Severity.X right after the literal); code-table
    keys ("CODE": ...) are not emissions."""
    found: dict[str, set[str]] = {}
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        for m in LITERAL.finditer(source):
            if source[m.end():m.end() + 1] == ":":  # a key of a code table, not an emission
                continue
            sev = re.match(r"[^()\[\]]{0,40}?Severity\.([A-Z]+)", source[m.end():m.end() + 60],
                           re.S)
            found.setdefault(m.group(1), set()).update({sev.group(1).lower()} if sev else set())
    return found


def test_every_code_an_importer_can_emit_is_documented() -> None:
    text = markdown()
    emitted = _emitted()
    assert len(emitted) > 80  # the grep really finds the codes
    missing = sorted(code for code in emitted if f"| `{code}` |" not in text)
    assert missing == [], "add them to their code table (importers.CODES, pdf/codes.py, " \
                          "textdump_codes.py)"


def test_pdf_structure_severities_are_the_emitted_ones() -> None:
    emitted = _emitted()
    missing = sorted(set(STRUCTURE_CODES) - set(PDF_SEVERITY))
    assert missing == [], ("give these PDF structure codes their severity in PDF_SEVERITY "
                           "(importers/problem_docs.py), then regenerate docs/import-problems.md")
    for code in STRUCTURE_CODES:
        documented = set(PDF_SEVERITY[code].split("/"))
        assert emitted.get(code, set()) <= documented, code


def test_text_examples_are_real_messages() -> None:
    _, problems = import_text("hallo\n", file="gemeente-2023.txt")
    assert EXAMPLES["TXT-NO-PROGRAMME"] in [p.format() for p in problems]
    _, problems = import_text("Programma 1 X\nToelichting op verschillen\n"
                              "a. Inhuur (nadeel € 10.000 en voordeel € 4.000)\n",
                              file="gemeente-2023.txt")
    assert EXAMPLES["TXT-VARIANCE-AMOUNT"] in [p.format() for p in problems]
    from rekenschap.model import Provenance
    _, problems = parse_indicator_sentence("Aantal meldingen (410 tegenover 385)", year=2024,
                                           provenance=Provenance(file="x.txt"))
    assert [p.format() for p in problems] == [EXAMPLES["TXT-AMBIGUOUS-ORDER"]]


def test_the_page_is_linked() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    checks = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert "docs/import-problems.md" in readme or "import-problems.md" in checks

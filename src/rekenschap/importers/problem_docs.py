"""``docs/import-problems.md`` (meldingen bij het inlezen) generated from the code tables.

The meanings live once, next to the code that emits them: :data:`rekenschap.importers.CODES`
(dispatch, batch, ``import`` command, PDF extraction, OCR, ruled tables),
:data:`rekenschap.importers.pdf.codes.STRUCTURE_CODES` (PDF structure) and
:data:`rekenschap.importers.textdump_codes.TEXT_PROBLEM_CODES` (text dumps). This module adds
what a reader of the page needs on top: the severity of the PDF structure codes (their table
gives none; tests/importers_text/test_problem_docs.py checks each against the source that
emits it), what to do, and example messages. Regenerate with
``REKENSCHAP_UPDATE_GOLDEN=1 pytest tests/importers_text/test_problem_docs.py``.
"""

from __future__ import annotations

from rekenschap.importers import CODES
from rekenschap.importers.pdf.codes import STRUCTURE_CODES
from rekenschap.importers.textdump_codes import TEXT_PROBLEM_CODES

__all__ = ["EXAMPLES", "PDF_SEVERITY", "code_table", "markdown"]

#: Severity of each PDF structure code as emitted ("notice/error": depends on the case).
PDF_SEVERITY: dict[str, str] = {
    "PDF-DOC-KIND": "notice/error", "PDF-DOC-ORGANISATION": "warning",
    "PDF-PROGRAMME-NONE": "error", "PDF-STAGE-FAILED": "error", "PDF-FIN-MISSING": "warning",
    "PDF-FIN-COLUMN": "warning", "PDF-FIN-CELLS": "warning", "PDF-FIN-NUMBER": "warning",
    "PDF-FIN-SCALE": "notice", "PDF-FIN-SUM": "notice", "PDF-FIN-ROUNDING": "notice",
    "PDF-GOALS-AS-TEXT": "notice", "PDF-GOALS-NONE": "notice",
    "PDF-GOAL-NO-ACTIVITIES": "notice", "PDF-RESULT-NO-GOAL": "warning",
    "PDF-TWOCOLUMN-NO-GOALS": "warning", "PDF-VARIANCE-AMOUNT": "notice",
    "PDF-INDICATOR-VALUE": "warning", "PDF-INDICATOR-NAME": "warning",
    "PDF-INDICATOR-PROGRAMME": "warning", "PDF-INDICATOR-GEOMETRY": "warning",
    "PDF-INDICATOR-TARGETS": "notice/warning", "PDF-INDICATOR-TARGET-YEAR": "warning",
    "PDF-OVERVIEW-CELLS": "warning", "PDF-OVERVIEW-COLUMN": "notice",
    "PDF-OVERVIEW-PROGRAMME": "warning", "PDF-OVERVIEW-EMPTY": "warning",
    "PDF-EFFECT-TABLE": "warning", "PDF-EFFECT-NAME": "warning", "PDF-EFFECT-COLUMN": "warning",
    "PDF-TAAKVELD-CELLS": "warning", "PDF-TAAKVELD-PROGRAMME": "warning",
    "PDF-TAAKVELD-SUM": "warning", "PDF-STATUS-UNKNOWN": "notice",
    "PDF-STATUS-UNREADABLE": "notice", "PDF-IND-YEARS-EMPTY": "warning",
    "PDF-IND-YEARS-VALUE": "warning", "PDF-TAAKVELD-SIGN": "notice",
    "PDF-TAAKVELD-CODE": "notice",
}

_TODO = {
    "error": "Nothing (or not this part) was imported: correct the file or the import options "
             "and import again.",
    "warning": "Something printed was not read or read with doubt: compare the named page and "
               "line with the imported report and correct it in the editor.",
    "notice": "Read as described; look at the named place only when the result surprises you.",
}

#: What to do, where it is more specific than the severity's default.
TODO: dict[str, str] = {
    "IMPORT-TOO-LARGE": "Raise the limit (--max-pages) or import a page range (--pages).",
    "IMPORT-ENCRYPTED": "Ask the publisher for an unprotected PDF, or remove the password.",
    "IMPORT-TRUNCATED": "Download the file again; the recovered pages are imported.",
    "IMPORT-BAD-OPTION": "Give the CBS code as GM followed by four digits (GM0629).",
    "IMPORT-WOULD-OVERWRITE": "Choose another output file (-o).",
    "IMPORT-CRASH": "Report it with the file; the other files of the batch are imported.",
    "PDF-NO-TEXT": "Import again with --ocr (needs tesseract-ocr and tesseract-ocr-nld).",
    "PDF-UNMAPPED-FONT": "Import again with --ocr.",
    "PDF-GARBLED-TEXT": "Import again with --ocr.",
    "PDF-OCR-UNAVAILABLE": "Install tesseract-ocr and tesseract-ocr-nld.",
    "PDF-OCR-AMOUNT": "Compare the corrected amount with the page image.",
    "PDF-STAGE-FAILED": "Report it with the file; the other parts of the document are imported.",
    "PDF-FIN-SUM": "Compare the table with the page: a misprint in the document or a misread "
                   "amount. `rekenschap check` reports the broken sum once (FIN-*).",
    "PDF-DOC-KIND": "Pass --kind and --year when the file name and title pages do not say them.",
    "TXT-NO-YEAR": "Pass the year in the import options (--year).",
    "TXT-NO-ORGANISATION": "Pass the organisation in the import options (--organisation).",
    "TXT-NO-SCALE": "Pass --scale 1000 when the document states 'x € 1.000' elsewhere.",
    "TXT-NO-PROGRAMME": "Check that the file is a programme text; headings must read "
                        "'Programma 1 ...' or 'Deelprogramma 2.2 ...'.",
    "TXT-ENCODING": "Save the dump as UTF-8 if accented letters look wrong.",
    "TXT-INTERNAL": "Report it with the input; nothing of this file was imported.",
    "TXT-AMBIGUOUS-ORDER": "Look up in the source which value belongs to which year and add "
                           "the periods in the editor.",
    "TXT-UNPLACED": "Move the text under 'Overige tekst' to the right goal, activity or "
                    "indicator in the editor, or leave it as text.",
}

#: Example messages as `rekenschap import` prints them (file:page:line: CODE severity message).
EXAMPLES: dict[str, str] = {
    "TXT-UNIT-MISPRINT": "gemeente-2024.txt:4: TXT-UNIT-MISPRINT notice "
                         "'Winkeldiefstallen': value 5, 4 is printed with unit 'naar 1000 "
                         "inwoners' where the other values say 'per 1000 inwoners'; read in the "
                         "same unit",
    "TXT-NO-PROGRAMME": "gemeente-2023.txt: TXT-NO-PROGRAMME error no programme heading "
                        "('Programma 1 ...', 'Deelprogramma 2.2 ...') found; nothing imported",
    "TXT-VARIANCE-AMOUNT": "gemeente-2023.txt:3: TXT-VARIANCE-AMOUNT notice explained item "
                           "'Inhuur': several amounts and no net one in '(nadeel € 10.000 en "
                           "voordeel € 4.000)'; amount left empty",
    "TXT-AMBIGUOUS-ORDER": "x.txt: TXT-AMBIGUOUS-ORDER warning 'Aantal meldingen': '410 "
                           "tegenover 385' does not say which value is 2024 and which the "
                           "earlier year: either 2024 = 410 and the earlier year = 385, or "
                           "2024 = 385 and the earlier year = 410; both kept without a period, "
                           "in printed order",
    "PDF-VARIANCE-AMOUNT": "jaarstukken-2023.pdf:38:11: PDF-VARIANCE-AMOUNT notice explained "
                           "item 'De centraal begrote specifieke uitkering sportstim': several "
                           "amounts and no net one in its heading; amount left empty "
                           "[programmes[1].explanations[0].items[3]]",
    "IMPORT-EMPTY": "leeg.pdf: IMPORT-EMPTY error the file is empty (0 bytes)",
}

_HEAD = """# Import problems (meldingen bij het inlezen)

<!-- Generated by rekenschap.importers.problem_docs; do not edit by hand.
tests/importers_text/test_problem_docs.py fails when this file is out of date or when an importer
emits a code that is not here. -->

`rekenschap import FILE...` (PDF, text dump, JSON/YAML report) prints every problem it meets as
`file:page:line: CODE severity message [model path]`; `rekenschap check` prints the same list
before the checks' own findings ([checks.md](checks.md)). A problem never stops the import of the
rest: what could be read is kept, what could not is named here. Severities: *error* — nothing, or
not this part, was imported; *warning* — something printed was not read, or read with doubt;
*notice* — read as described, for the record.

One finding, one owner: arithmetic of imported tables is the checks' (`FIN-*`); numbers printed
without their years in a sentence with a claim ("13.140 tegenover 13.044") are reported by the
check `IND-CLAIM-AMBIGUOUS`, without a claim by the text importer (`TXT-AMBIGUOUS-ORDER`).

Codes of the report format (`FMT-*`, JSON/YAML reports) are in [format.md](format.md); those of
the open-data loaders (`CBS-*`, `IV3-*`, `SIZE-CLASS-*`) in [opendata.md](opendata.md).
"""

_FAMILIES = (
    ("Import core: files, PDF pages, OCR (`IMPORT-*`, `PDF-*`)",
     "Dispatch, batch and the `import` command; PDF extraction, page quality, OCR and ruled "
     "tables. Source: `rekenschap.importers.CODES`."),
    ("PDF structure (`PDF-*`)",
     "Programmes, finance tables, goals and results, explanations, indicators, taakvelden and "
     "the overview read from the PDF's pages. Source: "
     "`rekenschap.importers.pdf.codes.STRUCTURE_CODES`."),
    ("Text dumps (`TXT-*`)",
     "Text extracted from a document (the seed, `pdftotext`/pypdfium2 output). Source: "
     "`rekenschap.importers.textdump_codes.TEXT_PROBLEM_CODES`."),
)


def code_table() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(family, [(code, severity, meaning)]) for every documented import code."""
    core = [(code, severity, meaning) for code, (severity, meaning) in CODES.items()]
    pdf = [(code, PDF_SEVERITY.get(code, "?"), meaning)
           for code, meaning in STRUCTURE_CODES.items()]
    text = [(code, severity.value, meaning)
            for code, (severity, meaning) in sorted(TEXT_PROBLEM_CODES.items())]
    return [(_FAMILIES[0][0], core), (_FAMILIES[1][0], pdf), (_FAMILIES[2][0], text)]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def markdown() -> str:
    """The whole of docs/import-problems.md."""
    lines = [_HEAD]
    for (family, rows), (_, intro) in zip(code_table(), _FAMILIES, strict=True):
        lines += [f"## {family}", "", intro, "",
                  "| code | severity | what it means | what to do |", "|---|---|---|---|"]
        for code, severity, meaning in rows:
            todo = TODO.get(code) or _TODO.get(severity.split("/")[-1], _TODO["warning"])
            lines.append(f"| `{code}` | {severity} | {_cell(meaning)} | {_cell(todo)} |")
        examples = [(code, EXAMPLES[code]) for code, _, _ in rows if code in EXAMPLES]
        if examples:
            lines += ["", "Example messages:", "", "```text"]
            lines += [message for _, message in examples]
            lines += ["```"]
        lines.append("")
    return "\n".join(lines)

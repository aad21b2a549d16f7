"""Importers (inlezen): P&C documents and open data into the model; the dispatch lives here.

``import_path(path, options)`` chooses an importer by the file's *content* (not only its name):

* a PDF (``%PDF-`` header) -> :func:`rekenschap.importers.pdf.extract.extract_pages`, then the
  structure recogniser ``pdf.structure.build_report(pages, file=..., options=...)``;
* a native report (JSON object, ``.yaml``, ``.yml``) -> ``importers.native.load_report``;
* other text (``.txt`` text dumps) -> ``rekenschap.importers.text.import_text(path, options)``.

Contract for the importers it calls: each returns ``(Report | None, list[Problem])`` and never
raises for bad input; all accept the same frozen :class:`ImportOptions`. A missing importer
module gives an ``IMPORT-UNAVAILABLE`` problem, not a crash.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from rekenschap.importers.options import ImportOptions
from rekenschap.model import Location, Problem, Report, Severity

__all__ = ["CODES", "ImportOptions", "ImportResult", "import_path", "sniff"]

ImportResult = tuple[Report | None, list[Problem]]

_SNIFF_BYTES = 2048
_CBS_CODE = re.compile(r"^(GM|PV|WS)\d{4}$")  # as Organisation.cbs_code

#: Every problem code of the dispatch, the batch, the ``import`` command and the PDF core
#: (extraction, quality, OCR, ruled tables), documented once: code -> (severity, meaning).
CODES: dict[str, tuple[str, str]] = {
    "IMPORT-UNREADABLE": ("error", "The file does not exist, is a directory or cannot be read."),
    "IMPORT-EMPTY": ("error", "The file has 0 bytes."),
    "IMPORT-TOO-LARGE": ("error", "Above the byte or page limit (ImportOptions.max_bytes, "
                                  "max_pages; --max-pages); the file is refused."),
    "IMPORT-NOT-PDF": ("error", "Neither a PDF (no %PDF- header), a report (JSON/YAML) nor "
                                "text."),
    "IMPORT-ENCRYPTED": ("error", "The PDF needs a password to open."),
    "IMPORT-TRUNCATED": ("error/warning", "The PDF has no %%EOF: an error when it cannot be "
                                          "opened, a warning when pages could be recovered."),
    "IMPORT-BROKEN-PDF": ("error", "pdfium cannot open the PDF for another reason."),
    "IMPORT-NO-SUCH-PAGE": ("warning", "A requested page number is not in the PDF."),
    "IMPORT-NO-PAGES": ("error", "No page of the PDF could be read."),
    "IMPORT-BAD-OPTION": ("error", "An import option is invalid (e.g. a CBS code that is not "
                                   "GMnnnn, PVnnnn or WSnnnn); nothing is imported."),
    "IMPORT-UNAVAILABLE": ("error", "The importer for this kind of file is not installed."),
    "IMPORT-CRASH": ("error", "A bug or a crashing native library while importing this file; "
                              "the message names the exception. Other files go on."),
    "IMPORT-WOULD-OVERWRITE": ("error", "The output file would replace one of the inputs."),
    "IMPORT-CANNOT-WRITE": ("error", "The output JSON cannot be written."),
    "PDF-NO-TEXT": ("warning", "The page has no text layer but an image (a scan): not "
                               "imported; --ocr reads it."),
    "PDF-UNMAPPED-FONT": ("warning", "The page's fonts have no Unicode mapping: its text is "
                                     "garbage and is not imported; --ocr reads it."),
    "PDF-GARBLED-TEXT": ("warning", "The page's text is letters but hardly any Dutch word: a "
                                    "wrong font mapping; not imported; --ocr reads it."),
    "PDF-PAGE-FAILED": ("error", "pdfium failed on this page; the other pages are kept."),
    "PDF-OCR-USED": ("notice", "The page's text was read by OCR (Tesseract)."),
    "PDF-OCR-UNAVAILABLE": ("warning", "OCR was asked for but tesseract is not installed."),
    "PDF-OCR-CODE": ("notice", "OCR read a programme code with a letter for a digit ('PO', 'Pl'); "
                     "read as P0, P1."),
    "PDF-OCR-AMOUNT": ("warning", "OCR read an amount with look-alike letters or a comma for the "
                       "thousands dot; corrected as reported, to be checked against the page."),
    "PDF-OCR-QUOTE": ("notice", "OCR read the quotes of a sign note as asterisks; read as quotes."),
    "PDF-OCR-FAILED": ("warning", "Tesseract failed or timed out on this page."),
    "PDF-TABLES-FAILED": ("warning", "Ruled-table detection (pdfplumber) failed on a file or "
                                     "page."),
}


def _problem(code: str, message: str, file: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code=code, severity=severity, message=message, location=Location(file=file))


def sniff(path: Path) -> str | None:
    """``"pdf"``, ``"native"``, ``"text"`` or ``None`` (unknown binary), from the first bytes."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    suffix = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if suffix == ".pdf":
        return "pdf"  # a damaged PDF: let the PDF reader say what is wrong with it
    if b"\x00" in head:
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in (".json", ".yaml", ".yml") or stripped.startswith(b"{"):
        return "native"
    return "text"


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and name.startswith(exc.name):
            return None  # the module itself is missing (not one of its imports)
        raise


def _unavailable(what: str, module: str, file: str) -> ImportResult:
    return None, [_problem("IMPORT-UNAVAILABLE",
                           f"no {what} importer available yet ({module} is missing)", file)]


def _import_pdf(path: Path, options: ImportOptions) -> ImportResult:
    from rekenschap.importers.pdf.extract import Limits, extract_pages

    name = str(path)
    pages, problems = extract_pages(path, pages=options.pages, ocr=options.ocr,
                                    limits=Limits(options.max_bytes, options.max_pages))
    if not pages:
        if not any(p.severity is Severity.ERROR for p in problems):
            problems.append(_problem("IMPORT-NO-PAGES", "no page could be read", name))
        return None, problems
    structure = _module("rekenschap.importers.pdf.structure")
    if structure is None:
        report, more = _unavailable("PDF structure", "rekenschap.importers.pdf.structure", name)
        return report, problems + more
    build: Any = structure.build_report
    settings: Any = getattr(structure, "StructureOptions", None)
    chosen = (settings(organisation=options.organisation, kind=options.kind, year=options.year)
              if settings is not None else options)
    report, more = build(pages, file=name, options=chosen)
    return _with_cbs_code(report, options), problems + list(more)


def _with_cbs_code(report: Report | None, options: ImportOptions) -> Report | None:
    if report is None or options.cbs_code is None:
        return report
    organisation = report.organisation.model_copy(update={"cbs_code": options.cbs_code})
    return report.model_copy(update={"organisation": organisation})


def _import_native(path: Path, options: ImportOptions) -> ImportResult:
    native = _module("rekenschap.importers.native")
    if native is None:
        return _unavailable("native", "rekenschap.importers.native", str(path))
    load: Any = native.load_report
    report, problems = load(path)
    return report, list(problems)


def _import_text(path: Path, options: ImportOptions) -> ImportResult:
    text = _module("rekenschap.importers.text")
    if text is None:
        return _unavailable("text-dump", "rekenschap.importers.text", str(path))
    run: Any = text.import_text
    report, problems = run(path, options)
    return report, list(problems)


def import_path(path: str | Path, options: ImportOptions | None = None) -> ImportResult:
    """Import one file of any supported kind; never raises for bad input."""
    options = options or ImportOptions()
    file = Path(path)
    name = str(path)
    if options.cbs_code is not None and not _CBS_CODE.match(options.cbs_code):
        return None, [_problem("IMPORT-BAD-OPTION", f"CBS code {options.cbs_code!r} is not "
                               "GM, PV or WS followed by four digits (e.g. GM0629)", name)]
    if not file.exists():
        return None, [_problem("IMPORT-UNREADABLE", "no such file", name)]
    if file.is_dir():
        return None, [_problem("IMPORT-UNREADABLE", "a directory, not a file", name)]
    try:
        size = file.stat().st_size
        kind = sniff(file)
    except OSError as exc:
        return None, [_problem("IMPORT-UNREADABLE", f"cannot read the file: {exc.strerror}",
                               name)]
    if size == 0:
        return None, [_problem("IMPORT-EMPTY", "the file is empty (0 bytes)", name)]
    if size > options.max_bytes:
        return None, [_problem("IMPORT-TOO-LARGE",
                               f"the file is {size / 1e6:.1f} MB, above the limit of "
                               f"{options.max_bytes / 1e6:.1f} MB", name)]
    if kind == "pdf":
        return _import_pdf(file, options)
    if kind == "native":
        return _import_native(file, options)
    if kind == "text":
        return _import_text(file, options)
    return None, [_problem("IMPORT-NOT-PDF",
                           "unknown file type: not a PDF, not a report (JSON/YAML), not text",
                           name)]

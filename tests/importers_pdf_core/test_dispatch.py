"""``import_path`` chooses the importer by content and never raises for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXAMPLE, corpus_file
from tests.importers_pdf_core.pdfgen import finance_pdf

from rekenschap.importers import ImportOptions, import_path, sniff
from rekenschap.model import DocumentKind, Severity


def test_sniff_by_content_not_by_name(tmp_path: Path) -> None:
    pdf_named_txt = tmp_path / "eigenlijk-pdf.txt"
    pdf_named_txt.write_bytes(finance_pdf(tmp_path / "x.pdf").read_bytes())
    json_named_dat = tmp_path / "rapport.dat"
    json_named_dat.write_text('  {"schema": "rekenschap/report@1"}')
    text = tmp_path / "dump.txt"
    text.write_text("Programma 1 Veiligheid\n")
    binary = tmp_path / "plaatje.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    broken_pdf = tmp_path / "kapot.pdf"
    broken_pdf.write_bytes(b"niet echt")
    assert sniff(pdf_named_txt) == "pdf"
    assert sniff(json_named_dat) == "native"
    assert sniff(EXAMPLE) == "native"
    assert sniff(text) == "text"
    assert sniff(binary) is None
    assert sniff(broken_pdf) == "pdf"  # the PDF reader explains what is wrong with it


@pytest.mark.parametrize(("content", "code"), [
    (b"", "IMPORT-EMPTY"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "IMPORT-NOT-PDF"),
])
def test_bad_inputs_are_one_error_problem(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bestand.png"
    path.write_bytes(content)
    report, problems = import_path(path)
    assert report is None
    assert [(p.code, p.severity, p.location.file) for p in problems] == [
        (code, Severity.ERROR, str(path))]


def test_missing_and_directory(tmp_path: Path) -> None:
    assert [p.code for p in import_path(tmp_path / "weg.pdf")[1]] == ["IMPORT-UNREADABLE"]
    assert [p.code for p in import_path(tmp_path)[1]] == ["IMPORT-UNREADABLE"]


def test_size_limit_from_options(tmp_path: Path) -> None:
    pdf = finance_pdf(tmp_path / "a.pdf")
    report, problems = import_path(pdf, ImportOptions(max_bytes=100))
    assert report is None and [p.code for p in problems] == ["IMPORT-TOO-LARGE"]
    report, problems = import_path(pdf, ImportOptions(max_pages=1))
    assert "IMPORT-TOO-LARGE" not in [p.code for p in problems]


def test_native_yaml_is_loaded() -> None:
    report, problems = import_path(EXAMPLE)
    assert report is not None
    assert not [p for p in problems if p.severity is Severity.ERROR]
    assert report.programmes


def test_encrypted_pdf_goes_through_the_pdf_reader(tmp_path: Path) -> None:
    locked = finance_pdf(tmp_path / "slot.pdf", password="geheim")
    report, problems = import_path(locked)
    assert report is None and [p.code for p in problems] == ["IMPORT-ENCRYPTED"]


@pytest.mark.corpus
def test_pdf_options_reach_the_report() -> None:
    path = corpus_file("wassenaar", "begroting-2024.pdf")
    options = ImportOptions(organisation="Gemeente Wassenaar", cbs_code="GM0629",
                            kind=DocumentKind.BEGROTING, year=2024, pages=tuple(range(1, 30)))
    report, problems = import_path(path, options)
    assert report is not None
    assert report.organisation.cbs_code == "GM0629"
    assert report.document.year == 2024 and report.document.kind is DocumentKind.BEGROTING
    assert all(p.location.page is None or p.location.page < 30 for p in problems)


@pytest.mark.corpus
def test_unmapped_pdf_imports_nothing_but_says_why() -> None:
    path = corpus_file("wassenaar", "jaarstukken-2019-unmapped-fonts.pdf")
    report, problems = import_path(path, ImportOptions(pages=(5, 6, 7)))
    codes = [p.code for p in problems]
    assert codes.count("PDF-UNMAPPED-FONT") == 3
    assert report is None or not report.programmes


def test_invalid_cbs_code_is_refused_not_stored() -> None:
    report, problems = import_path(EXAMPLE, ImportOptions(cbs_code="Wassenaar"))
    assert report is None and [p.code for p in problems] == ["IMPORT-BAD-OPTION"]

"""Bad files give one clear problem naming the file; nothing raises."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.importers_pdf_core.pdfgen import finance_pdf

from rekenschap.importers.pdf.extract import Limits, extract_pages
from rekenschap.model import Severity


def codes(path: Path, **kw: object) -> list[str]:
    _pages, problems = extract_pages(path, **kw)  # type: ignore[arg-type]
    assert all(p.location.file == str(path) for p in problems)
    return [p.code for p in problems]


def test_zero_byte_file(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    pages, problems = extract_pages(empty)
    assert pages == []
    assert [p.code for p in problems] == ["IMPORT-EMPTY"]
    assert problems[0].severity is Severity.ERROR
    assert problems[0].format().startswith(f"{empty}: IMPORT-EMPTY error")


def test_not_a_pdf(tmp_path: Path) -> None:
    html = tmp_path / "begroting.pdf"
    html.write_text("<html><body>Niet gevonden</body></html>")
    assert codes(html) == ["IMPORT-NOT-PDF"]


def test_missing_file(tmp_path: Path) -> None:
    assert codes(tmp_path / "bestaat-niet.pdf") == ["IMPORT-UNREADABLE"]


def test_encrypted_with_user_password(tmp_path: Path) -> None:
    locked = finance_pdf(tmp_path / "geheim.pdf", password="geheim")
    assert b"/Encrypt" in locked.read_bytes()
    pages, problems = extract_pages(locked)
    assert pages == []
    assert [p.code for p in problems] == ["IMPORT-ENCRYPTED"]


def test_encrypted_with_empty_user_password_is_readable(tmp_path: Path) -> None:
    locked = finance_pdf(tmp_path / "alleen-eigenaar.pdf", password="")
    assert b"/Encrypt" in locked.read_bytes()
    pages, problems = extract_pages(locked)
    assert problems == []
    assert pages[0].lines[0].text == "Wat heeft het gekost?"


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.97])
def test_truncated_file_never_raises_and_says_truncated(tmp_path: Path, keep: float) -> None:
    whole = finance_pdf(tmp_path / "heel.pdf", pages=4).read_bytes()
    cut = tmp_path / "afgebroken.pdf"
    cut.write_bytes(whole[: int(len(whole) * keep)])
    pages, problems = extract_pages(cut)
    assert "IMPORT-TRUNCATED" in [p.code for p in problems]
    for page in pages:  # whatever pdfium recovered is real text, never garbage
        assert page.quality.status == "ok"
        assert all(line.text.isprintable() for line in page.lines)


def test_truncated_tail_keeps_the_readable_pages(tmp_path: Path) -> None:
    whole = finance_pdf(tmp_path / "heel.pdf", pages=4).read_bytes()
    cut = tmp_path / "zonder-eof.pdf"
    cut.write_bytes(whole[: whole.rindex(b"%%EOF")])
    pages, problems = extract_pages(cut)
    truncated = [p for p in problems if p.code == "IMPORT-TRUNCATED"]
    assert len(truncated) == 1 and truncated[0].severity is Severity.WARNING
    assert [p.lines[-1].text for p in pages] == [f"Pagina {n}" for n in (1, 2, 3, 4)]


def test_too_many_pages_and_too_many_bytes(tmp_path: Path) -> None:
    pdf = finance_pdf(tmp_path / "groot.pdf", pages=3)
    assert codes(pdf, limits=Limits(max_pages=2)) == ["IMPORT-TOO-LARGE"]
    assert codes(pdf, limits=Limits(max_bytes=100)) == ["IMPORT-TOO-LARGE"]
    assert codes(pdf, limits=Limits(max_pages=3)) == []


def test_garbage_after_a_pdf_header(tmp_path: Path) -> None:
    junk = tmp_path / "rommel.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    pages, problems = extract_pages(junk)
    assert pages == []
    assert len(problems) == 1 and problems[0].severity is Severity.ERROR
    assert problems[0].code in {"IMPORT-TRUNCATED", "IMPORT-BROKEN-PDF"}


def test_unreadable_file_and_directory(tmp_path: Path) -> None:
    assert codes(tmp_path) == ["IMPORT-UNREADABLE"]
    locked = finance_pdf(tmp_path / "geen-rechten.pdf")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: nothing to test then
            pytest.skip("running as root: permissions do not stop reading")
        assert codes(locked) == ["IMPORT-UNREADABLE"]
    finally:
        locked.chmod(0o644)

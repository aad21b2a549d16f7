"""Real PDFs from the corpus uploaded through the web form (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from web_world import World

from rekenschap.web.core.models import Document, ImportRecord, Role

pytestmark = pytest.mark.corpus


def _upload(world: World, file: Path) -> str:
    response = world.client(Role.CONTROLLER).post(
        "/importeren/", {"file": SimpleUploadedFile(file.name, file.read_bytes())})
    assert response.status_code == 200
    return response.content.decode()


def test_wassenaar_budget_pdf_becomes_a_concept_document_with_page_references(
        world: World, corpus: Path) -> None:
    html = _upload(world, corpus / "wassenaar" / "begroting-2026.pdf")
    document = Document.objects.latest("id")
    assert document.year == 2026 and document.kind == "begroting"
    assert document.programmes.count() >= 3
    assert all(p.state == "concept" for p in document.programmes.all())
    record = ImportRecord.objects.latest("id")
    assert any(p["location"]["page"] for p in record.problems)
    assert "begroting-2026.pdf p." in html  # the problem list names file and page


def test_pdf_without_usable_text_creates_nothing_and_says_why(world: World,
                                                              corpus: Path) -> None:
    before = Document.objects.count()
    html = _upload(world, corpus / "wassenaar" / "jaarstukken-2019-unmapped-fonts.pdf")
    assert Document.objects.count() == before
    assert "PDF-UNMAPPED-FONT" in html and "WEB-IMPORT-EMPTY" in html

"""Import by upload and publishing: limits, problems with places, all-or-nothing writes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.test import override_settings
from web_world import EXAMPLE, World

from rekenschap.web.core import adapters, importing, publishing
from rekenschap.web.core.models import (
    Document,
    ImportRecord,
    Organisation,
    ProgrammeRecord,
    Publication,
    Revision,
    Role,
    State,
)


def _upload(world: World, name: str, data: bytes, role: Role = Role.CONTROLLER) -> str:
    response = world.client(role).post("/importeren/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    return response.content.decode()


def test_yaml_upload_creates_a_concept_document(world: World) -> None:
    before = Document.objects.count()
    html = _upload(world, "groningen.yaml", EXAMPLE.read_bytes())
    assert "conceptdocument" in html
    document = Document.objects.latest("id")
    assert Document.objects.count() == before + 1
    assert document.year == 2024 and document.organisation.cbs_code == "GM0014"
    record = document.programmes.get()
    assert record.state == State.CONCEPT and record.current is not None
    assert record.current.content["code"] == "2.2"


def test_broken_yaml_lists_problems_with_the_line_and_creates_nothing(world: World) -> None:
    before = Document.objects.count()
    broken = EXAMPLE.read_bytes().replace(b"year: 2024", b"year: tweeduizend")
    html = _upload(world, "kapot.yaml", broken)
    assert Document.objects.count() == before
    record = ImportRecord.objects.latest("id")
    assert record.document is None and record.problems
    problem = record.problems[0]
    assert problem["location"]["file"] == "kapot.yaml"  # the upload's name, not a temp path
    assert problem["location"]["line"] is not None
    assert "kapot.yaml" in html and problem["code"] in html


@pytest.mark.parametrize(("name", "data", "code"), [
    ("virus.exe", b"MZ....", "WEB-UPLOAD-TYPE"),
    ("nep.pdf", b"<html>not a pdf</html>", "WEB-UPLOAD-TYPE"),
    ("leeg.txt", b"", "WEB-UPLOAD-EMPTY"),
    ("binair.yaml", b"\x00\x01\x02", "WEB-UPLOAD-TYPE"),
])
def test_refused_uploads_name_the_reason(world: World, name: str, data: bytes, code: str) -> None:
    before = Document.objects.count()
    if data:
        html = _upload(world, name, data)
    else:
        outcome = importing.import_upload(name, data, world.users[Role.CONTROLLER])
        html = " ".join(p.code for p in outcome.problems)
    assert code in html
    assert Document.objects.count() == before


@override_settings(UPLOAD_MAX_BYTES=1000)
def test_upload_size_limit(world: World) -> None:
    html = _upload(world, "groot.yaml", EXAMPLE.read_bytes())
    assert "WEB-UPLOAD-SIZE" in html


def test_pdf_upload_goes_through_the_pdf_importer(world: World) -> None:
    from reportlab.pdfgen import canvas  # a real, tiny PDF made here

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Dit document heeft geen programma's.")
    page.save()
    outcome = importing.import_upload("klein.pdf", buffer.getvalue(), world.users[Role.CONTROLLER])
    assert outcome.record.kind == "pdf"
    assert outcome.problems, "an unrecognisable PDF must say why"
    assert all(p.location.file is None or p.location.file.startswith("klein.pdf")
               for p in outcome.problems)


def test_a_failure_half_way_through_an_import_leaves_nothing(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = (Organisation.objects.count(), Document.objects.count(),
              ProgrammeRecord.objects.count(), Revision.objects.count())
    real_create = Revision.objects.create
    calls = {"n": 0}

    def failing_create(**kwargs: object) -> Revision:
        calls["n"] += 1
        if calls["n"] == 2:  # the second programme's first revision
            raise RuntimeError("disk full (injected)")
        return real_create(**kwargs)

    monkeypatch.setattr(Revision.objects, "create", failing_create)
    from web_world import example_report

    with pytest.raises(RuntimeError):
        importing.store_report(example_report(3), world.users[Role.CONTROLLER], "x.yaml")
    assert calls["n"] == 2
    assert (Organisation.objects.count(), Document.objects.count(),
            ProgrammeRecord.objects.count(), Revision.objects.count()) == counts


def test_a_failure_half_way_through_publishing_leaves_nothing(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two approved programmes; the second programme's update fails: no publication, no state."""
    ProgrammeRecord.objects.filter(pk=world.own.pk).update(state=State.APPROVED,
                                                           approved=world.own.current)
    before = Publication.objects.count()
    monkeypatch.setattr(ProgrammeRecord.objects, "filter",
                        _fail_on_second_update(ProgrammeRecord.objects.filter))
    with pytest.raises(RuntimeError, match="injected"):
        publishing.publish(world.document.pk, world.users[Role.CONTROLLER])
    monkeypatch.undo()
    assert Publication.objects.count() == before
    world.own.refresh_from_db()
    assert world.own.state == State.APPROVED and world.own.published_id is None


def _fail_on_second_update(real: Callable[..., QuerySet[ProgrammeRecord]]
                           ) -> Callable[..., QuerySet[ProgrammeRecord]]:
    state = {"n": 0}

    def wrapper(*args: object, **kwargs: object) -> QuerySet[ProgrammeRecord]:
        queryset = real(*args, **kwargs)
        real_update = queryset.update

        def update(**fields: object) -> int:
            state["n"] += 1
            if state["n"] == 2:
                raise RuntimeError("connection lost (injected)")
            return real_update(**fields)

        queryset.update = update  # type: ignore[method-assign]
        return queryset
    return wrapper


def test_published_site_is_served_and_downloadable(world: World) -> None:
    from django.test import Client

    anonymous = Client()
    index = anonymous.get(f"/site/{world.document.pk}/")
    assert index.status_code == 200 and b"<html" in b"".join(index.streaming_content)
    assert anonymous.get(f"/site/{world.document.pk}/../../etc/passwd").status_code == 404
    archive = anonymous.get(f"/site/{world.document.pk}.zip")
    assert archive["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert "index.html" in names


def test_publish_uses_approved_revisions_only(world: World) -> None:
    controller = world.users[Role.CONTROLLER]
    from rekenschap.web.core import revisions, workflow
    from rekenschap.web.core.permissions import Action

    # own: approved at revision 1, then corrected to a concept revision 2 with a marker
    ProgrammeRecord.objects.filter(pk=world.own.pk).update(state=State.APPROVED,
                                                           approved=world.own.current)
    workflow.transition(world.own.pk, Action.CORRECT, controller)
    assert world.own.current is not None
    revisions.save_revision(world.own.pk, {**world.own.current.content, "name": "NIET-GOEDGEKEURD"},
                            1, controller)
    publication = publishing.publish(world.document.pk, controller)
    used = set(publication.revisions.values_list("pk", flat=True))
    assert world.own.current_id in used and world.other.current_id not in used
    text = b"".join(zipfile.ZipFile(io.BytesIO(bytes(publication.archive))).read(n)
                    for n in zipfile.ZipFile(io.BytesIO(bytes(publication.archive))).namelist()
                    if n.endswith(".html"))
    assert b"NIET-GOEDGEKEURD" not in text
    assert b">1 Veiligheid 1<" in text and b">2 Veiligheid 2<" not in text


def test_import_adapter_turns_a_crash_into_a_problem(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: object) -> None:
    def boom(path: object) -> object:
        raise ValueError("importer bug")

    monkeypatch.setattr(adapters, "import_path", boom)
    report, problems = adapters.import_file(EXAMPLE)
    assert report is None and [p.code for p in problems] == ["WEB-COMPONENT-FAILED"]

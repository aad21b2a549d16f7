"""The unpacked published site on disk is keyed so that a reused publication id (a rolled back
transaction, a ``rekenschap restore``) never serves the site that was unpacked for the old one."""

from __future__ import annotations

import base64
import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core import signals
from django.db import close_old_connections, connection, transaction
from django.test import Client
from web_world import World

from rekenschap.web.core import archive, publishing, revisions, workflow
from rekenschap.web.core.models import ProgrammeRecord, Publication, Role
from rekenschap.web.core.permissions import Action
from rekenschap.web.wsgi import application

SITES = Path(settings.DATA_DIR) / "sites"


@pytest.fixture
def wsgi(world: World) -> Iterator[World]:
    """The production WSGI app (with the site fast path) on the test's connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    before = set(SITES.glob("*")) if SITES.is_dir() else set()
    try:
        yield world
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
        for folder in set(SITES.glob("*")) - before:
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)


def _get(path: str) -> tuple[str, bytes]:
    environ: dict[str, Any] = {"REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    environ["PATH_INFO"] = path
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> None:
        seen["status"] = status

    body = b"".join(application(environ, start_response))
    return seen["status"], body


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def _republish(world: World, name: str) -> Publication:
    """Rename the published programme, have it approved and publish again."""
    controller = world.users[Role.CONTROLLER]
    pk = world.published.pk
    record = workflow.transition(pk, Action.CORRECT, controller)
    assert record.current is not None
    revisions.save_revision(pk, {**record.current.content, "name": name}, record.version,
                            controller)
    workflow.transition(pk, Action.SUBMIT, controller)
    workflow.transition(pk, Action.APPROVE, controller)
    return publishing.publish(world.document.pk, controller)


def _pages_with(archive_bytes: bytes, text: str) -> set[str]:
    """The paths of the site's pages that show ``text``."""
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as site:
        return {n for n in site.namelist() if n.endswith(".html") and text.encode() in site.read(n)}


def _folders(pk: int) -> list[str]:
    return sorted(f.name for f in SITES.iterdir() if f.is_dir() and f.name.split("-")[0] == str(pk))


def test_a_publication_id_reused_after_a_rollback_serves_the_new_site(wsgi: World) -> None:
    document = wsgi.document.pk
    with transaction.atomic():
        old = _republish(wsgi, "Oude veiligheid")
        old_pages = _pages_with(bytes(old.archive), "Oude veiligheid")
        page = min(old_pages, key=len)  # the document's overview, not the programme's own page
        status, body = _get(f"/site/{document}/{page}")
        assert status == "200 OK" and b"Oude veiligheid" in body
        assert _folders(old.pk) == [publishing.site_key(old)]
        transaction.set_rollback(True)
    new = _republish(wsgi, "Nieuwe veiligheid")
    if connection.vendor == "sqlite":  # SQLite gives the id again (PostgreSQL does not)
        assert new.pk == old.pk
    assert page in _pages_with(bytes(new.archive), "Nieuwe veiligheid")  # same path, new text
    status, body = _get(f"/site/{document}/{page}")
    assert status == "200 OK"
    assert b"Nieuwe veiligheid" in body and b"Oude veiligheid" not in body
    # the stale folder of the rolled back publication is gone, the new one is there
    assert _folders(new.pk) == [publishing.site_key(new)]


def test_a_restored_publication_with_a_known_id_serves_the_restored_site(wsgi: World) -> None:
    document = wsgi.document.pk
    client = Client()
    # the site another installation published (built here in a savepoint and thrown away)
    with transaction.atomic():
        built = _republish(wsgi, "Hersteld programma")
        other = bytes(built.archive)
        transaction.set_rollback(True)
    path = min(_pages_with(other, "Hersteld programma"), key=len)
    page = client.get(f"/site/{document}/{path}")
    assert page.status_code == 200
    assert b"Hersteld programma" not in _body(page)
    current = publishing.latest(document)
    assert current is not None
    served_before = publishing.site_dir(current)
    content = archive.dump()
    for item in content["objects"]:
        if item["model"] == "core.publication" and item["pk"] == current.pk:
            item["fields"]["archive"] = base64.b64encode(other).decode("ascii")
    with transaction.atomic():
        ProgrammeRecord.objects.update(current=None, approved=None, published=None)
        for model in reversed(archive.MODELS):
            model._default_manager.all().delete()
        archive.restore(content)
    restored = publishing.latest(document)
    assert restored is not None and restored.pk == current.pk  # the same id, another site
    page = client.get(f"/site/{document}/{path}")
    assert page.status_code == 200
    assert b"Hersteld programma" in _body(page)
    assert not served_before.exists()  # the stale folder was removed
    assert _folders(current.pk) == [publishing.site_key(restored)]


def test_the_same_site_published_again_under_its_id_is_unpacked_once(wsgi: World) -> None:
    publication = publishing.latest(wsgi.document.pk)
    assert publication is not None
    first = publishing.site_dir(publication)
    again = publishing.site_dir(Publication.objects.get(pk=publication.pk))
    assert first == again and (first / "index.html").is_file()
    assert _folders(publication.pk) == [first.name]

"""The unpacked published site on disk is keyed so that a reused publication id (a rolled back
transaction, a ``rekenschap restore``) never serves the site that was unpacked for the old one."""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client
from site_client import SITES, body, get, on_test_connection, republish
from web_world import World

from rekenschap.web.core import archive, publishing
from rekenschap.web.core.models import ProgrammeRecord, Publication


@pytest.fixture
def wsgi(world: World) -> Iterator[World]:
    """The production WSGI app (with the site fast path) on the test's connection."""
    with on_test_connection():
        yield world


def _get(path: str) -> tuple[str, bytes]:
    status, _headers, body = get(path)
    return status, body


def _pages_with(archive_bytes: bytes, text: str) -> set[str]:
    """The paths of the site's pages that show ``text``."""
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as site:
        return {n for n in site.namelist() if n.endswith(".html") and text.encode() in site.read(n)}


def _folders(pk: int) -> list[str]:
    return sorted(f.name for f in SITES.iterdir() if f.is_dir() and f.name.split("-")[0] == str(pk))


def test_a_publication_id_reused_after_a_rollback_serves_the_new_site(wsgi: World) -> None:
    document = wsgi.document.pk
    with transaction.atomic():
        old = republish(wsgi, "Oude veiligheid")
        old_pages = _pages_with(bytes(old.archive), "Oude veiligheid")
        page = min(old_pages, key=len)  # the document's overview, not the programme's own page
        status, body = _get(f"/site/{document}/{page}")
        assert status == "200 OK" and b"Oude veiligheid" in body
        assert _folders(old.pk) == [publishing.site_key(old)]
        transaction.set_rollback(True)
    new = republish(wsgi, "Nieuwe veiligheid")
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
        built = republish(wsgi, "Hersteld programma")
        other = bytes(built.archive)
        transaction.set_rollback(True)
    path = min(_pages_with(other, "Hersteld programma"), key=len)
    page = client.get(f"/site/{document}/{path}")
    assert page.status_code == 200
    assert b"Hersteld programma" not in body(page)
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
    assert b"Hersteld programma" in body(page)
    assert not served_before.exists()  # the stale folder was removed
    assert _folders(current.pk) == [publishing.site_key(restored)]


def test_the_same_site_published_again_under_its_id_is_unpacked_once(wsgi: World) -> None:
    publication = publishing.latest(wsgi.document.pk)
    assert publication is not None
    first = publishing.site_dir(publication)
    again = publishing.site_dir(Publication.objects.get(pk=publication.pk))
    assert first == again and (first / "index.html").is_file()
    assert _folders(publication.pk) == [first.name]


def test_a_file_that_goes_away_while_it_is_read_is_answered_by_django(
        wsgi: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder pruned between the fast path's existence check and its read: no 500."""
    publication = publishing.latest(wsgi.document.pk)
    assert publication is not None
    page = min(_pages_with(bytes(publication.archive), "<html"), key=len)

    def gone(self: Path) -> bytes:
        raise FileNotFoundError(self)

    monkeypatch.setattr(Path, "read_bytes", gone)
    status, content = _get(f"/site/{wsgi.document.pk}/{page}")
    assert status == "200 OK" and content.lstrip().lower().startswith(b"<!doctype html")


def test_a_superseded_publication_leaves_no_folder_behind(wsgi: World) -> None:
    """One unpacked folder per document, not one per publish: serving the new publication removes
    the folder of the one it replaced, and the old one still unpacks again when asked for."""
    document = wsgi.document.pk
    first = republish(wsgi, "Eerste versie")
    assert _get(f"/site/{document}/index.html")[0] == "200 OK"
    assert _folders(first.pk) == [publishing.site_key(first)]
    second = republish(wsgi, "Tweede versie")
    assert second.pk != first.pk
    assert _get(f"/site/{document}/index.html")[0] == "200 OK"
    assert _folders(second.pk) == [publishing.site_key(second)]
    assert _folders(first.pk) == []
    assert publishing.site_dir(first).is_dir()  # a cache: unpacked again on demand

"""Read caching: validators (ETag, 304) on the read API and the published site, and no reader
ever sees an older revision or publication once a save or publication has been acknowledged,
in process and against a real multi-worker server."""

from __future__ import annotations

import io
import re
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from django.db.models.signals import post_save
from live import Server, drop_database, fresh_database_url
from site_client import get, on_test_connection, republish
from web_world import EXAMPLE, World

from rekenschap.web import sitefiles
from rekenschap.web.core import publishing, revisions, workflow
from rekenschap.web.core.api.readcache import LruCache
from rekenschap.web.core.models import Publication, Role
from rekenschap.web.core.permissions import Action
from rekenschap.web.sitefiles import none_match


@pytest.fixture
def wsgi(world: World) -> Iterator[World]:
    """The production WSGI app on the test's connection (inside the test's transaction)."""
    with on_test_connection():
        yield world


def test_lru_cache_keeps_the_most_recently_used() -> None:
    cache: LruCache[bytes] = LruCache(2)
    assert cache.get("a", lambda: b"A") == b"A" and cache.get("b", lambda: b"B") == b"B"
    assert cache.get("a", lambda: b"rebuilt") == b"A"  # a is now the most recent
    cache.put("c", b"C")  # evicts b
    assert cache.lookup("b") is None and cache.lookup("a") == b"A" and len(cache) == 2
    assert cache.hits == 2 and cache.misses == 3  # a and b built, then b looked up in vain


def test_if_none_match_comparison() -> None:
    assert none_match('"x"', '"x"') and none_match('W/"x"', '"x"') and none_match("*", '"x"')
    assert none_match('"y", "x"', '"x"')
    assert not none_match('"y"', '"x"') and not none_match("", '"x"')


def test_site_page_has_validators_and_answers_304(wsgi: World) -> None:
    status, headers, body = get(f"/site/{wsgi.document.pk}/")
    assert status == "200 OK" and body.lstrip().lower().startswith(b"<!doctype html")
    assert headers["Cache-Control"] == "public, no-cache" and headers["Last-Modified"]
    etag = headers["ETag"]
    status, headers, body = get(f"/site/{wsgi.document.pk}/", if_none_match=etag)
    assert status == "304 Not Modified" and body == b"" and headers["ETag"] == etag
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    status, _headers, body = get(f"/site/{wsgi.document.pk}/", if_none_match='"other"')
    assert status == "200 OK" and body


def _pages(document: int) -> dict[str, bytes]:
    """The html files of the document's latest publication, by path."""
    publication = publishing.latest(document)
    assert publication is not None
    with zipfile.ZipFile(io.BytesIO(bytes(publication.archive))) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.endswith(".html")}


def test_a_new_publication_is_served_at_once_not_the_cached_one(wsgi: World) -> None:
    doc = wsgi.document.pk
    old = _pages(doc)
    tags = {}
    for path, content in old.items():
        status, headers, body = get(f"/site/{doc}/{path}")
        assert status == "200 OK" and body == content
        tags[path] = headers["ETag"]
    republish(wsgi, "Gepubliceerd opnieuw")
    new = _pages(doc)
    changed = [p for p in old if p in new and new[p] != old[p]]
    assert changed and any(b"Gepubliceerd opnieuw" in new[p] for p in changed)
    # at once (no time-to-live to wait out), with the old tags: what changed comes back whole
    for path in old.keys() & new.keys():
        status, headers, body = get(f"/site/{doc}/{path}", if_none_match=tags[path])
        if path in changed:
            assert status == "200 OK" and body == new[path] and headers["ETag"] != tags[path]
        else:
            assert status == "304 Not Modified" and headers["ETag"] == tags[path]


def test_a_publication_made_without_the_stamp_is_picked_up_within_the_ttl(wsgi: World) -> None:
    """A publication the stamp does not announce (a restore, another host): the database is
    asked again after ``TTL`` seconds."""
    doc = wsgi.document.pk
    page = f"/site/{doc}/"
    _status, _headers, before = get(page)
    stamp = post_save.disconnect(sender=Publication, dispatch_uid="sitefiles-stamp")
    assert stamp  # the fast path had connected its receiver
    try:
        republish(wsgi, "Zonder stempel")
    finally:
        post_save.connect(sitefiles._published, sender=Publication,
                          dispatch_uid="sitefiles-stamp")
    new = _pages(doc)
    changed = next(p for p, content in new.items() if b"Zonder stempel" in content)
    time.sleep(sitefiles.TTL + 0.05)
    status, _headers, body = get(f"/site/{doc}/{changed}")
    assert status == "200 OK" and b"Zonder stempel" in body and before != body


def test_api_read_has_validators_and_answers_304(world: World) -> None:
    api = world.api(Role.CONTROLLER)
    url = f"/api/v1/programmes/{world.own.pk}"
    first = api.get(url)
    assert first.status_code == 200
    assert {"private", "no-cache"} <= {p.strip() for p in first["Cache-Control"].split(",")}
    assert "Authorization" in first["Vary"]
    again = api.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    other = api.get(url, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200 and other.json() == first.json()


def test_api_tag_changes_with_the_revision(world: World) -> None:
    api = world.api(Role.CONTROLLER)
    url = f"/api/v1/programmes/{world.own.pk}"
    first = api.get(url)
    body = first.json()
    saved = api.put(url, {"base_version": body["version"],
                          "content": {**body["content"], "name": "Na opslaan"}},
                    content_type="application/json")
    assert saved.status_code == 200 and "ETag" not in saved  # writes carry no validator
    after = api.get(url, headers={"if-none-match": first["ETag"]})
    assert after.status_code == 200 and after["ETag"] != first["ETag"]
    assert after.json()["content"]["name"] == "Na opslaan"
    assert after.json()["version"] == body["version"] + 1


def test_api_errors_and_refusals_carry_no_validator(world: World) -> None:
    missing = world.api(Role.CONTROLLER).get("/api/v1/programmes/999999")
    assert missing.status_code == 404 and "ETag" not in missing
    refused = world.api(Role.RAADSLID).get(f"/api/v1/programmes/{world.own.pk}")
    assert refused.status_code == 403 and "ETag" not in refused


def test_a_tag_never_turns_a_read_into_a_304_of_what_the_reader_may_not_see(
        world: World) -> None:
    """A correction in progress: the controller reads the draft, a council member the
    published revision; the draft's tag gets the council member the published body, not 304."""
    controller = world.users[Role.CONTROLLER]
    pk = world.published.pk
    record = workflow.transition(pk, Action.CORRECT, controller)
    assert record.current is not None
    published_name = record.current.content["name"]
    revisions.save_revision(pk, {**record.current.content, "name": "Concept-correctie"},
                            record.version, controller)
    url = f"/api/v1/programmes/{pk}"
    draft = world.api(Role.CONTROLLER).get(url)
    assert draft.json()["content"]["name"] == "Concept-correctie"
    council = world.api(Role.RAADSLID).get(url, headers={"if-none-match": draft["ETag"]})
    assert council.status_code == 200 and council["ETag"] != draft["ETag"]
    assert council.json()["content"]["name"] == published_name


# --- against a real server: two worker processes, several threads, concurrent readers ------


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[Server]:
    url = fresh_database_url()
    server = Server(tmp_path / "data", url)
    server.data.mkdir()
    try:
        server.start("--workers", "2", "--seed", str(EXAMPLE))
        yield server
    finally:
        server.stop()
        drop_database(url)


class Readers:
    """Threads that read ``path`` over and over (revalidating with their last tag) and note,
    per read, when it was sent and which value it showed."""

    def __init__(self, url: str, headers: dict[str, str], value: Any, count: int = 4) -> None:
        self.url, self.headers, self.value = url, headers, value
        self.seen: list[tuple[float, int]] = []
        self.statuses: dict[int, int] = {}
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._run) for _ in range(count)]

    def _run(self) -> None:
        session, tag, last = requests.Session(), None, -1
        while not self.stop.is_set():
            sent = time.perf_counter()
            r = session.get(self.url, headers={**self.headers, **({"If-None-Match": tag}
                                                                   if tag else {})}, timeout=30)
            if r.status_code == 200:
                tag, last = r.headers["ETag"], self.value(r)
            with self.lock:
                self.statuses[r.status_code] = self.statuses.get(r.status_code, 0) + 1
                self.seen.append((sent, last))

    def __enter__(self) -> Readers:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join()

    def stale(self, acknowledged: list[tuple[float, int]]) -> list[str]:
        """Reads sent after value ``v`` was acknowledged that still showed less than ``v``."""
        return [f"read at {sent:.3f} showed {value}, {v} acknowledged at {at:.3f}"
                for sent, value in self.seen for at, v in acknowledged
                if sent > at and value < v]


def test_no_reader_sees_an_older_revision_after_a_save(live_server: Server) -> None:
    token = live_server.token_for("controller1", "controller")
    auth = {"Authorization": f"Bearer {token}"}
    writer = requests.Session()
    report = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    created = writer.post(f"{live_server.url}/api/v1/documents", json=report, headers=auth,
                          timeout=60)
    assert created.status_code == 201, created.text
    url = f"{live_server.url}/api/v1/programmes/{created.json()['programmes'][0]['id']}"
    current = writer.get(url, headers=auth, timeout=30).json()
    acknowledged: list[tuple[float, int]] = []
    with Readers(url, auth, lambda r: int(r.json()["version"])) as readers:
        time.sleep(0.3)
        version = current["version"]
        for n in range(12):
            saved = writer.put(url, headers=auth, timeout=30, json={
                "base_version": version, "content": {**current["content"], "name": f"Versie {n}"}})
            assert saved.status_code == 200, saved.text
            version = saved.json()["version"]
            acknowledged.append((time.perf_counter(), version))
            time.sleep(0.15)  # quiet moments in which the readers' tags stay current
    assert readers.statuses.get(200, 0) > 12 and readers.statuses.get(304, 0) > 0, readers.statuses
    assert set(readers.statuses) <= {200, 304}, readers.statuses
    assert not readers.stale(acknowledged)


def test_no_reader_sees_an_older_publication_after_a_publish(live_server: Server) -> None:
    token = live_server.token_for("controller1", "controller")
    auth = {"Authorization": f"Bearer {token}"}
    api = f"{live_server.url}/api/v1"
    session = requests.Session()
    session.headers.update(auth)

    def generation(r: requests.Response) -> int:
        found = re.search(r"Generatie (\d+)", r.text)
        return int(found.group(1)) if found else 0

    names = zipfile.ZipFile(io.BytesIO(requests.get(f"{live_server.url}/site/1.zip",
                                                    timeout=60).content)).namelist()
    # the document's own index page lists its programmes by name (and keeps its path)
    page = next(n for n in names if n.count("/") == 1 and n.endswith("/index.html")
                and not n.startswith("en/"))  # en/index.html is the English site index
    acknowledged: list[tuple[float, int]] = []
    with Readers(f"{live_server.url}/site/1/{page}", {}, generation) as readers:
        time.sleep(0.3)
        for n in (1, 2, 3):
            corrected = session.post(f"{api}/programmes/1/transitions",
                                     json={"action": "correct"}, timeout=30)
            assert corrected.status_code == 200, corrected.text
            current = session.get(f"{api}/programmes/1", timeout=30).json()
            saved = session.put(f"{api}/programmes/1", timeout=30, json={
                "base_version": current["version"],
                "content": {**current["content"], "name": f"Generatie {n}"}})
            assert saved.status_code == 200, saved.text
            for action in ("submit", "approve"):
                assert session.post(f"{api}/programmes/1/transitions", json={"action": action},
                                    timeout=30).status_code == 200
            published = session.post(f"{api}/documents/1/publish", timeout=120)
            assert published.status_code == 201, published.text
            acknowledged.append((time.perf_counter(), n))
            time.sleep(0.3)
    assert readers.statuses.get(304, 0) > 0 and set(readers.statuses) <= {200, 304}
    assert max(value for _sent, value in readers.seen) == 3
    assert not readers.stale(acknowledged)

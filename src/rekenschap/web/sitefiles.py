"""A fast path for the published sites: ``/site/<document>/<file>`` served straight from the
unpacked publication, before Django's middleware and views (no session, no user, no template).

Which publication is current comes from the database; a process asks again when a document's
stamp file changed or a second has passed. Every process that serves the app writes the stamp
(``<data>/sites/.current-<document>``, replaced atomically) when a publication is saved and
again when its transaction commits, before the publication is acknowledged; each request looks
at the stamp (one ``stat``), so after a publication is acknowledged no worker serves the
previous one, and no request needs a database query. A publication made elsewhere (a restore,
another host) is picked up within the second. A publication never changes, so its files are
kept in memory per (publication, path) with a content hash as ``ETag``; ``If-None-Match``
gets a ``304``. ``Cache-Control: public, no-cache`` lets browsers and proxies keep a copy but
makes them revalidate it each time, which is what keeps them from showing an old publication.
Anything this layer cannot answer (no publication yet, the zip download, a missing file, a
database error) goes to Django, which answers or reports it.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import Error as DatabaseError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils.http import http_date, parse_etags

from rekenschap.web.core.api.readcache import LruCache

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
_PATH = re.compile(r"^/site/(\d+)/(.*)$")
CACHE_CONTROL = "public, no-cache"
MAX_CACHED_FILE = 2 * 1024 * 1024
TTL = 1.0
"""Seconds a process trusts its answer to "which publication is current" while the stamp is
unchanged (covers publications made where the stamp is not written)."""
log = logging.getLogger(__name__)
Current = tuple[int, datetime] | None


@dataclass(frozen=True)
class SiteFile:
    body: bytes
    content_type: str
    etag: str


def etag_for(body: bytes) -> str:
    """A strong validator: the same bytes give the same tag in every worker and publication."""
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def none_match(header: str, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, RFC 9110 13.1.2)."""
    tags = parse_etags(header)
    bare = etag.removeprefix("W/")
    return "*" in tags or any(tag.removeprefix("W/") == bare for tag in tags)


def current_publication(document: int) -> tuple[int, datetime] | None:
    """The id and time of the document's latest publication (the order ``publishing.latest``
    uses), without loading its archive."""
    from rekenschap.web.core.models import Publication

    return (
        Publication.objects.filter(document_id=document)
        .order_by("-at", "-id")
        .values_list("pk", "at")
        .first()
    )


def _stamp_path(document: int) -> Path:
    return Path(settings.DATA_DIR) / "sites" / f".current-{document}"


def _signature(document: int) -> tuple[int, int, int] | None:
    try:
        st = os.stat(_stamp_path(document))
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def write_stamp(document: int) -> None:
    """Tell every process serving the site that the document's publication changed."""
    path = _stamp_path(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
    tmp.write_text(f"{time.time_ns()}\n", encoding="ascii")
    os.replace(tmp, path)  # a new inode each time: the signature always changes


def _published(sender: Any, instance: Any, created: bool, **_: Any) -> None:
    if created:
        document = int(instance.document_id)
        write_stamp(document)  # now: the same transaction (tests, this thread) sees it at once
        transaction.on_commit(lambda: write_stamp(document))  # and when others can see it


def _connect() -> None:
    from rekenschap.web.core.models import Publication

    post_save.connect(_published, sender=Publication, dispatch_uid="sitefiles-stamp")


def _site_root(publication: int) -> Path:
    from rekenschap.web.core.models import Publication
    from rekenschap.web.core.publishing import site_dir

    return site_dir(Publication.objects.get(pk=publication)).resolve()


def _read(root: Path, path: str) -> SiteFile | None:
    target = (root / (path or "index.html")).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(root) or not target.is_file():
        return None
    try:
        body = target.read_bytes()
    except OSError:  # removed meanwhile (a stale folder pruned): Django answers
        return None
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in {"application/javascript", "image/svg+xml"}:
        kind += "; charset=utf-8"
    return SiteFile(body, kind, etag_for(body))


class SiteFiles:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self.roots: LruCache[Path] = LruCache(64)
        self.files: LruCache[SiteFile] = LruCache(256)
        self._current: dict[int, tuple[tuple[int, int, int] | None, float, Current]] = {}
        self._lock = threading.Lock()
        _connect()

    def current(self, document: int) -> Current:
        """The document's current publication: the database's answer, asked again when the
        stamp changed or ``TTL`` passed."""
        signature, now = _signature(document), time.monotonic()
        with self._lock:
            known = self._current.get(document)
        if known is not None and known[0] == signature and now - known[1] < TTL:
            return known[2]
        value = current_publication(document)
        with self._lock:
            self._current[document] = (signature, now, value)
        return value

    def _file(self, publication: tuple[int, datetime], path: str) -> SiteFile | None:
        # keyed by id and time: an id can come back (a rolled back or restored database)
        key = (publication, path)
        found = self.files.lookup(key)
        if found is None:
            root = self.roots.get(publication, lambda: _site_root(publication[0]))
            found = _read(root, path)
            if found is not None and len(found.body) <= MAX_CACHED_FILE:
                self.files.put(key, found)
        return found

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        match = _PATH.match(environ.get("PATH_INFO", ""))
        method = environ.get("REQUEST_METHOD")
        if match is None or method not in {"GET", "HEAD"}:
            return self.app(environ, start_response)
        try:
            current = self.current(int(match.group(1)))
            found = self._file(current, match.group(2)) if current is not None else None
        except ObjectDoesNotExist:  # the publication was deleted since: Django answers
            return self.app(environ, start_response)
        except DatabaseError:
            # a broken persistent connection: drop it; Django answers this request on a new one
            log.warning("site files: database error, passing %s to Django", environ["PATH_INFO"],
                        exc_info=True)
            connection.close()
            return self.app(environ, start_response)
        if current is None or found is None:
            return self.app(environ, start_response)
        headers = [
            ("ETag", found.etag), ("Cache-Control", CACHE_CONTROL),
            ("Last-Modified", http_date(current[1].timestamp())),
            ("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY),
            ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        if none_match(environ.get("HTTP_IF_NONE_MATCH", ""), found.etag):
            start_response("304 Not Modified", headers)
            return [b""]
        start_response("200 OK", [("Content-Type", found.content_type),
                                  ("Content-Length", str(len(found.body))), *headers])
        return [b""] if method == "HEAD" else [found.body]

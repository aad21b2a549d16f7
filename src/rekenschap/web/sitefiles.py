"""A fast path for the published sites: ``/site/<document>/<file>`` served straight from the
unpacked publication, before Django's middleware and views (no session, no user, no template).

Which publication is current is read from the database on every request (one indexed query for
two columns on the worker thread's persistent connection), so after a publication is
acknowledged no worker serves the previous one. A publication never changes, so its files are
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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import Error as DatabaseError
from django.db import connection
from django.utils.http import http_date, parse_etags

from rekenschap.web.core.api.readcache import LruCache

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
_PATH = re.compile(r"^/site/(\d+)/(.*)$")
CACHE_CONTROL = "public, no-cache"
MAX_CACHED_FILE = 2 * 1024 * 1024
log = logging.getLogger(__name__)


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
    body = target.read_bytes()
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in {"application/javascript", "image/svg+xml"}:
        kind += "; charset=utf-8"
    return SiteFile(body, kind, etag_for(body))


class SiteFiles:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self.roots: LruCache[Path] = LruCache(64)
        self.files: LruCache[SiteFile] = LruCache(256)

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
            current = current_publication(int(match.group(1)))
            found = self._file(current, match.group(2)) if current is not None else None
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

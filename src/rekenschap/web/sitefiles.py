"""A fast path for the published sites: ``/site/<document>/<file>`` served straight from the
unpacked publication, before Django's middleware and views (like a static file server).

Which publication is current is looked up at most once a second per document; anything this
layer cannot answer (no publication yet, the zip download, a missing file) goes to Django.
"""

from __future__ import annotations

import mimetypes
import re
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
_PATH = re.compile(r"^/site/(\d+)/(.*)$")
TTL = 1.0


class SiteFiles:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self._current: dict[int, tuple[float, Path | None]] = {}
        self._lock = threading.Lock()

    def _root(self, document: int) -> Path | None:
        now = time.monotonic()
        with self._lock:
            cached = self._current.get(document)
        if cached is not None and now - cached[0] < TTL:
            return cached[1]
        from rekenschap.web.core.publishing import latest, site_dir

        publication = latest(document)
        root = site_dir(publication).resolve() if publication is not None else None
        with self._lock:
            self._current[document] = (now, root)
        return root

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        match = _PATH.match(environ.get("PATH_INFO", ""))
        if match is None or environ.get("REQUEST_METHOD") not in {"GET", "HEAD"}:
            return self.app(environ, start_response)
        root = self._root(int(match.group(1)))
        if root is None:
            return self.app(environ, start_response)
        target = (root / (match.group(2) or "index.html")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(root) or not target.is_file():
            return self.app(environ, start_response)
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in {"application/javascript", "image/svg+xml"}:
            kind += "; charset=utf-8"
        start_response("200 OK", [
            ("Content-Type", kind), ("Content-Length", str(len(body))),
            ("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY),
            ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"), ("Cache-Control", "public, max-age=60"),
        ])
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

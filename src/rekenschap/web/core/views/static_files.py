"""The app's static files through Django's staticfiles finders: the app's own CSS/JS, the NL
Design System CSS vendored with the site renderer (``vendor/``, the same files the published
site uses; no CDN) and the admin's files, also when DEBUG is off (no separate static server)."""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpRequest


def serve_static(request: HttpRequest, path: str) -> FileResponse:
    clean = posixpath.normpath(path).lstrip("/")
    if clean.startswith("..") or "\x00" in clean:
        raise Http404(path)
    found = finders.find(clean)
    if not found:
        raise Http404(path)
    target = Path(found if isinstance(found, str) else found[0])
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    response = FileResponse(target.open("rb"), content_type=kind)
    response["Cache-Control"] = "public, max-age=3600"
    return response

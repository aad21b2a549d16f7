"""The fast path for published site files in front of Django (the production WSGI app)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.db import close_old_connections
from web_world import World

from rekenschap.web.wsgi import application


@pytest.fixture
def wsgi(world: World) -> Iterator[World]:
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield world
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _get(path: str) -> tuple[str, dict[str, str], bytes]:
    environ: dict[str, Any] = {"PATH_INFO": path, "REQUEST_METHOD": "GET",
                               "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    environ["PATH_INFO"] = path
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return seen["status"], seen["headers"], body


def test_published_pages_are_served_with_the_security_headers(wsgi: World) -> None:
    status, headers, body = _get(f"/site/{wsgi.document.pk}/")
    assert status == "200 OK" and body.lstrip().lower().startswith(b"<!doctype html")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_what_the_fast_path_cannot_answer_goes_to_django(wsgi: World) -> None:
    status, _headers, _body = _get(f"/site/{wsgi.document.pk}/../../../../etc/passwd")
    assert status.startswith("404")
    status, _headers, _body = _get("/site/999999/index.html")
    assert status.startswith("404")
    status, headers, _body = _get(f"/site/{wsgi.document.pk}.zip")
    assert status == "200 OK" and headers["Content-Type"] == "application/zip"

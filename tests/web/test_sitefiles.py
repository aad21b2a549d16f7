"""The fast path for published site files in front of Django (the production WSGI app)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from site_client import get, on_test_connection
from web_world import World


@pytest.fixture
def wsgi(world: World) -> Iterator[World]:
    with on_test_connection():
        yield world


def test_published_pages_are_served_with_the_security_headers(wsgi: World) -> None:
    status, headers, body = get(f"/site/{wsgi.document.pk}/")
    assert status == "200 OK" and body.lstrip().lower().startswith(b"<!doctype html")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_what_the_fast_path_cannot_answer_goes_to_django(wsgi: World) -> None:
    status, _headers, _body = get(f"/site/{wsgi.document.pk}/../../../../etc/passwd")
    assert status.startswith("404")
    status, _headers, _body = get("/site/999999/index.html")
    assert status.startswith("404")
    status, headers, _body = get(f"/site/{wsgi.document.pk}.zip")
    assert status == "200 OK" and headers["Content-Type"] == "application/zip"

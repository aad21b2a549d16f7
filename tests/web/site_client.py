"""Requests to the production WSGI app (with the published-site fast path) inside a test's
transaction, for the site tests."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from django.core import signals
from django.db import close_old_connections
from web_world import World

from rekenschap.web.core import publishing, revisions, workflow
from rekenschap.web.core.models import Publication, Role
from rekenschap.web.core.permissions import Action
from rekenschap.web.wsgi import application

SITES = Path(settings.DATA_DIR) / "sites"


@contextmanager
def on_test_connection() -> Iterator[None]:
    """Keep Django from closing the test's connection per request; remove the site folders
    unpacked meanwhile (their publications are rolled back with the test)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    before = set(SITES.glob("*")) if SITES.is_dir() else set()
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
        for folder in set(SITES.glob("*")) - before:
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)


def get(path: str, **headers: str) -> tuple[str, dict[str, str], bytes]:
    """GET ``path`` from the production app: status line, headers, body."""
    environ: dict[str, Any] = {"REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    environ["PATH_INFO"] = path
    environ.update({"HTTP_" + k.upper(): v for k, v in headers.items()})
    seen: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], *_: Any) -> None:
        seen["status"], seen["headers"] = status, dict(response_headers)

    body = b"".join(application(environ, start_response))
    return seen["status"], seen["headers"], body


def body(response: Any) -> bytes:
    """The content of a Django test client's (streaming) response."""
    return b"".join(response.streaming_content)


def republish(world: World, name: str) -> Publication:
    """Rename the world's published programme, have it approved and publish again."""
    controller = world.users[Role.CONTROLLER]
    pk = world.published.pk
    record = workflow.transition(pk, Action.CORRECT, controller)
    assert record.current is not None
    revisions.save_revision(pk, {**record.current.content, "name": name}, record.version,
                            controller)
    workflow.transition(pk, Action.SUBMIT, controller)
    workflow.transition(pk, Action.APPROVE, controller)
    return publishing.publish(world.document.pk, controller)

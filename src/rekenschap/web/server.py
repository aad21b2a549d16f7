"""Run the WSGI application under gunicorn (used by ``rekenschap serve`` and the benchmark)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from rekenschap.web.wsgi import application

        return application


KEEPALIVE = 30
"""Seconds an idle keep-alive connection stays open (gunicorn's default is 2)."""


def _seed(path: str) -> list[str]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rekenschap.web.settings")
    import django

    django.setup()
    from django.db import connections

    from rekenschap.web.core.bootstrap import seed_report

    try:
        return seed_report(Path(path))
    finally:
        connections.close_all()


def seed_in_child(path: Path) -> list[str]:
    """``bootstrap.seed_report`` in a fresh (spawned) process. Publishing renders charts with
    vl-convert, whose JavaScript runtime does not survive the fork into gunicorn's workers: a
    worker of a parent that had rendered hung on its first publication. The environment
    (data folder, database URL) is inherited."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_seed, str(path)).result()


def run(host: str, port: int, workers: int = 2, threads: int | None = None) -> None:
    """``threads`` per worker: the argument, else ``REKENSCHAP_WEB_THREADS``, else 4; the
    worker class ``REKENSCHAP_WEB_WORKER_CLASS`` (default gthread; sync: no threads, no
    keep-alive)."""
    if threads is None:
        threads = int(os.environ.get("REKENSCHAP_WEB_THREADS", "4"))
    from django.db import connections

    connections.close_all()  # no database socket shared between the forked workers
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": os.environ.get("REKENSCHAP_WEB_WORKER_CLASS", "gthread"),
            "accesslog": None,
            "timeout": 60,
            "graceful_timeout": 5,
            # Keep idle client connections open longer than a reader's think time, so a reader
            # does not pay a new TCP connection per page and never races a server-side close.
            "keepalive": KEEPALIVE,
        }
    ).run()

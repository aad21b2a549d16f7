"""A real ``rekenschap serve`` subprocess on a fresh database (SQLite file or a new PostgreSQL
database on the test cluster), for the concurrency, kill and CLI tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

RKS = [sys.executable, "-c", "from rekenschap.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fresh_database_url() -> str | None:
    """A new, empty PostgreSQL database next to the test one; None when testing on SQLite."""
    base = os.environ.get("REKENSCHAP_TEST_DATABASE_URL")
    if not base:
        return None
    import psycopg

    name = f"rks_live_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(url: str | None) -> None:
    if url is None:
        return
    import psycopg

    base = os.environ["REKENSCHAP_TEST_DATABASE_URL"]
    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def cli_env(data: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"REKENSCHAP_DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["REKENSCHAP_DATA_DIR"] = str(data)
    if database_url:
        env["REKENSCHAP_DATABASE_URL"] = database_url
    return env


@dataclass
class Server:
    data: Path
    database_url: str | None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *extra: str) -> None:
        args = [*RKS, "serve", "--data", str(self.data), "--port", str(self.port), *extra]
        if self.database_url:
            args += ["--database-url", self.database_url]
        log = (self.data / "server.log").open("a")
        self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, text=True,
                                        env=cli_env(self.data, self.database_url),
                                        start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.data / "server.log").read_text())
            try:
                requests.get(self.url + "/login/", timeout=10)
                return
            except (requests.ConnectionError, requests.Timeout):
                # Not listening yet, or listening but still booting its workers on a busy machine.
                time.sleep(0.2)
        raise RuntimeError("server did not start: " + (self.data / "server.log").read_text())

    def kill(self) -> None:
        """SIGKILL the whole server (master and workers): no chance to clean up."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def manage(self, code: str) -> str:
        """Run Python in a Django shell on the server's database; returns its stdout."""
        result = subprocess.run(
            [sys.executable, "-m", "rekenschap.web.manage", "shell", "-c", code],
            env=cli_env(self.data, self.database_url), capture_output=True, text=True,
            timeout=120, check=True)
        return result.stdout.strip()

    def token_for(self, username: str, role: str) -> str:
        return self.manage(
            "from rekenschap.web.core.models import User\n"
            "from rekenschap.web.core.tokens import create_token\n"
            f"u = User.objects.create_user({username!r}, role={role!r})\n"
            "print(create_token(u))").splitlines()[-1]

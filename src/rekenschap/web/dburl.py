"""A database URL (``sqlite:///path``, ``postgresql://u:pw@host:port/db``) as Django settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

SQLITE_OPTIONS: dict[str, Any] = {
    # WAL + full sync: a killed process never loses a committed transaction; IMMEDIATE avoids
    # lock-upgrade deadlocks between concurrent writers.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
}


def sqlite_database(path: Path) -> dict[str, Any]:
    """The embedded default: one SQLite file."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": dict(SQLITE_OPTIONS),
    }


def parse_database_url(url: str) -> dict[str, Any]:
    """Django ``DATABASES['default']`` for ``url``; raises ``ValueError`` naming what is wrong."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        raw = unquote(parts.netloc + parts.path)
        # sqlite:////abs/file.db is absolute, sqlite:///file.db relative to the working folder.
        path = raw[1:] if raw.startswith("/") else raw
        if not path or path == "/":
            raise ValueError(
                f"database URL {url!r}: no SQLite file path (use sqlite:////abs/path.db)"
            )
        return sqlite_database(Path(path))
    if scheme in {"postgres", "postgresql", "postgresql+psycopg"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ValueError(f"database URL {url!r}: no database name")
        options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ValueError(f"database URL {url!r}: unsupported scheme {scheme!r} (sqlite or postgresql)")

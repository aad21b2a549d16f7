"""``rekenschap serve``, ``dump`` and ``restore``: run the web application and back it up."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import typer

from rekenschap.cli import app


def _configure(data: Path, database_url: str | None) -> None:
    """Point the Django settings at ``data`` / ``database_url`` and start Django."""
    data.mkdir(parents=True, exist_ok=True)
    os.environ["REKENSCHAP_DATA_DIR"] = str(data.resolve())
    url = database_url or os.environ.get("REKENSCHAP_DATABASE_URL")
    if url:
        from rekenschap.web.dburl import parse_database_url

        try:
            parse_database_url(url)
        except ValueError as exc:
            typer.echo(f"--database-url: {exc}", err=True)
            raise typer.Exit(2) from exc
        os.environ["REKENSCHAP_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rekenschap.web.settings")
    import django

    django.setup()


DATA = typer.Option(Path("rekenschap-data"), "--data", help="Data folder (SQLite file, sites).")
DB_URL = typer.Option(
    None,
    "--database-url",
    help="postgresql://user:pw@host:port/name "
    "(default: env REKENSCHAP_DATABASE_URL, else SQLite in --data).",
)


SEED = typer.Option(
    None,
    "--seed",
    help="Import, approve and publish this JSON/YAML report when the database has no documents.",
)
OUT = typer.Argument(..., help="Archive file to write (JSON).")
ARCHIVE = typer.Argument(..., help="Archive written by `rekenschap dump`.")


@app.command()
def serve(
    data: Path = DATA,
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    database_url: str | None = DB_URL,
    workers: int = typer.Option(2, "--workers", help="gunicorn worker processes"),
    seed: Path | None = SEED,
) -> None:
    """Start the web application (migrations applied, first beheerder created)."""
    _configure(data, database_url)
    from rekenschap.web.core.bootstrap import ensure_admin, migrate
    from rekenschap.web.server import seed_in_child

    migrate()
    password = ensure_admin()
    if seed is not None:
        for line in seed_in_child(seed):
            typer.echo(line)
    typer.echo(f"Rekenschap: http://{host}:{port}/")
    if password:
        typer.echo(
            f"Eerste beheerder / first administrator: gebruiker 'beheerder', "
            f"eenmalig wachtwoord / one-time password: {password}"
        )
        typer.echo("Wijzig het wachtwoord bij de eerste keer inloggen (verplicht).")
    sys.stdout.flush()
    from rekenschap.web.server import run

    run(host, port, workers)


@app.command()
def dump(
    out: Path = OUT,
    data: Path = DATA,
    database_url: str | None = DB_URL,
) -> None:
    """Write a full, lossless backup of the application's data as a JSON archive."""
    _configure(data, database_url)
    from rekenschap.web.core import archive

    content = archive.dump()
    out.write_text(archive.dumps(content), encoding="utf-8")
    typer.echo(f"{out}: {len(content['objects'])} objects")


@app.command()
def restore(
    archive_file: Path = ARCHIVE,
    data: Path = DATA,
    database_url: str | None = DB_URL,
) -> None:
    """Load a backup into an empty database (migrations applied first)."""
    _configure(data, database_url)
    from rekenschap.web.core import archive
    from rekenschap.web.core.bootstrap import migrate

    try:
        content: Any = json.loads(archive_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        typer.echo(f"{archive_file}: cannot read archive: {exc}", err=True)
        raise typer.Exit(2) from exc
    migrate()
    try:
        count = archive.restore(content)
    except archive.ArchiveError as exc:
        typer.echo(f"{archive_file}: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{archive_file}: restored {count} objects")

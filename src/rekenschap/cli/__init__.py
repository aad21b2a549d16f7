"""The ``rekenschap`` command line (Typer + Rich): the outermost layer.

Each command group lives in its own module here; this file only assembles them.
"""

from __future__ import annotations

import typer

from rekenschap import __version__

app = typer.Typer(
    name="rekenschap",
    help="Programme accountability for Dutch municipalities: import, check, author, publish.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rekenschap {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Rekenschap command line."""


def _register() -> None:
    # Each module adds its commands to ``app``; the order here is the order in --help:
    # the workflow first (import, check, publish, serve), then formats, catalogue, open data.
    import importlib

    for name in ("imports", "check", "publish", "web", "formats", "catalogue", "opendata"):
        importlib.import_module(f"rekenschap.cli.{name}")


_register()


def main() -> None:
    """Console-script entry point."""
    app()

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
    # Each module adds its commands to ``app``; import order is the order in --help.
    from rekenschap.cli import formats  # noqa: F401
    from rekenschap.cli import catalogue  # noqa: F401
    from rekenschap.cli import web  # noqa: F401
    from rekenschap.cli import imports  # noqa: F401
    from rekenschap.cli import opendata  # noqa: F401
    from rekenschap.cli import check  # noqa: F401
    from rekenschap.cli import publish  # noqa: F401


_register()


def main() -> None:
    """Console-script entry point."""
    app()

"""``catalogue indicators`` and ``catalogue taakvelden``: the BBV catalogue on the command line."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from rekenschap import catalogue as cat
from rekenschap.cli import app

catalogue_app = typer.Typer(
    help="The BBV catalogue: policy indicators and Iv3 taakvelden. BBV-catalogus.",
    no_args_is_help=True,
)
app.add_typer(catalogue_app, name="catalogue")


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


_Year = Annotated[int | None, typer.Option("--year", help="Budget year (begrotingsjaar).")]
_Format = Annotated[OutputFormat, typer.Option("--format", help="table or json.")]


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@catalogue_app.command("indicators")
def indicators_command(year: _Year = None, fmt: _Format = OutputFormat.TABLE) -> None:
    """The mandatory policy indicators (beleidsindicatoren); with --year the unit of that year."""
    items = cat.indicators(year)
    if fmt is OutputFormat.JSON:
        rows = []
        for item in items:
            row = item.model_dump(mode="json", exclude_defaults=True)
            if year is not None:
                row["units_in_year"] = [u.model_dump(mode="json", exclude_none=True)
                                        for u in cat.units_for(item.id, year)]
            rows.append(row)
        _json({"source": cat.indicators_source(), "year": year, "indicators": rows})
        return
    table = Table(title="Beleidsindicatoren" + (f" {year}" if year else ""),
                  caption=cat.indicators_source())
    for column in ("nr", "id", "taakveld", "naam / name", "eenheid / unit", "bron / source"):
        table.add_column(column, overflow="fold", no_wrap=column in {"nr", "id"})
    for item in items:
        units = cat.units_for(item.id, year) if year is not None else tuple(
            p.unit for p in item.units)
        unit_text = " | ".join(u.label or u.describe() for u in units) or "-"
        if item.removed_from:
            unit_text += f" (vervallen vanaf {item.removed_from})"
        elif item.removed:
            unit_text += " (vervallen; jaar onbekend)"
        table.add_row(str(item.number), item.id, item.taakveld, item.name, unit_text,
                      item.source or "-")
    _console().print(table)


@catalogue_app.command("taakvelden")
def taakvelden_command(year: _Year = None, fmt: _Format = OutputFormat.TABLE) -> None:
    """The Iv3 taakvelden of a year (default: the latest year CBS published)."""
    known = cat.years()
    chosen = year if year is not None else known[-1]
    if chosen not in known:
        typer.echo(f"no taakvelden for {chosen}; known years: {', '.join(map(str, known))}",
                   err=True)
        raise typer.Exit(2)
    items = cat.taakvelden(chosen)
    if fmt is OutputFormat.JSON:
        _json({"source": cat.taakvelden_source(), "year": chosen,
               "taakvelden": [t.model_dump(mode="json", exclude={"year"}) for t in items]})
        return
    table = Table(title=f"Taakvelden {chosen}", caption=cat.taakvelden_source())
    for column in ("code", "naam / name", "hoofdtaakveld / group"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(item.code, item.name, f"{item.group} {item.group_name}")
    _console().print(table)

"""Fiscal Data Package export (Frictionless FDP 0.3): ``datapackage.json`` + one CSV.

Mapping (as in docs/publishing.md): primitieve begroting -> ``approved``, begroting na
wijziging -> ``adjusted``, realisatie -> ``executed``, the adopted budget of a begroting ->
``approved``; lasten are ``expenditure`` and baten ``revenue`` measures; the scale ("x € 1.000")
is the measures' ``factor``. Amounts are written positive for expenditure when the document
prints lasten negative (Wassenaar). A programme's single taakveld, when it has exactly one, is
the functional classification. To avoid double counting, each branch of the programme tree
contributes only its top-most programme with a finance table.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

from rekenschap.model import (
    ColumnKind,
    FinanceTable,
    Programme,
    Report,
    RowKind,
    SignConvention,
)
from rekenschap.render.formatting import slugify

PHASES = {
    ColumnKind.ORIGINAL_BUDGET: "approved",
    ColumnKind.BUDGET: "approved",
    ColumnKind.AMENDED_BUDGET: "adjusted",
    ColumnKind.ACTUAL: "executed",
}
DIRECTIONS = {RowKind.LASTEN: ("lasten", "expenditure"), RowKind.BATEN: ("baten", "revenue")}
DATA_FILE = "begroting.csv"


def _top_with_finance(programmes: tuple[Programme, ...]) -> list[Programme]:
    found: list[Programme] = []
    for prog in programmes:
        if prog.finance is not None:
            found.append(prog)
        else:
            found.extend(_top_with_finance(prog.subprogrammes))
    return found


def _amount(table: FinanceTable, row: RowKind, col: ColumnKind) -> Decimal | None:
    value = table.value(row, col)
    if value is None:
        return None
    if row is RowKind.LASTEN and table.sign_convention is SignConvention.LASTEN_NEGATIVE:
        return -value
    return value


def _measures(report: Report) -> list[tuple[str, RowKind, ColumnKind]]:
    present = {(r.kind, c.kind) for p in _top_with_finance(report.programmes) if p.finance
               for r in p.finance.rows for c in p.finance.columns}
    out: list[tuple[str, RowKind, ColumnKind]] = []
    for row, (prefix, _) in DIRECTIONS.items():
        seen: set[str] = set()
        for col, phase in PHASES.items():
            if (row, col) in present and phase not in seen:
                seen.add(phase)
                out.append((f"{prefix}_{phase}", row, col))
    return out


def write_fdp(report: Report, out_dir: str | Path) -> Path:
    """Write the package to ``out_dir``; returns the path of ``datapackage.json``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    measures = _measures(report)
    scales = {(p.finance.unit or report.unit).scale for p in _top_with_finance(report.programmes)
              if p.finance}
    factor = scales.pop() if len(scales) == 1 else 1
    columns = ["programma_code", "programma", "niveau", "taakveld", *(m[0] for m in measures)]
    with (out / DATA_FILE).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for prog in _top_with_finance(report.programmes):
            assert prog.finance is not None
            unit = prog.finance.unit or report.unit
            scale_fix = Decimal(unit.scale) / Decimal(factor)
            amounts = []
            for _, row, col in measures:
                value = _amount(prog.finance, row, col)
                amounts.append("" if value is None else format(value * scale_fix, "f"))
            taakveld = prog.taakvelden[0] if len(prog.taakvelden) == 1 else ""
            writer.writerow([prog.code or "", prog.name, prog.level, taakveld, *amounts])
    currency = report.unit.currency
    descriptor = {
        "name": slugify(f"{report.organisation.name} {report.document.kind.value} "
                        f"{report.document.year}", "begroting"),
        "title": f"{report.organisation.name}: {report.document.kind.value} "
                 f"{report.document.year}",
        "resources": [{
            "name": "begroting",
            "path": DATA_FILE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    {"name": "programma_code", "type": "string"},
                    {"name": "programma", "type": "string"},
                    {"name": "niveau", "type": "string",
                     "constraints": {"enum": ["programma", "deelprogramma"]}},
                    {"name": "taakveld", "type": "string"},
                    *({"name": m[0], "type": "number"} for m in measures),
                ],
                "primaryKey": ["programma_code", "programma"],
            },
        }],
        "model": {
            "measures": {
                name: {"source": name, "currency": currency, "factor": factor,
                       "direction": DIRECTIONS[row][1], "phase": PHASES[col]}
                for name, row, col in measures},
            "dimensions": {
                "programma": {"dimensionType": "classification",
                              "classificationType": "administrative",
                              "primaryKey": ["programma_code", "programma"],
                              "attributes": {
                                  "programma_code": {"source": "programma_code"},
                                  "programma": {"source": "programma"},
                                  "niveau": {"source": "niveau"}}},
                "taakveld": {"dimensionType": "classification",
                             "classificationType": "functional",
                             "primaryKey": ["taakveld"],
                             "attributes": {"taakveld": {"source": "taakveld"}}},
            },
        },
        "fiscalPeriod": {"start": f"{report.document.year}-01-01",
                         "end": f"{report.document.period_end or report.document.year}-12-31"},
        "countryCode": "NL",
    }
    path = out / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return path

"""CSV and JSON open-data exports of the finance amounts and indicator values."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

from rekenschap.model import Report
from rekenschap.render.records import (
    FinanceRecord,
    IndicatorRecord,
    as_dict,
    field_names,
    finance_records,
    indicator_records,
    json_value,
)

FINANCE_CSV = "financien.csv"
INDICATORS_CSV = "indicatoren.csv"
OPENDATA_SCHEMA = "rekenschap/opendata@1"


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")  # plain "." decimal, no grouping: machine-readable
    return str(value)


def write_csv(records: list[FinanceRecord] | list[IndicatorRecord],
              cls: type[FinanceRecord] | type[IndicatorRecord], path: Path) -> Path:
    """UTF-8 CSV, comma-separated, "." decimals, empty = unknown."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(field_names(cls))
        for record in records:
            writer.writerow([_csv_value(v) for v in as_dict(record).values()])
    return path


def write_csv_dir(report: Report, out_dir: str | Path) -> list[Path]:
    """``financien.csv`` and ``indicatoren.csv`` in ``out_dir``."""
    out = Path(out_dir)
    return [write_csv(finance_records(report), FinanceRecord, out / FINANCE_CSV),
            write_csv(indicator_records(report), IndicatorRecord, out / INDICATORS_CSV)]


def opendata_json(report: Report) -> dict[str, object]:
    return {
        "schema": OPENDATA_SCHEMA,
        "organisation": report.organisation.model_dump(mode="json"),
        "document": report.document.model_dump(mode="json"),
        "finance": [{k: json_value(v) for k, v in as_dict(r).items()}
                    for r in finance_records(report)],
        "indicators": [{k: json_value(v) for k, v in as_dict(r).items()}
                       for r in indicator_records(report)],
    }


def write_json(report: Report, path: str | Path) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(opendata_json(report), ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
    return out

"""Flat open-data records (open data): one finance amount or one indicator value per record.

The data exports (CSV, JSON, Fiscal Data Package) are data, not presentation, so they are built
from the model directly, with exact amounts and the column kinds the page data no longer has.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from decimal import Decimal

from rekenschap.model import Programme, Report


@dataclass(frozen=True)
class FinanceRecord:
    organisation: str
    cbs_code: str | None
    document_kind: str
    document_year: int
    programme_code: str | None
    programme_name: str
    level: str
    parent_code: str | None
    taakvelden: str
    row_kind: str
    row_label: str
    column_kind: str
    column_label: str
    column_year: int | None
    amount: Decimal | None
    currency: str
    scale: int
    sign_convention: str
    source_file: str | None
    source_page: int | None


@dataclass(frozen=True)
class IndicatorRecord:
    organisation: str
    cbs_code: str | None
    document_kind: str
    document_year: int
    programme_code: str | None
    programme_name: str
    indicator: str
    catalogue_id: str | None
    unit: str | None
    baseline_period: str | None
    period: str | None
    period_implicit: bool
    value: Decimal | None
    qualifier: str | None
    source: str | None
    reference_date: str | None


def field_names(cls: type[FinanceRecord] | type[IndicatorRecord]) -> list[str]:
    return [f.name for f in fields(cls)]


def as_dict(record: FinanceRecord | IndicatorRecord) -> dict[str, object]:
    return asdict(record)


def _parents(report: Report) -> dict[int, Programme | None]:
    out: dict[int, Programme | None] = {}

    def visit(prog: Programme, parent: Programme | None) -> None:
        out[id(prog)] = parent
        for sub in prog.subprogrammes:
            visit(sub, prog)

    for top in report.programmes:
        visit(top, None)
    return out


def finance_records(report: Report) -> list[FinanceRecord]:
    parents = _parents(report)
    org, doc = report.organisation, report.document
    records = []
    for prog in report.all_programmes():
        table = prog.finance
        if table is None:
            continue
        unit = table.unit or report.unit
        parent = parents.get(id(prog))
        for row in table.rows:
            for col in table.columns:
                if col.key not in row.values:
                    continue
                prov = row.provenance or table.provenance or prog.provenance
                records.append(FinanceRecord(
                    organisation=org.name, cbs_code=org.cbs_code, document_kind=doc.kind.value,
                    document_year=doc.year, programme_code=prog.code, programme_name=prog.name,
                    level=prog.level, parent_code=parent.code if parent else None,
                    taakvelden=";".join(prog.taakvelden), row_kind=row.kind.value,
                    row_label=row.label, column_kind=col.kind.value, column_label=col.label,
                    column_year=col.year, amount=row.values[col.key], currency=unit.currency,
                    scale=unit.scale, sign_convention=table.sign_convention.value,
                    source_file=prov.file if prov else None,
                    source_page=prov.page if prov else None))
    return records


def indicator_records(report: Report) -> list[IndicatorRecord]:
    org, doc = report.organisation, report.document
    records = []
    for prog in report.all_programmes():
        for ind in prog.indicators:
            unit = (ind.unit.label or ind.unit.describe()) if ind.unit else None
            for obs in ind.observations:
                records.append(IndicatorRecord(
                    organisation=org.name, cbs_code=org.cbs_code, document_kind=doc.kind.value,
                    document_year=doc.year, programme_code=prog.code, programme_name=prog.name,
                    indicator=ind.name, catalogue_id=ind.catalogue_id, unit=unit,
                    baseline_period=ind.baseline_period, period=obs.period,
                    period_implicit=obs.period_implicit, value=obs.value,
                    qualifier=obs.qualifier.value if obs.qualifier else None,
                    source=obs.source or ind.source, reference_date=obs.reference_date))
    return records


def json_value(value: object) -> object:
    """Decimals as JSON numbers (integers stay integers), everything else unchanged."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value

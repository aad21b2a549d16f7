"""What a PDF round trip must keep: the model without provenance, keys and layout choices.

Column keys are the importer's own ("actual_2023" for "realisatie"), so columns compare by
position, kind and printed label; a finance table without a title is printed under its
programme's name, so that name counts as its title.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rekenschap.model import FinanceTable, Indicator, MoneyUnit, Programme, Report, UnitKind


def finance(table: FinanceTable | None, programme: Programme, unit: MoneyUnit) -> Any:
    if table is None:
        return None
    name = f"{programme.code} {programme.name}" if programme.code else programme.name
    columns = [(c.kind.value, c.label if c.year is None or str(c.year) in c.label
                else f"{c.label} {c.year}") for c in table.columns]
    rows = [(r.kind.value, r.label, [_num(r.values.get(c.key)) for c in table.columns])
            for r in table.rows]
    return {"title": table.title or name, "unit": (table.unit or unit).scale,
            "sign_note": table.sign_note, "columns": columns, "rows": rows}


def _num(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.normalize()


def organisation(report: Report) -> tuple[str, str | None]:
    """The organisation's full name as the model has it ("Gemeente Groningen") and its CBS
    code (printed in the colophon)."""
    return report.organisation.name, report.organisation.cbs_code


def _table(table: FinanceTable | None, unit: MoneyUnit) -> Any:
    """A table without provenance and keys: title, scale, sign note, columns (kind, label
    with its year), rows (kind, label, programme reference, values by column position)."""
    if table is None:
        return None
    columns = [(c.kind.value, c.label if c.year is None or str(c.year) in c.label
                else f"{c.label} {c.year}") for c in table.columns]
    rows = [(r.kind.value, r.label, r.ref, [_num(r.values.get(c.key)) for c in table.columns])
            for r in table.rows]
    return {"title": table.title, "unit": (table.unit or unit).scale,
            "sign_note": table.sign_note, "columns": columns, "rows": rows}


def overview(report: Report) -> Any:
    """The document's own overview (recapitulatie) as a plain table."""
    return _table(report.overview, report.unit)


def taakveld_finance(report: Report) -> list[Any]:
    """Each programme's overview per taakveld (``Programme.taakveld_finance``)."""
    return [(p.code, _table(p.taakveld_finance, MoneyUnit(scale=1)))
            for p in report.all_programmes()]


def structure(report: Report) -> list[Any]:
    """Programmes (nested), levels and finance tables."""
    def one(p: Programme) -> Any:
        return {"code": p.code, "name": p.name, "level": p.level,
                "finance": finance(p.finance, p, report.unit),
                "subprogrammes": [one(s) for s in p.subprogrammes]}
    return [one(p) for p in report.programmes]


def goals(report: Report) -> list[Any]:
    """Goals with their description and activities (code, status) per programme."""
    return [(p.code, [(g.code, g.title, g.description,
                       [(a.code, a.text, a.status.value if a.status else None)
                        for a in g.activities]) for g in p.goals])
            for p in report.all_programmes()]


def indicators(report: Report, *, dated_only: bool = False) -> list[Any]:
    """Indicator names with their observations (period, value, qualifier, source, reference
    date) by period, their benchmarks (region, code, values with source and reference date),
    their dated targets, baseline year and their target (desired direction, value, period;
    undated ones too).

    With ``dated_only``, observations without a period are left out: a table with a column
    per year has no place for them (a known limit of the print layout).
    """
    def observations(i: Indicator) -> list[Any]:
        found = [(o.period, _num(o.value), o.qualifier, o.source, o.reference_date)
                 for o in i.observations
                 if o.period is not None or not dated_only]
        return sorted(found, key=lambda t: (t[0] is None, t[0] or ""))
    def benchmarks(i: Indicator) -> list[Any]:
        return [(b.region, b.region_code,
                 sorted((o.period or "", _num(o.value), o.source or "", o.reference_date or "")
                        for o in b.observations))
                for b in i.benchmarks]

    def targets(i: Indicator) -> list[Any]:
        return sorted((t.period or "", _num(t.value)) for t in i.targets if t.period)

    def facts(i: Indicator) -> Any:
        t = i.target
        return i.baseline_period, (t.direction, _num(t.value), t.period) if t else None

    def claims(i: Indicator) -> list[Any]:
        return [(c.direction, c.reference, c.against_period, c.subject_period, c.sentence)
                for c in i.claims]

    return [(p.code, [(i.name, observations(i), benchmarks(i), targets(i), facts(i), claims(i))
                      for i in p.indicators])
            for p in report.all_programmes()]


def units(report: Report, *, labels: bool = True) -> list[Any]:
    """Indicator units per programme: kind, per, population, quantity and printed label.

    The quantity counts for rates only ("fte per 1.000 inwoners"): for a currency or mass the
    kind says it, and the sustainability-effects reader sets it ("€", "kg") where the
    printed label ("€ mln", "kg") does not. With ``labels=False`` the label is left out: a
    unit without one is printed with the label the renderer makes for it ("per 1.000
    jongeren 12-17 jaar"), which comes back.
    """
    def one(i: Indicator) -> Any:
        u = i.unit
        if u is None:
            return i.name, None
        quantity = u.quantity if u.kind is UnitKind.RATE else None
        return i.name, u.kind.value, u.per, u.population, quantity, u.label if labels else ""

    return [(p.code, [one(i) for i in p.indicators]) for p in report.all_programmes()]


def unit_labels(report: Report) -> dict[str, str]:
    """Indicator name -> the unit's own label, for the indicators whose unit has one."""
    return {i.name: i.unit.label for p in report.all_programmes() for i in p.indicators
            if i.unit is not None and i.unit.label}


def texts(report: Report) -> list[Any]:
    """Taakvelden and text sections (heading, text) per programme."""
    return [(p.code, p.taakvelden, [(s.heading, s.text) for s in p.sections])
            for p in report.all_programmes()]


def explanations(report: Report) -> list[Any]:
    """Variance explanations: title, threshold and items (amount in euros, kind, incidental,
    text) per programme."""
    return [(p.code, [(e.title, _num(e.threshold),
                       [(i.title, _num(i.euros()), i.kind, i.incidental, i.text)
                        for i in e.items])
                      for e in p.explanations])
            for p in report.all_programmes()]


def derived(report: Report) -> list[Any]:
    """What the importer derives from printed text: catalogue ids of indicators (from the
    name) and quantities of activities ("12 kilometer fietspad"). Compared for imported and
    transcribed reports; a hand-made model (tests/render/sample.py) leaves them empty."""
    return [(p.code, [(i.name, i.catalogue_id) for i in p.indicators],
             [[a.quantities for a in g.activities] for g in p.goals])
            for p in report.all_programmes()]


_HOW_PRINTED = {"provenance", "printed", "period_implicit"}
"""Fields that record where or how the source printed something, not what it says."""


def whole(report: Report, *, drop: frozenset[str] = frozenset(),
          unit_labels: bool = True) -> Any:
    """The whole model as plain data, for a comparison that also covers fields no function
    above names (a field added to the model later is compared by default).

    Left out: provenance and how-printed fields (``printed``, ``period_implicit``), importer
    keys (a table's column keys and, where the label carries it, the column year; row values
    are listed by column position), a money unit's label (only its scale), a finance table's
    missing title (printed under its programme's name), plus the field names in ``drop``.
    Observations are in period order (the model gives them in the order the text named them).
    With ``unit_labels=False`` an indicator unit's label is left out (a unit without one is
    printed with the label the renderer makes).
    """
    def table(t: dict[str, Any], name: str | None) -> Any:
        keys = [c["key"] for c in t["columns"]]
        columns = [(c["kind"], c["label"] if c.get("year") is None or str(c["year"]) in c["label"]
                    else f"{c['label']} {c['year']}") for c in t["columns"]]
        rows = [plain({**r, "values": [r["values"].get(k) for k in keys]}) for r in t["rows"]]
        rest = {k: plain(v) for k, v in t.items()
                if k not in {"columns", "rows", "unit", "title", *_HOW_PRINTED, *drop}}
        scale = (t.get("unit") or {}).get("scale", report.unit.scale)
        return {**rest, "title": t.get("title") or name, "scale": scale, "columns": columns,
                "rows": rows}

    def plain(value: Any, name: str | None = None) -> Any:
        if isinstance(value, dict):
            if "columns" in value and "rows" in value:
                return table(value, name)
            own = (f"{value['code']} {value['name']}" if value.get("code") and value.get("name")
                   else value.get("name"))
            out = {k: plain(v, own if k == "finance" else None) for k, v in value.items()
                   if k not in _HOW_PRINTED and k not in drop}
            if "observations" in out:
                out["observations"] = sorted(out["observations"], key=lambda o: (
                    o.get("period") is None, o.get("period") or ""))
            if not unit_labels and isinstance(out.get("unit"), dict):
                out["unit"].pop("label", None)
            return out
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, float | int) and not isinstance(value, bool):
            return Decimal(str(value)).normalize()
        return value

    data = report.model_dump(mode="json", by_alias=True)
    data.pop("unit")  # its scale is compared with every table's; its label is how-printed
    return plain(data)

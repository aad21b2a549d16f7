"""Grouped tables of the PDF print: the recapitulatie and the overview per taakveld.

P&C documents print both with a group of amount columns per budget phase ("Begroting primair
2023", "Realisatie 2023") and, inside every group, baten, lasten and saldo side by side; the
recapitulatie has one printed line per programme (its three model rows, baten/lasten/saldo, on
one line). The PDF importer (``importers/pdf/overview.py``, ``taakvelden.py``) reads exactly this
layout, so the exported PDF imports back to the same tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rekenschap.model import FinanceRow, FinanceTable, Indicator, Report, RowKind
from rekenschap.render.formatting import Formatter
from rekenschap.render.messages import message

__all__ = ["GroupedTable", "cover_title", "grouped_overview", "grouped_taakvelden",
           "observation_notes"]

_SLOT = {RowKind.BATEN: "Baten", RowKind.RESERVE_WITHDRAWAL: "Baten",
         RowKind.LASTEN: "Lasten", RowKind.RESERVE_ADDITION: "Lasten",
         RowKind.SALDO: "Saldo", RowKind.RESERVE_MUTATIONS: "Saldo", RowKind.RESULT: "Saldo"}
"""Where a row of the recapitulatie goes on its printed line (the BBV words, in both languages)."""


@dataclass(frozen=True)
class GroupedTable:
    """A table with groups of amount columns: ``groups`` headers, each over ``subs``."""

    title: str
    note: str
    sign_note: str | None
    groups: tuple[str, ...]
    subs: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    """(label, cell texts: group by group, ``subs`` inside a group; "-" for an empty cell)."""
    stub: str = ""
    """The header of the label column (printed on the line of ``subs``)."""


def _label(column_label: str, year: int | None) -> str:
    return column_label if year is None or str(year) in column_label else f"{column_label} {year}"


def _lines(rows: Sequence[FinanceRow]) -> list[list[FinanceRow]]:
    """Consecutive rows with the same label: one printed line."""
    lines: list[list[FinanceRow]] = []
    for row in rows:
        if lines and lines[-1][0].label == row.label and all(
                _SLOT.get(r.kind) != _SLOT.get(row.kind) for r in lines[-1]):
            lines[-1].append(row)
        else:
            lines.append([row])
    return lines


def grouped_overview(report: Report, fmt: Formatter) -> GroupedTable | None:
    """The document's own overview (``Report.overview``) as P&C documents print it; ``None``
    when there is none or a row's kind has no place on a baten/lasten/saldo line."""
    table = report.overview
    if table is None or not table.rows or any(r.kind not in _SLOT for r in table.rows):
        return None
    subs: list[str] = []
    for row in table.rows:
        if _SLOT[row.kind] not in subs:
            subs.append(_SLOT[row.kind])
    rows: list[tuple[str, tuple[str, ...]]] = []
    for line in _lines(table.rows):
        by_slot = {_SLOT[r.kind]: r for r in line}
        cells = [fmt.amount(by_slot[s].values.get(c.key)) if s in by_slot else ""
                 for c in table.columns for s in subs]
        rows.append((line[0].label, tuple(c or "-" for c in cells)))
    unit = table.unit or report.unit
    return GroupedTable(
        title=table.title or message("print.recap", fmt.lang),
        note=message("fin.unit", fmt.lang, unit=fmt.money_unit(unit)),
        sign_note=table.sign_note,
        groups=tuple(_label(c.label, c.year) for c in table.columns),
        subs=tuple(subs), rows=tuple(rows))


def _taakveld_table(title: str, table: FinanceTable, fmt: Formatter) -> GroupedTable | None:
    """One programme's overview per taakveld; column labels end in their sub ("... Baten")."""
    groups: list[str] = []
    subs: list[str] = []
    for col in table.columns:
        group, _, sub = col.label.rpartition(" ")
        if not group:
            return None
        if group not in groups:
            groups.append(group)
        if sub not in subs:
            subs.append(sub)
    if len(groups) * len(subs) != len(table.columns):
        return None
    rows = tuple((r.label, tuple(fmt.amount(r.values.get(c.key)) or "-" for c in table.columns))
                 for r in table.rows)
    return GroupedTable(
        title=title, note=message("fin.unit.euro", fmt.lang) if (table.unit is None or
                                                                table.unit.scale == 1)
        else message("fin.unit", fmt.lang, unit=fmt.money_unit(table.unit)),
        sign_note=table.sign_note, groups=tuple(groups), subs=tuple(subs), rows=rows,
        stub="Saldo van baten en lasten per taakveld")


def grouped_taakvelden(report: Report, fmt: Formatter) -> tuple[GroupedTable, ...]:
    """Every programme's overview per taakveld (``Programme.taakveld_finance``), headed
    "Programma: P1 Veiligheid" unless the table has a title of that form already."""
    out: list[GroupedTable] = []
    for prog in report.all_programmes():
        table = prog.taakveld_finance
        if table is None or not table.rows:
            continue
        name = f"{prog.code} {prog.name}" if prog.code else prog.name
        title = table.title if table.title and table.title.lower().startswith(
            "programma") else f"Programma: {name}"
        found = _taakveld_table(title, table, fmt)
        if found is not None:
            out.append(found)
    return tuple(out)


def _note(indicator: Indicator, fmt: Formatter) -> str | None:
    nl = fmt.lang == "nl"
    parts = []
    series = [("", indicator.observations),
              *((f"{b.region} ", b.observations) for b in indicator.benchmarks)]
    for region, observations in series:
        for o in observations:
            if o.period is None or (o.source is None and o.reference_date is None):
                continue
            date = (f"{'peildatum' if nl else 'reference date'} {o.reference_date}"
                    if o.reference_date else "")
            parts.append(f"{region}{o.period}: " + ", ".join(p for p in (o.source, date) if p))
    lines = []
    if parts:
        label = "Bron en peildatum per jaar" if nl else "Source and reference date per year"
        lines.append(f"{label}: {'; '.join(parts)}.")
    undated = [fmt.amount(o.value) for o in indicator.observations
               if o.period is None and o.value is not None]
    if undated:  # a table with a column per year has no place for them
        label = "Waarden zonder periode" if nl else "Values without a period"
        lines.append(f"{label}: {'; '.join(undated)}.")
    return "\n".join(lines) or None


def observation_notes(report: Report, fmt: Formatter) -> tuple[tuple[str | None, ...], ...]:
    """Per programme (in :meth:`Report.all_programmes` order) and indicator: the note under the
    indicator naming each observation's source and reference date (peildatum), those of its
    benchmarks prefixed with the region ("Nederland 2023: CBS"), and on a line of its own the
    values without a period ("Waarden zonder periode: 13.140; 13.044."), or ``None`` when
    there is neither (``importers/pdf/observationnotes.py`` reads them back)."""
    return tuple(tuple(_note(i, fmt) for i in p.indicators) for p in report.all_programmes())


def cover_title(report: Report, fmt: Formatter) -> str | None:
    """The cover title of a multi-year budget without a title of its own: "Begroting
    2023-2026" (the importer reads kind, year and last year from it); ``None`` otherwise."""
    doc = report.document
    if doc.title or doc.period_end is None:
        return None
    return f"{message(f'doc.{doc.kind.value}', fmt.lang)} {doc.year}-{doc.period_end}"

"""Indicator tables with one column per year (indicatorentabel met jaarkolommen).

A common way to print a programme's indicators: header "Indicator | Eenheid | Bron | 2019 |
2020 | ...", then one row per indicator, its name, unit and source left-aligned in their
columns, its values right-aligned under the years ("5,7", "n.n.b.", "-" for no value). Name
and unit may wrap onto the next lines (the row's values stand on its first line). Every value
becomes an :class:`~rekenschap.model.Observation` for its column's year; "-" is no observation.
Rows right under an indicator without unit or source are its comparison values ("Nederland",
"Provincie ...", "Gemeenten ...": a :class:`~rekenschap.model.Benchmark`) or its targets
("Streefwaarde": a :class:`~rekenschap.model.Target` per year).
Text under a year that is not a number nor a known qualifier is reported and left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.pdf.cells import Cell, cells_of
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.realised_table import find_realised_indicators
from rekenschap.importers.sentences import catalogue_id
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import (
    Benchmark,
    Indicator,
    Location,
    Observation,
    ObservationQualifier,
    Problem,
    Severity,
    Target,
    parse_unit,
)
from rekenschap.model.numbers import parse_number

__all__ = ["find_year_indicators"]

_YEAR = re.compile(r"^(19|20)\d\d$")
_QUALIFIERS = {"n.n.b.": ObservationQualifier.NOT_YET_KNOWN,
               "n.v.t.": ObservationQualifier.NOT_APPLICABLE}
_NONE = {"-", "\u2013", "\u2014"}
_REGION = re.compile(r"^(nederland|provincie\b|gemeenten\b|regio\b|landelijk)", re.I)
_TARGET = re.compile(r"^streefwaarden?$", re.I)
_REGION_CODES = {"nederland": "NL01"}  # CBS region code of the whole country
_ALIGN = 3.0  # points between a value's right edge and its year's


@dataclass(frozen=True)
class _Header:
    unit_x: float
    source_x: float | None
    years: list[Cell]


@dataclass
class _Row:
    lines: list[FlowLine]
    texts: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, Cell] = field(default_factory=dict)
    bad: list[tuple[str, Cell, FlowLine]] = field(default_factory=list)


def _header(fl: FlowLine) -> _Header | None:
    cells = cells_of(fl)
    if not cells or cells[0].text.lower() != "indicator":
        return None
    unit = next((c for c in cells if c.text.lower() == "eenheid"), None)
    source = next((c for c in cells if c.text.lower() == "bron"), None)
    years = [c for c in cells if _YEAR.match(c.text)]
    if unit is None or not years:  # "Indicator", "Eenheid" and one year name the table
        return None
    return _Header(unit.x0, source.x0 if source else None, years)


def _year_of(cell: Cell, header: _Header) -> str | None:
    for year in header.years:
        if abs(cell.x1 - year.x1) <= _ALIGN:
            return year.text
    return None


def _is_value(text: str) -> bool:
    parsed = parse_number(text)
    return text in _NONE or text.lower() in _QUALIFIERS or parsed.value is not None


def _column(cell: Cell, header: _Header) -> str:
    if cell.x0 < header.unit_x - 2:
        return "name"
    if header.source_x is None or cell.x0 < header.source_x - 2:
        return "unit"
    return "source"


def _split(fl: FlowLine, header: _Header,
           ) -> tuple[dict[str, list[str]], dict[str, Cell], list[tuple[str, Cell, FlowLine]]]:
    texts: dict[str, list[str]] = {}
    values: dict[str, Cell] = {}
    bad: list[tuple[str, Cell, FlowLine]] = []
    for cell in cells_of(fl):
        year = _year_of(cell, header)
        if year is not None and _is_value(cell.text):
            values[year] = cell
        elif year is not None and cell.x0 > header.years[0].x0 - 2:
            bad.append((year, cell, fl))
        else:
            texts.setdefault(_column(cell, header), []).append(cell.text)
    return texts, values, bad


def _close(prev: FlowLine, fl: FlowLine) -> bool:
    height = max(prev.line.bottom - prev.line.top, 6.0)
    return fl.page == prev.page and 0 <= fl.line.top - prev.line.bottom < 1.2 * height


def _rows(lines: Sequence[FlowLine], header: _Header) -> tuple[list[_Row], int]:
    """The table's rows and how many lines they take (a header repeated on the next page
    continues the table)."""
    rows: list[_Row] = []
    prev: FlowLine | None = None
    used = 0
    for fl in lines:
        if rows and _header(fl) is not None and fl.page != rows[-1].lines[-1].page:
            used += 1
            prev = None
            continue
        texts, values, bad = _split(fl, header)
        if values and "name" in texts:
            rows.append(_Row([fl], texts, values, bad))
        elif rows and prev is not None and not values and _close(prev, fl):
            for key, words in texts.items():
                rows[-1].texts.setdefault(key, []).extend(words)
            rows[-1].lines.append(fl)
            rows[-1].bad += bad
        else:
            break
        prev = fl
        used += 1
    return rows, used


def _observations(row: _Row, file: str, path: str) -> tuple[list[Observation], list[Problem]]:
    problems = [Problem(
        code="PDF-IND-YEARS-VALUE", severity=Severity.WARNING,
        message=f"{cell.text!r} under {year} is not a number nor n.n.b./n.v.t.; left out",
        location=Location(file=file, page=fl.page, line=fl.number, path=path))
        for year, cell, fl in row.bad]
    observations: list[Observation] = []
    for year, cell in sorted(row.values.items()):
        if cell.text in _NONE:
            continue
        qualifier = _QUALIFIERS.get(cell.text.lower())
        value = None if qualifier else parse_number(cell.text).value
        observations.append(Observation(period=year, value=value, qualifier=qualifier,
                                        provenance=provenance_of(file, row.lines[:1])))
    return observations, problems


def _sub_row(row: _Row) -> str | None:
    """"benchmark" or "target" for a row under an indicator, else ``None``."""
    if row.texts.get("unit") or row.texts.get("source"):
        return None
    name = join_lines(row.texts.get("name", []))
    if _TARGET.match(name):
        return "target"
    return "benchmark" if _REGION.match(name) else None


def _indicator(rows: list[_Row], file: str, path: str) -> tuple[Indicator, list[Problem]]:
    row, subs = rows[0], rows[1:]
    observations, problems = _observations(row, file, path)
    benchmarks: list[Benchmark] = []
    targets: list[Target] = []
    for sub in subs:
        found, more = _observations(sub, file, path)
        problems += more
        name = join_lines(sub.texts.get("name", []))
        if _sub_row(sub) == "target":
            targets += [Target(value=o.value, period=o.period, provenance=o.provenance)
                        for o in found if o.value is not None]
        else:
            benchmarks.append(Benchmark(region=name, region_code=_REGION_CODES.get(name.lower()),
                                        observations=tuple(found),
                                        provenance=provenance_of(file, sub.lines)))
    name = join_lines(row.texts.get("name", []))
    unit_text = join_lines(row.texts.get("unit", []))
    source = join_lines(row.texts.get("source", [])) or None
    indicator = Indicator(name=name, unit=parse_unit(unit_text) if unit_text else None,
                          source=source, observations=tuple(observations),
                          benchmarks=tuple(benchmarks), targets=tuple(targets),
                          catalogue_id=catalogue_id(name),
                          provenance=provenance_of(file, row.lines))
    return indicator, problems


def find_year_indicators(lines: Sequence[FlowLine], *, file: str, path: str,
                         ) -> tuple[list[Indicator], list[Problem]]:
    """Indicators of every year-column table among ``lines`` (empty when there is none); when
    there is none, those of realisation-column tables (:mod:`.realised_table`)."""
    out: list[Indicator] = []
    problems: list[Problem] = []
    skip = -1
    for i, fl in enumerate(lines):
        header = _header(fl) if i > skip else None
        if header is None:
            continue
        rows, used = _rows(lines[i + 1:], header)
        skip = i + used
        if not rows:
            problems.append(Problem(
                code="PDF-IND-YEARS-EMPTY", severity=Severity.WARNING,
                message="an indicator table header (Indicator / Eenheid / years) without rows",
                location=Location(file=file, page=fl.page, line=fl.number, path=path)))
        groups: list[list[_Row]] = []
        for row in rows:
            if groups and _sub_row(row) is not None:
                groups[-1].append(row)
            else:
                groups.append([row])
        for group in groups:
            indicator, found = _indicator(group, file, path)
            out.append(indicator)
            problems += found
    if not out:  # the other common layout: realisation columns (laatst bekende realisatie)
        return find_realised_indicators(lines, file=file, path=path)
    return out, problems

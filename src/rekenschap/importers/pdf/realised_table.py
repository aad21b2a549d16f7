"""A programme's beleidsindicatoren table with realisation columns (laatst bekende realisatie).

Wassenaar's begroting 2021-2024 prints one such table per programme: header "Nr. |
Beleidsindicator | Eenheid | Bron | Voorgaande laatst bekende realisatie | Laatst bekende
realisatie | Landelijk vergelijkingscijfer" (the value headers wrap over up to four lines,
right-aligned), then one row per indicator starting with its number: name, unit and source
left-aligned in their columns (each may wrap), values right-aligned ("45,4 %", "€ 264,14",
"n.v.t.") with their year on the next line ("(2018)").

Both realisation columns become observations of the indicator, each with its own year; the
landelijk column becomes a Nederland :class:`~rekenschap.model.Benchmark`. A value that is
neither a number nor n.v.t./n.n.b./"-" is reported (PDF-IND-YEARS-VALUE) and left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.pdf.cells import Cell, cells_of
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.layout import Line
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
    parse_unit,
)
from rekenschap.model.numbers import parse_number

__all__ = ["find_realised_indicators"]

_QUALIFIERS = {"n.n.b.": ObservationQualifier.NOT_YET_KNOWN,
               "n.v.t.": ObservationQualifier.NOT_APPLICABLE}
_NONE = {"-", "\u2013", "\u2014"}
_PERIOD = re.compile(r"\(\s*((?:19|20)\d\d)\s*\)")
_NUMBER = re.compile(r"^\d{1,2}$")
_ALIGN = 6.0  # points between a value's right edge and its column header's
_TEXT_COLUMNS = ("name", "unit", "source")


@dataclass
class _Header:
    name_x: float
    unit_x: float
    source_x: float
    values: list[tuple[float, list[str]]]  # right edge and label words of each value column

    def value_column(self, cell: Cell) -> int | None:
        best = min(range(len(self.values)), key=lambda i: abs(self.values[i][0] - cell.x1))
        return best if abs(self.values[best][0] - cell.x1) <= _ALIGN else None

    def text_column(self, x: float) -> str:
        if x < self.unit_x - 2:
            return "name"
        return "unit" if x < self.source_x - 2 else "source"


@dataclass
class _Row:
    number: str
    lines: list[FlowLine]
    texts: dict[str, list[str]] = field(default_factory=dict)
    values: dict[int, list[str]] = field(default_factory=dict)


def _header(fl: FlowLine) -> _Header | None:
    cells = cells_of(fl)
    low = [c.text.lower() for c in cells]
    if len(cells) < 5 or low[0] not in {"nr.", "nr"} or not low[1].startswith("beleidsindicator"):
        return None
    unit = next((c for c in cells if c.text.lower() == "eenheid"), None)
    source = next((c for c in cells if c.text.lower() == "bron"), None)
    if unit is None or source is None:
        return None
    values = [(c.x1, [c.text]) for c in cells if c.x0 > source.x1 + 10]
    return _Header(cells[1].x0, unit.x0, source.x0, values) if values else None


def _split_word(cell: Cell, boundary: float) -> list[Cell]:
    """A word that crosses a column boundary ("bedrijven)Aantal", glued by the extractor)
    split where the text changes from lower case or ")" to a capital near the boundary."""
    if not cell.x0 < boundary - 2 < cell.x1:
        return [cell]
    width = (cell.x1 - cell.x0) / len(cell.text)
    guess = round((boundary - cell.x0) / width)
    cuts = [i for i in range(1, len(cell.text))
            if cell.text[i].isupper() and not cell.text[i - 1].isupper()
            and abs(i - guess) <= 3]
    if not cuts:
        return [cell]
    i = min(cuts, key=lambda k: abs(k - guess))
    at = cell.x0 + i * width
    return [Cell(cell.text[:i], cell.x0, at), Cell(cell.text[i:], at, cell.x1)]


def _add(row: _Row, cells: list[Cell], header: _Header) -> None:
    for cell in cells:
        column = header.value_column(cell) if cell.x0 > header.source_x + 30 else None
        if column is not None:
            row.values.setdefault(column, []).append(cell.text)
            continue
        for part in _split_word(cell, header.unit_x):
            for piece in _split_word(part, header.source_x):
                row.texts.setdefault(header.text_column(piece.x0), []).append(piece.text)


def _cells(fl: FlowLine, header: _Header) -> list[Cell]:
    """The line's words; a text run right of the source column stays whole ("45,4 %",
    "€ 264,14"), a run that reaches into a value column is cut at the last words that
    end there."""
    out: list[Cell] = []
    for seg in fl.segments:
        if seg.x0 > header.source_x + 30:
            out.append(Cell(" ".join(seg.text.split()), seg.x0, seg.x1))
        else:
            out += cells_of(FlowLine(fl.page, fl.number, Line(
                seg.text, seg.x0, seg.top, seg.x1, seg.bottom, (seg,))))
    return out


def _rows(lines: Sequence[FlowLine], header: _Header) -> list[_Row]:
    """Rows start at a line with the indicator's number left of the name column; the lines
    below go with it until the next number, a wide gap, a page break or text from the margin."""
    rows: list[_Row] = []
    for fl in lines:
        cells = _cells(fl, header)
        if not cells:
            continue
        first = cells[0]
        if _NUMBER.match(first.text) and first.x1 < header.name_x:
            rows.append(_Row(first.text, [fl]))
            cells = cells[1:]
        elif rows and fl.page == rows[-1].lines[-1].page and first.x0 >= header.name_x - 10 and (
                fl.line.top - rows[-1].lines[-1].line.bottom
                <= 2.5 * (fl.line.bottom - fl.line.top)):
            rows[-1].lines.append(fl)
        else:
            break
        _add(rows[-1], cells, header)
    return rows


def _observation(texts: list[str], row: _Row, file: str, path: str, label: str,
                 ) -> tuple[Observation | None, Problem | None]:
    joined = " ".join(texts)
    year = _PERIOD.search(joined)
    period = year.group(1) if year else None
    raw = " ".join(_PERIOD.sub(" ", joined).split())
    if not raw or raw in _NONE:
        return None, None
    qualifier = _QUALIFIERS.get(raw.lower())
    parsed = parse_number(raw)
    if qualifier is None and parsed.value is None:
        first = row.lines[0]
        return None, Problem(
            code="PDF-IND-YEARS-VALUE", severity=Severity.WARNING,
            message=f"{raw!r} under {label!r} of indicator {row.number} is not a number nor "
                    f"n.n.b./n.v.t.; left out",
            location=Location(file=file, page=first.page, line=first.number, path=path))
    plain = parsed.value is not None and raw == str(parsed.value)
    return Observation(period=period, value=parsed.value, qualifier=qualifier,
                       printed=None if plain or qualifier else raw,
                       provenance=provenance_of(file, row.lines)), None


def _indicator(row: _Row, header: _Header, file: str, path: str,
               ) -> tuple[Indicator, list[Problem]]:
    problems: list[Problem] = []
    own: list[Observation] = []
    benchmarks: list[Benchmark] = []
    source = join_lines(row.texts.get("source", [])) or None
    for column, texts in sorted(row.values.items()):
        label = " ".join(header.values[column][1])
        obs, problem = _observation(texts, row, file, path, label)
        problems += [problem] if problem else []
        if obs is None:
            continue
        if "landelijk" in label.lower() or "nederland" in label.lower():
            benchmarks.append(Benchmark(region="Nederland", region_code="NL01",
                                        observations=(obs,), provenance=obs.provenance))
        else:
            own.append(obs.model_copy(update={"source": source}))
    name = join_lines(row.texts.get("name", []))
    unit_text = join_lines(row.texts.get("unit", []))
    return Indicator(name=name, unit=parse_unit(unit_text) if unit_text else None,
                     source=source, catalogue_id=catalogue_id(name),
                     observations=tuple(sorted(own, key=lambda o: o.period or "")),
                     benchmarks=tuple(benchmarks),
                     provenance=provenance_of(file, row.lines)), problems


def find_realised_indicators(lines: Sequence[FlowLine], *, file: str, path: str,
                             ) -> tuple[list[Indicator], list[Problem]]:
    """Indicators of every realisation-column beleidsindicatoren table among ``lines``."""
    out: list[Indicator] = []
    problems: list[Problem] = []
    i = 0
    while i < len(lines):
        header = _header(lines[i])
        if header is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and all(c.x0 > header.source_x + 30 for c in cells_of(lines[j])):
            for cell in cells_of(lines[j]):  # wrapped value headers
                if (col := header.value_column(cell)) is not None:
                    header.values[col][1].append(cell.text)
            j += 1
        rows = _rows(lines[j:], header)
        if not rows:
            problems.append(Problem(
                code="PDF-IND-YEARS-EMPTY", severity=Severity.WARNING,
                message="a beleidsindicatoren table header (Nr. / Beleidsindicator / Eenheid / "
                        "Bron) without rows",
                location=Location(file=file, page=lines[i].page, line=lines[i].number,
                                  path=path)))
        for row in rows:
            indicator, found = _indicator(row, header, file, path)
            out.append(indicator)
            problems += found
        i = j + sum(len(r.lines) for r in rows)
    return out, problems

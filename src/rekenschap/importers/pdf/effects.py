"""Effect-indicator tables of a programme (effectindicatoren): baseline, targets, results.

Layout: a title ("Tabel 2.1 Effectindicatoren P2 ..."), header lines whose words stand above
the value columns ("Peilwaarde", "Streefwaarde begroting 2023", "Resultaat 2023", "Streefwaarde
Begroting 2025" ...), then one row per indicator: the name left (often wrapped over several
lines, with the values vertically centred), values right ("6,1% (2021)", "€ 30,4 mln",
"12.406 (plus 35)"). Rows are anchored by their value lines; name lines belong to the nearest
anchor (below on a tie), and a value line without a name joins the nearest named row.

Mapping: Peilwaarde -> an observation for its year and ``baseline_period``; Resultaat /
Realisatie -> an observation; every Streefwaarde -> an entry of ``targets`` with its period,
and the one for the document year is also ``target``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.pdf.cells import cells_of
from rekenschap.importers.pdf.effect_rows import group_rows
from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.layout import Line, Segment
from rekenschap.importers.pdf.words import PageWords
from rekenschap.importers.sentences import catalogue_id
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import (
    Indicator,
    Location,
    Observation,
    Problem,
    Severity,
    Target,
    Unit,
    UnitKind,
    parse_unit,
)
from rekenschap.model.numbers import NUMBER_TOKEN, parse_number

__all__ = ["find_effect_indicators"]

_HEADER_WORD = re.compile(r"peilwaarde|streefwaarde|resultaat|realisatie|effectindicator", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_PAREN_YEAR = re.compile(r"\(\s*((?:19|20)\d\d)\s*\)")
_END = re.compile(r"^(\*|nb\b|bron\b)", re.I)
_SOURCE = re.compile(r"^bron(?P<baseline>\s+peilwaarde)?\s*:\s*(?P<source>\S.*)$", re.I)
_RATE = re.compile(r"\(\s*(per\s+[\d.]+\s+\w+)\s*\)", re.I)
_ROW_GAP = 28.0


@dataclass
class _Column:
    centre: float
    words: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class _Part:
    text: str
    x0: float
    x1: float


def _spanning(fl: FlowLine, left: float) -> list[Segment]:
    return [seg for seg in fl.segments if seg.x0 < left - 5 and seg.x1 > left + 10]


def _parts(fl: FlowLine, left: float, words: PageWords | None = None) -> list[_Part]:
    """The line's text runs; a run that crosses from the name into the value columns (the
    extractor joins runs with narrow gaps) is split into words: at their exact boxes when
    ``words`` has them, else at estimated positions."""
    out: list[_Part] = []
    spanning = _spanning(fl, left)
    for seg in fl.segments:
        if seg in spanning:
            exact = words.in_segment(fl.page, seg) if words is not None else None
            line = Line(seg.text, seg.x0, seg.top, seg.x1, seg.bottom, (seg,))
            cells = exact if exact is not None else cells_of(FlowLine(fl.page, fl.number, line))
            out += [_Part(c.text, c.x0, c.x1) for c in cells]
        else:
            out.append(_Part(seg.text, seg.x0, seg.x1))
    return out


def _estimated(fl: FlowLine, left: float, words: PageWords | None) -> bool:
    return any(words is None or words.in_segment(fl.page, seg) is None
               for seg in _spanning(fl, left))


def _non_year_number(text: str) -> bool:
    """A number that is not a year ("6,1%", "12.418", "35"; not "2023" or "(2021)")."""
    return any(not _YEAR.fullmatch(m.group().strip("()+-")) for m in NUMBER_TOKEN.finditer(text))


def _is_header(fl: FlowLine) -> bool:
    """A line of column headings: header words, "Begroting 2024", "(2022)", "eind 2024" ..."""
    if fl.text.strip().lower().startswith("bron"):
        return False
    return all(not _non_year_number(s.text) for s in fl.segments) and (
        bool(_HEADER_WORD.search(fl.text)) or min(s.x0 for s in fl.segments) > 200)


def _columns(header: list[FlowLine]) -> tuple[list[_Column], float]:
    segs = [s for fl in header for s in fl.segments if not s.text.lower().startswith("effect")]
    left = min((s.x0 for s in segs), default=1e9)
    clusters: list[list[float]] = []
    for centre in sorted((s.x0 + s.x1) / 2 for s in segs):
        if clusters and centre - clusters[-1][-1] < 25:
            clusters[-1].append(centre)
        else:
            clusters.append([centre])
    columns = [_Column(sum(c) / len(c)) for c in clusters]
    for fl in header:
        for seg in fl.segments:
            if seg.text.lower().startswith("effect") or not columns:
                continue
            centre = (seg.x0 + seg.x1) / 2
            min(columns, key=lambda c: abs(c.centre - centre)).words.append(seg.text)
    return columns, left


def _ends(lines: Sequence[FlowLine], i: int) -> bool:
    """True when line ``i`` is a note under the table: it starts with "*", "NB" or "Bron", or
    stands at the height of a lone "*" (a footnote whose mark is a run of its own)."""
    fl = lines[i]
    if _END.match(fl.text.strip()):
        return True
    return any(other.page == fl.page and abs(other.line.top - fl.line.top) < 1.5
               and other.text.strip() == "*" for other in lines[max(0, i - 2):i + 3])


@dataclass
class _Table:
    header: list[FlowLine]
    data: list[FlowLine]
    source: str | None = None
    baseline_only: bool = False  # "Bron peilwaarde: ..." names the baseline's source only


def _table_lines(lines: Sequence[FlowLine], start: int) -> _Table:
    """Header lines, data lines and the source line ("Bron peilwaarde: CBS") of the table
    whose title is at ``start``."""
    i = start + 1
    source: str | None = None
    baseline_only = False
    while i < len(lines) and not _is_header(lines[i]):
        if m := _SOURCE.match(lines[i].text.strip()):
            source, baseline_only = m.group("source").strip(), bool(m.group("baseline"))
        i += 1
    header: list[FlowLine] = []
    while i < len(lines) and _is_header(lines[i]):
        header.append(lines[i])
        i += 1
    data: list[FlowLine] = []
    while i < len(lines):
        fl = lines[i]
        previous = data[-1] if data else (header[-1] if header else None)
        if _ends(lines, i) or (
                previous is not None and (fl.page != previous.page
                                          or fl.line.top - previous.line.bottom > _ROW_GAP)):
            break
        data.append(fl)
        i += 1
    return _Table(header, data, source, baseline_only)


def _rows(data: list[FlowLine], left: float, words: PageWords | None = None,
          ) -> list[list[FlowLine]]:
    """Lines grouped per indicator: rows are anchored by lines with a value that is neither a
    year nor parenthesised (see :mod:`~rekenschap.importers.pdf.effect_rows`)."""
    def values(fl: FlowLine) -> list[str]:
        return [p.text for p in _parts(fl, left, words) if p.x0 >= left - 5]

    def strong(fl: FlowLine) -> bool:
        return any(_non_year_number(v) and not v.strip().startswith("(")
                   and not v.strip().endswith(")") for v in values(fl))

    def named(fl: FlowLine) -> bool:
        return any(p.x0 < left - 5 for p in _parts(fl, left, words))

    anchors = [fl for fl in data if strong(fl)]
    heads: list[FlowLine] = []
    for a in anchors:  # a value line without a name right next to a named one is part of it
        near = [n for n in anchors if named(n) and n is not a
                and abs(n.line.top - a.line.top) < 10]
        if not named(a) and near:
            continue
        heads.append(a)
    return group_rows(data, heads, lambda fl: " ".join(
        p.text for p in _parts(fl, left, words) if p.x0 < left - 5))


def _value(text: str) -> tuple[Observation | None, str | None]:
    """A value cell as an observation (period from "(2021)" when printed)."""
    text = re.sub(r"(\d)\s*,\s*(\d)", r"\1,\2", " ".join(text.split()))
    year = _PAREN_YEAR.search(text)
    rest = _PAREN_YEAR.sub("", text).strip()
    token = NUMBER_TOKEN.search(rest)
    parsed = parse_number(rest)
    value = parsed.value if parsed.value is not None else (
        parse_number(token.group()).value if token else None)
    if value is None:
        return None, year.group(1) if year else None
    plain = (token is not None and parsed.value is not None and not parsed.percent
             and rest == token.group())
    return Observation(period=year.group(1) if year else None, value=value,
                       printed=None if plain else text), year.group(1) if year else None


def _unit(texts: list[str], percent: bool, name: str = "") -> Unit | None:
    """The unit the name states ("(per 1.000 inw)") or the values print ("%", "kg",
    "€ ... mln"), ``None`` when there is none."""
    if rate := _RATE.search(name):
        return parse_unit(rate.group(1))
    if percent:
        return Unit(kind=UnitKind.PERCENTAGE, label="%")
    joined = " ".join(texts).lower()
    if "mln" in joined:
        return Unit(kind=UnitKind.CURRENCY, quantity="€", label="€ mln")
    if re.search(r"\bkg\b", joined):
        return Unit(kind=UnitKind.MASS, quantity="kg", label="kg")
    return None


def find_effect_indicators(
    lines: Sequence[FlowLine], *, year: int, file: str, path: str,
    words: PageWords | None = None,
) -> tuple[list[Indicator], list[Problem]]:
    """The effect indicators of every "Effectindicatoren" table among ``lines``."""
    indicators: list[Indicator] = []
    problems: list[Problem] = []
    for start, fl in enumerate(lines):
        if not re.match(r"^tabel\b.*effectindicatoren", fl.text.strip(), re.I):
            continue
        table = _table_lines(lines, start)
        columns, left = _columns(table.header)
        if not columns or not table.data:
            problems.append(Problem(
                code="PDF-EFFECT-TABLE", severity=Severity.WARNING,
                message=f"effect-indicator table {fl.text.strip()!r} has no readable header or "
                        f"rows; skipped", location=Location(file=file, page=fl.page,
                                                           line=fl.number, path=path)))
            continue
        for row in _rows(table.data, left, words):
            indicator, found = _indicator(row, columns, left, year, file, path, words,
                                          table)
            problems += found
            if indicator is not None:
                indicators.append(indicator)
    return indicators, problems


def _indicator(row: list[FlowLine], columns: list[_Column], left: float, year: int, file: str,
               path: str, words: PageWords | None = None, table: _Table | None = None,
               ) -> tuple[Indicator | None, list[Problem]]:
    source = table.source if table is not None else None
    all_sourced = source is not None and table is not None and not table.baseline_only
    problems: list[Problem] = []
    names: list[str] = []
    cells: dict[int, list[str]] = {}
    estimated = any(_estimated(fl, left, words) for fl in row)
    for fl in row:
        parts = _parts(fl, left, words)
        name = " ".join(p.text for p in parts if p.x0 < left - 5)
        if name:
            names.append(name)
        for s in parts:
            if s.x0 >= left - 5:
                col = min(range(len(columns)),
                          key=lambda i: abs(columns[i].centre - (s.x0 + s.x1) / 2))
                cells.setdefault(col, []).append(s.text)
    first = row[0]
    where = Location(file=file, page=first.page, line=first.number, path=path)
    name = join_lines(names).strip()
    if not name:
        return None, [Problem(code="PDF-EFFECT-NAME", severity=Severity.WARNING,
                              message="effect-indicator row without a name; skipped",
                              location=where)]
    observations: list[Observation] = []
    baseline: str | None = None
    targets: list[Target] = []
    percent = False
    texts = [" ".join(cell) for cell in cells.values()]
    for col, cell in sorted(cells.items()):
        label = columns[col].label
        low = label.lower()
        text = " ".join(cell)
        percent = percent or "%" in text or "(%)" in label
        obs, printed_year = _value(text)
        header_year = _YEAR.findall(label)
        period = printed_year or (header_year[0] if header_year else None)
        if obs is None:
            problems.append(Problem(code="PDF-INDICATOR-VALUE", severity=Severity.WARNING,
                                    message=f"{text!r} under {label!r} for {name[:50]!r} is not a "
                                            f"number; skipped", location=where))
            continue
        obs = obs.model_copy(update={"period": period, "provenance": provenance_of(file, row),
                                     "source": source if all_sourced or "peil" in low else None})
        if "peil" in low:
            baseline = period
            observations.append(obs)
        elif "streef" in low or ("begroting" in low and "result" not in low):
            targets.append(Target(value=obs.value, period=period, provenance=obs.provenance))
            if printed_year and header_year and printed_year != header_year[0]:
                problems.append(Problem(
                    code="PDF-INDICATOR-TARGETS", severity=Severity.NOTICE,
                    message=f"target {text!r} of {name[:50]!r} under {label!r} prints the year "
                            f"{printed_year}; kept as the target for {printed_year}, not for "
                            f"{header_year[0]}", location=where))
        elif "resultaat" in low or "realisatie" in low:
            observations.append(obs)
        else:
            problems.append(Problem(code="PDF-EFFECT-COLUMN", severity=Severity.WARNING,
                                    message=f"column {label!r} is not a baseline, target or "
                                            f"result; {text!r} for {name[:50]!r} skipped",
                                    location=where))
    if estimated:
        problems.append(Problem(
            code="PDF-INDICATOR-GEOMETRY", severity=Severity.WARNING,
            message=f"the row of {name[:50]!r} has text runs across the name and value columns; "
                    f"its words were placed by estimated positions, so values may be misplaced",
            location=where))
    periods = [t.period for t in targets]
    twice = sorted({p or "?" for p in periods if periods.count(p) > 1})
    if twice:
        problems.append(Problem(
            code="PDF-INDICATOR-TARGETS", severity=Severity.WARNING,
            message=f"{name[:50]!r} has several targets for {', '.join(twice)}; all are kept, "
                    f"the first one counts as the target of its year", location=where))
    target = next((t for t in targets if t.period == str(year)), None)
    return Indicator(
        name=name, unit=_unit(texts, percent, name), source=source,
        catalogue_id=catalogue_id(name), baseline_period=baseline, target=target,
        targets=tuple(targets),
        observations=tuple(observations), provenance=provenance_of(file, row)), problems

"""The geometry of an effect-indicator table (effectindicatoren): where it starts and ends, its
header columns, and which text lines form one indicator's row.

A title line ("Tabel 2.1 Effectindicatoren ..."), header lines whose words stand above the value
columns (clustered by their centres), then data lines until a note ("*", "NB", "Bron"), a page
break or a gap. A text run that crosses from the name into the value columns is split into
words (exact boxes from :class:`PageWords` when at hand, else estimated). Rows are anchored by
their value lines (:mod:`~rekenschap.importers.pdf.effect_rows`). Used by
:mod:`~rekenschap.importers.pdf.effects`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekenschap.importers.pdf.cells import cells_of
from rekenschap.importers.pdf.effect_rows import group_rows
from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.layout import Line, Segment
from rekenschap.importers.pdf.words import PageWords
from rekenschap.model.numbers import NUMBER_TOKEN

__all__ = ["YEAR", "EffectColumn", "EffectTable", "Part", "header_columns", "indicator_rows",
           "line_parts", "placed_by_estimate", "table_lines"]

_HEADER_WORD = re.compile(r"peilwaarde|streefwaarde|resultaat|realisatie|effectindicator", re.I)
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_END = re.compile(r"^(\*|nb\b|bron\b)", re.I)
_SOURCE = re.compile(r"^bron(?P<baseline>\s+peilwaarde)?\s*:\s*(?P<source>\S.*)$", re.I)
_ROW_GAP = 28.0


@dataclass
class EffectColumn:
    centre: float
    words: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Part:
    text: str
    x0: float
    x1: float


def spanning_runs(fl: FlowLine, left: float) -> list[Segment]:
    return [seg for seg in fl.segments if seg.x0 < left - 5 and seg.x1 > left + 10]


def line_parts(fl: FlowLine, left: float, words: PageWords | None = None) -> list[Part]:
    """The line's text runs; a run that crosses from the name into the value columns (the
    extractor joins runs with narrow gaps) is split into words: at their exact boxes when
    ``words`` has them, else at estimated positions."""
    out: list[Part] = []
    spanning = spanning_runs(fl, left)
    for seg in fl.segments:
        if seg in spanning:
            exact = words.in_segment(fl.page, seg) if words is not None else None
            line = Line(seg.text, seg.x0, seg.top, seg.x1, seg.bottom, (seg,))
            cells = exact if exact is not None else cells_of(FlowLine(fl.page, fl.number, line))
            out += [Part(c.text, c.x0, c.x1) for c in cells]
        else:
            out.append(Part(seg.text, seg.x0, seg.x1))
    return out


def placed_by_estimate(fl: FlowLine, left: float, words: PageWords | None) -> bool:
    return any(words is None or words.in_segment(fl.page, seg) is None
               for seg in spanning_runs(fl, left))


def non_year_number(text: str) -> bool:
    """A number that is not a year ("6,1%", "12.418", "35"; not "2023" or "(2021)")."""
    return any(not YEAR.fullmatch(m.group().strip("()+-")) for m in NUMBER_TOKEN.finditer(text))


def is_header(fl: FlowLine) -> bool:
    """A line of column headings: header words, "Begroting 2024", "(2022)", "eind 2024" ..."""
    if fl.text.strip().lower().startswith("bron"):
        return False
    return all(not non_year_number(s.text) for s in fl.segments) and (
        bool(_HEADER_WORD.search(fl.text)) or min(s.x0 for s in fl.segments) > 200)


def header_columns(header: list[FlowLine]) -> tuple[list[EffectColumn], float]:
    segs = [s for fl in header for s in fl.segments if not s.text.lower().startswith("effect")]
    left = min((s.x0 for s in segs), default=1e9)
    clusters: list[list[float]] = []
    for centre in sorted((s.x0 + s.x1) / 2 for s in segs):
        if clusters and centre - clusters[-1][-1] < 25:
            clusters[-1].append(centre)
        else:
            clusters.append([centre])
    columns = [EffectColumn(sum(c) / len(c)) for c in clusters]
    for fl in header:
        for seg in fl.segments:
            if seg.text.lower().startswith("effect") or not columns:
                continue
            centre = (seg.x0 + seg.x1) / 2
            min(columns, key=lambda c: abs(c.centre - centre)).words.append(seg.text)
    return columns, left


def ends(lines: Sequence[FlowLine], i: int) -> bool:
    """True when line ``i`` is a note under the table: it starts with "*", "NB" or "Bron", or
    stands at the height of a lone "*" (a footnote whose mark is a run of its own)."""
    fl = lines[i]
    if _END.match(fl.text.strip()):
        return True
    return any(other.page == fl.page and abs(other.line.top - fl.line.top) < 1.5
               and other.text.strip() == "*" for other in lines[max(0, i - 2):i + 3])


@dataclass
class EffectTable:
    header: list[FlowLine]
    data: list[FlowLine]
    source: str | None = None
    baseline_only: bool = False  # "Bron peilwaarde: ..." names the baseline's source only


def table_lines(lines: Sequence[FlowLine], start: int) -> EffectTable:
    """Header lines, data lines and the source line ("Bron peilwaarde: CBS") of the table
    whose title is at ``start``."""
    i = start + 1
    source: str | None = None
    baseline_only = False
    while i < len(lines) and not is_header(lines[i]):
        if m := _SOURCE.match(lines[i].text.strip()):
            source, baseline_only = m.group("source").strip(), bool(m.group("baseline"))
        i += 1
    header: list[FlowLine] = []
    while i < len(lines) and is_header(lines[i]):
        header.append(lines[i])
        i += 1
    data: list[FlowLine] = []
    while i < len(lines):
        fl = lines[i]
        previous = data[-1] if data else (header[-1] if header else None)
        if ends(lines, i) or (
                previous is not None and (fl.page != previous.page
                                          or fl.line.top - previous.line.bottom > _ROW_GAP)):
            break
        data.append(fl)
        i += 1
    return EffectTable(header, data, source, baseline_only)


def indicator_rows(data: list[FlowLine], left: float, words: PageWords | None = None,
          ) -> list[list[FlowLine]]:
    """Lines grouped per indicator: rows are anchored by lines with a value that is neither a
    year nor parenthesised (see :mod:`~rekenschap.importers.pdf.effect_rows`)."""
    def values(fl: FlowLine) -> list[str]:
        return [p.text for p in line_parts(fl, left, words) if p.x0 >= left - 5]

    def strong(fl: FlowLine) -> bool:
        return any(non_year_number(v) and not v.strip().startswith("(")
                   and not v.strip().endswith(")") for v in values(fl))

    def named(fl: FlowLine) -> bool:
        return any(p.x0 < left - 5 for p in line_parts(fl, left, words))

    anchors = [fl for fl in data if strong(fl)]
    heads: list[FlowLine] = []
    for a in anchors:  # a value line without a name right next to a named one is part of it
        near = [n for n in anchors if named(n) and n is not a
                and abs(n.line.top - a.line.top) < 10]
        if not named(a) and near:
            continue
        heads.append(a)
    return group_rows(data, heads, lambda fl: " ".join(
        p.text for p in line_parts(fl, left, words) if p.x0 < left - 5))

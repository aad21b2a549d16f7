"""Source and reference date per observation, from the note under an indicator's own heading.

A table with a column per year has no room for where each value comes from or on which date
it was measured (peildatum). Documents that need it add a note under the indicator; this
project prints one line (``render/print_tables.observation_notes``):
"Bron en peildatum per jaar: 2022: Bureau Halt; 2024: CBS, peildatum 2024-03-01." (English:
"Source and reference date per year: ...; 2024: CBS, reference date 2024-03-01."); a
benchmark's entries carry its region: "Nederland 2023: CBS". A year the note names but the
indicator has no observation for is left alone. Values the document gives without a period
("13.140 tegenover 13.044") have no column in a year table; a line "Waarden zonder periode:
13.140; 13.044." ("Values without a period: ...") under the heading gives them back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.indicatorfacts import indicator_headings, is_heading
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import Indicator, Observation
from rekenschap.model.numbers import parse_number

__all__ = ["add_observation_notes", "parse_observation_note"]

_LABEL = re.compile(r"^(?:bron en peildatum per jaar|source and reference date per year)\s*:\s*",
                    re.I)
_UNDATED = re.compile(r"^(?:waarden zonder periode|values without a period)\s*:\s*(.*?)\.?$",
                      re.I)
_ENTRY = re.compile(r"^(?:(?P<region>.+?)\s+)?(?P<period>\d{4}(?:-Q[1-4]|-\d{2,4})?)\s*:\s*"
                    r"(?P<source>.*?)"
                    r"(?:,?\s*(?:peildatum|reference date)\s+(?P<date>[^\s;]+))?$", re.I)


Note = dict[str, tuple[str | None, str | None]]
"""Period -> (source, reference date)."""


def parse_observation_note(text: str) -> dict[str, Note]:
    """Region ("" for the indicator itself, "Nederland" for a benchmark) -> its periods'
    source and reference date, from a note line; empty when ``text`` is none."""
    m = _LABEL.match(text.strip())
    if m is None:
        return {}
    out: dict[str, Note] = {}
    for part in text.strip()[m.end():].rstrip(".").split(";"):
        if (e := _ENTRY.match(part.strip())) is not None:
            out.setdefault(e.group("region") or "", {})[e.group("period")] = (
                e.group("source").strip() or None, e.group("date"))
    return out


def _with(observations: tuple[Observation, ...], note: Note) -> tuple[Observation, ...]:
    return tuple(o.model_copy(update={"source": note[o.period][0],
                                      "reference_date": note[o.period][1]})
                 if o.period in note else o for o in observations)


def parse_undated(text: str) -> list[Observation]:
    """The values of a line "Waarden zonder periode: 13.140; 13.044." as observations without
    a period; empty for any other line or a value that is not a number."""
    m = _UNDATED.match(text.strip())
    if m is None:
        return []
    values = [parse_number(v.strip()).value for v in m.group(1).split(";")]
    return [Observation(value=v) for v in values if v is not None]


def _note_under(lines: Sequence[FlowLine], start: int, body: float,
                label: re.Pattern[str]) -> str | None:
    """The line starting with ``label`` (with its wrapped continuation) under a heading."""
    for k in range(start, len(lines)):
        if is_heading(lines[k], body):
            return None  # the next heading
        if label.match(lines[k].text.strip()):
            parts = [lines[k].text]
            for more in lines[k + 1:]:
                if parts[-1].rstrip().endswith(".") or is_heading(more, body):
                    break
                parts.append(more.text)
            return join_lines(parts)
    return None


def add_observation_notes(indicators: Sequence[Indicator], lines: Sequence[FlowLine], *,
                          body: float) -> list[Indicator]:
    """``indicators`` with the source and reference date their note gives per period."""
    out = list(indicators)
    for n, end in indicator_headings(indicators, lines, body):
        note = _note_under(lines, end, body, _LABEL)
        undated = _note_under(lines, end, body, _UNDATED)
        if undated and not any(o.period is None for o in out[n].observations):
            out[n] = out[n].model_copy(update={
                "observations": (*parse_undated(undated), *out[n].observations)})
        if note and (found := parse_observation_note(note)):
            ind = out[n]
            benchmarks = tuple(b.model_copy(update={"observations": _with(
                b.observations, found[b.region])}) if b.region in found else b
                for b in ind.benchmarks)
            out[n] = ind.model_copy(update={
                "observations": _with(ind.observations, found.get("", {})),
                "benchmarks": benchmarks})
    return out

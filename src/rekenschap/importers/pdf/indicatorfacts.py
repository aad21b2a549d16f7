"""Facts printed under an indicator's own heading (kenmerken): "Peiljaar: 2019." and the
target: a value, its year and the desired direction, in that order, each optional
("Streefwaarde: 5,2, 2025, lager is beter."; Gouda-style "Afname" / "Toename" too), and
the claims quoted below, read as indicator sentences. A year alone after "Streefwaarde:"
("Streefwaarde: 2025.") is not a value: no target value is taken and a problem says so.

P&C documents that explain each indicator below a summary table name its baseline year and
which way is good. The heading must be the name of an indicator already read; the facts line
is the first line under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.sentences import parse_indicator_sentence
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import (
    Claim,
    DesiredDirection,
    Indicator,
    Location,
    Problem,
    Severity,
    Target,
)
from rekenschap.model.numbers import parse_number

__all__ = ["add_indicator_facts", "indicator_headings", "is_heading", "read_indicator_facts"]

_BASELINE = re.compile(r"\bpeiljaar\s*:\s*((?:19|20)\d\d)\b", re.I)
_TARGET = re.compile(r"\bstreefwaarde\s*:\s*(?P<value>-?\d+(?:\.\d{3})*(?:,\d+)?)(?=,\s|\.?$|\.\s)"
                     r"(?:,\s*(?P<period>(?:19|20)\d\d)\b)?", re.I)
_DIRECTION = [
    (re.compile(r"\bstreefwaarde\s*:\s*(hoger is beter|toename)\b", re.I), DesiredDirection.UP),
    (re.compile(r"\bstreefwaarde\s*:\s*(lager is beter|afname)\b", re.I), DesiredDirection.DOWN),
    (re.compile(r"\bstreefwaarde\s*:\s*geen gewenste richting\b", re.I), DesiredDirection.NONE),
]
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def year_as_value(text: str) -> str | None:
    """The year when "Streefwaarde:" is followed by a year alone ("Streefwaarde: 2025."):
    that is a target year without a value, never the value 2025."""
    t = _TARGET.search(text)
    if t and t.group("period") is None and _YEAR_ONLY.fullmatch(t.group("value")):
        return t.group("value")
    return None


def _facts(indicator: Indicator, text: str) -> Indicator:
    update: dict[str, object] = {}
    m = _BASELINE.search(text)
    if m and indicator.baseline_period is None:
        update["baseline_period"] = m.group(1)
    if indicator.target is not None:
        return indicator.model_copy(update=update) if update else indicator
    value = period = None
    if (t := _TARGET.search(text)) and year_as_value(text) is None:
        value, period = parse_number(t.group("value")).value, t.group("period")
        text = "Streefwaarde: " + text[t.end():].lstrip(", ")
    elif t:
        text = "Streefwaarde: " + text[t.end():].lstrip(", ")
    direction = next((d for pattern, d in _DIRECTION if pattern.search(text)), None)
    if value is not None or direction is not None:
        update["target"] = Target(direction=direction, value=value, period=period)
    return indicator.model_copy(update=update) if update else indicator


def _claims(indicator: Indicator, lines: Sequence[FlowLine], body: float) -> Indicator:
    """Claims quoted under the heading (“Verwijzingen Halt t.o.v. peiljaar 2019 gedaald”),
    each read as an indicator sentence; up to the next heading."""
    if indicator.claims:
        return indicator
    found: list[Claim] = []
    quote: list[str] = []
    for fl in lines:
        if is_heading(fl, body):
            break
        text = fl.text.strip()
        if text.startswith("\u201c") or quote:
            quote.append(text)
        if quote and text.endswith("\u201d"):
            sentence = join_lines(quote).strip("\u201c\u201d ")
            quote = []
            parsed, _ = parse_indicator_sentence(sentence, year=None)
            if parsed is not None:
                found.extend(c.model_copy(update={"sentence": sentence}) for c in parsed.claims)
    return indicator.model_copy(update={"claims": tuple(found)}) if found else indicator


def is_heading(line: FlowLine, body: float) -> bool:
    """Is this line set larger than the body text (an indicator's own heading)?"""
    return line.size > body + 0.25


def indicator_headings(indicators: Sequence[Indicator], lines: Sequence[FlowLine],
                       body: float) -> Iterator[tuple[int, int]]:
    """For each heading that names one of ``indicators``: its index in ``indicators`` and the
    index of the first line under the heading. A long name wraps: the heading is every
    heading-size line in a row."""
    by_name = {i.name: n for n, i in enumerate(indicators)}
    k = 0
    while k < len(lines):
        if not is_heading(lines[k], body):
            k += 1
            continue
        end = k + 1
        while end < len(lines) and is_heading(lines[end], body):
            end += 1
        n = by_name.get(join_lines([fl.text for fl in lines[k:end]]))
        if n is not None:
            yield n, end
        k = end


def add_indicator_facts(indicators: Sequence[Indicator], lines: Sequence[FlowLine], *,
                        body: float) -> list[Indicator]:
    """``indicators`` with the baseline year and direction their own headings state."""
    return read_indicator_facts(indicators, lines, body=body, file="")[0]


def read_indicator_facts(indicators: Sequence[Indicator], lines: Sequence[FlowLine], *,
                         body: float, file: str, path: str | None = None,
                         ) -> tuple[list[Indicator], list[Problem]]:
    """:func:`add_indicator_facts` with the problems met (PDF-INDICATOR-TARGET-YEAR: a year
    alone where the target value belongs)."""
    out = list(indicators)
    problems: list[Problem] = []
    for n, end in indicator_headings(indicators, lines, body):
        if end < len(lines):
            facts = lines[end]
            if (year := year_as_value(facts.text)) is not None and out[n].target is None:
                problems.append(Problem(
                    code="PDF-INDICATOR-TARGET-YEAR", severity=Severity.WARNING,
                    message=f"'Streefwaarde: {year}' under {out[n].name[:50]!r} names a year, "
                            f"not a value; no target value is taken",
                    location=Location(file=file, page=facts.page, line=facts.number,
                                      path=path)))
            out[n] = _facts(out[n], facts.text)
            out[n] = _claims(out[n], lines[end:], body)
    return out, problems

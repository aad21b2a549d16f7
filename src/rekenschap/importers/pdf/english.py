"""The English print of a P&C document, read like the Dutch one (Engelse uitgave).

This project prints documents in English too (``rekenschap export --lang en``): BBV headings in
English ("Programme 1 ...", "What did it cost?"), English numbers ("-4,346", "3.6") and English
words for statuses, facts and variance notes; the document's own texts (names, row labels,
titles) stay as the document has them. A document is taken as English when a front-page
colophon line says "Published by:". Then every line is brought to the Dutch wording and number
format before structure recognition, so one set of rules reads both:

* numbers, only where the print writes them itself: a table cell that is a number alone
  ("-4,346", "7,350.5", "3.6", "39.1%"; a cell is a segment of a line with two or more), the
  amount in a scale line ("Amounts in € 1,000"), the threshold line ("Variances from
  € 50,000 ..."), a lettered variance item's note ("(expenditure, one-off, net unfavourable
  € 81,000).", also when it wraps), the value after "Target:" and the undated values list.
  Everything else is the document's own text in its own (Dutch) format and is left alone:
  "0,125" or "1.250" in a goal's text, a number that starts a text ("1.1 Crisisbeheersing");
* the English words of the print (the BBV headings, statuses, indicator facts, variance notes,
  table headers) by their Dutch counterparts, each matched as a whole cell or line start;
* the page numbers "Page 4 of 10" are page furniture and dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.importers.pdf.layout import Line

__all__ = ["is_english_print", "to_dutch"]

_PUBLISHED = re.compile(r"^Published by\s*:", re.I)
_FRONT_PAGES = 3

_ALONE = re.compile(r"^([-−+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$")
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?(?!\d|,\d)")
_TARGET = re.compile(r"(\bStreefwaarde:\s*)([-−]?\d+(?:,\d{3})*(?:\.\d+)?)")
"""The value after "Target:" in the facts line (a decimal "6.0" too, not only grouped)."""

_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), d) for p, d in (
        (r"^Programme budget\b", "Begroting"),
        (r"^Annual report and accounts\b", "Jaarstukken"),
        (r"^Annual report\b", "Jaarverslag"),
        (r"^Spring memorandum\b", "Voorjaarsnota"),
        (r"^Programme (?=\S+ )", "Programma "),
        (r"^Sub-programme (?=\S+ )", "Deelprogramma "),
        (r"^What did we want to achieve, and what did we do for it\?$",
         "Wat wilden we bereiken en wat hebben we daarvoor gedaan?"),
        (r"^What do we want to achieve, and what will we do for it\?$",
         "Wat willen we bereiken en wat gaan we daarvoor doen?"),
        (r"^What did it cost\?$", "Wat heeft het gekost?"),
        (r"^What may it cost\?$", "Wat mag het kosten?"),
        (r"^Policy indicators$", "Beleidsindicatoren"),
        (r"^Functional classes \(taakvelden\):", "Taakvelden:"),
        (r"^Amounts in euros$", "Bedragen in euro's"),
        (r"^Amounts in ", "Bedragen x "),
        (r"^Variances from (.*) are explained\.$", r"Verschillen vanaf \1 worden toegelicht."),
        (r"^Overview of income and expenditure$", "Overzicht van baten en lasten"),
        (r"^Income and expenditure per functional class \(taakveld\)$",
         "Overzicht van baten en lasten per taakveld"),
        (r"^\[Realised\]", "[Gerealiseerd]"),
        (r"^\[In progress\]", "[Loopt]"),
        (r"^\[Delayed\]", "[Vertraagd]"),
        (r"^\[Not realised\]", "[Niet gerealiseerd]"),
        (r"^\[Status not stated\]", "[Status niet vermeld]"),
        (r"^Item$", "Omschrijving"),
        (r"^Difference \(computed\)$", "Verschil (berekend)"),
        (r"^Unit$", "Eenheid"),
        (r"^count$", "aantal"),  # the label of a count without one of its own
        (r"^Source$", "Bron"),
        (r"^Target$", "Streefwaarde"),
        (r"\bBaseline year:", "Peiljaar:"),
        (r"\bTarget:", "Streefwaarde:"),
        (r"\bhigher is better\b", "hoger is beter"),
        (r"\blower is better\b", "lager is beter"),
        (r"\bno desired direction\b", "geen gewenste richting"),
    ))
_NOTE = re.compile(r"\(([^()]*)(\)\.)?$")  # a lettered variance item's note (may wrap)
_NOTE_REST: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), d) for p, d in (
        (r"^unfavourable(?= €|\)\.)", "nadelig"),  # the rest of a wrapped item note
        (r"^favourable(?= €|\)\.)", "voordelig"),
        (r"^neutral\)\.", "neutraal)."),
    ))
_NOTE_WORDS = (("net unfavourable", "per saldo nadelig"), ("net favourable", "per saldo voordelig"),
               ("net neutral", "per saldo neutraal"), ("expenditure", "lasten"),
               ("income", "baten"), ("other", "overig"), ("one-off", "incidenteel"),
               ("structural", "structureel"))


def is_english_print(flow: Sequence[FlowLine]) -> bool:
    """Does a front-page colophon line say "Published by:"?"""
    return any(_PUBLISHED.match(fl.text.strip()) for fl in flow if fl.page <= _FRONT_PAGES)


def _number(m: re.Match[str]) -> str:
    sign, whole, decimals, percent = m.group(1), m.group(2), m.group(3), m.group(4)
    return sign + whole.replace(",", ".") + ("," + decimals if decimals else "") + percent


def _grouped(m: re.Match[str]) -> str:
    return m.group(1).replace(",", ".") + ("," + m.group(2) if m.group(2) else "")


def _note(m: re.Match[str]) -> str:
    text = _GROUPED.sub(_grouped, m.group(1))
    for english, dutch in _NOTE_WORDS:
        text = re.sub(rf"\b{english}\b", dutch, text)
    text = re.sub(r"\bnet$", "per saldo", text)  # "net" / "unfavourable € 52,000)." wraps
    return f"({text}{m.group(2) or ''}"


_UNDATED = re.compile(r"^Values without a period:\s*(.*?)\.?$")


_AMOUNT_LINE = re.compile(r"^(Bedragen x|Verschillen vanaf) ")
"""Lines of the print (after the phrases) that hold an amount of its own: scale, threshold."""
_ITEM = re.compile(r"^[a-z]\. ")
"""A lettered variance item's heading ("a. Leges (income, ...)."), printed by the project."""


def dutch_text(text: str, *, cell: bool = True, note: bool = False) -> str:
    """One segment of the English print in the Dutch wording and number format.

    ``cell``: the segment is a table cell (its line has other segments), so a number alone
    is the print's; otherwise it is running text, whose numbers are the document's own.
    ``note``: the line continues a variance item heading whose note is open ("(expenditure,
    net" / "unfavourable € 52,000)."); the amount before its ")" is the print's.
    """
    stripped = text.strip()
    if (u := _UNDATED.match(stripped)) is not None:  # numbers in a list: each one alone
        values = "; ".join(dutch_text(v) for v in u.group(1).split(";"))
        return f"Waarden zonder periode: {values}."
    if cell and (m := _ALONE.match(stripped)) is not None:
        return _number(m)
    for pattern, dutch in _PHRASES:
        stripped = pattern.sub(dutch, stripped)
    stripped = _TARGET.sub(lambda m: m.group(1) + dutch_text(m.group(2)), stripped)
    if _AMOUNT_LINE.match(stripped):
        return _GROUPED.sub(_grouped, stripped)
    if note and "(" not in stripped and ")" in stripped:
        for pattern, dutch in _NOTE_REST:
            stripped = pattern.sub(dutch, stripped)
        head, _, tail = stripped.partition(")")
        return _GROUPED.sub(_grouped, head) + ")" + tail
    return _NOTE.sub(_note, stripped) if _ITEM.match(stripped) or note else stripped


def _opens_note(text: str) -> bool:
    """A variance item heading that goes on on the next line: its note is open ("(expenditure,
    net") or has not come yet (a long title wraps); a heading ends with "." or ")."."""
    return bool(_ITEM.match(text)) and not text.endswith(".")


def _line(fl: FlowLine, *, note: bool = False) -> FlowLine:
    cell = len(fl.segments) > 1
    segments = tuple(replace(s, text=dutch_text(s.text, cell=cell, note=note))
                     for s in fl.segments)
    if segments == fl.segments:
        return fl
    text = fl.line.text
    out, at = [], 0
    for old, new in zip(fl.segments, segments, strict=True):
        k = text.find(old.text, at)
        if k < 0:
            return replace(fl, line=replace(fl.line, segments=segments,
                                            text="  ".join(s.text for s in segments)))
        out += [text[at:k], new.text]
        at = k + len(old.text)
    out.append(text[at:])
    line: Line = replace(fl.line, text="".join(out), segments=segments)
    return replace(fl, line=line)


_PAGE_NUMBER = re.compile(r"^Page \d{1,4} of \d{1,4}$")


def to_dutch(flow: Sequence[FlowLine]) -> list[FlowLine]:
    """``flow`` with every line of an English print in Dutch wording and numbers, without the
    page numbers ("Page 4 of 10": page furniture, as "Pagina 4 van 10" is in Dutch)."""
    out: list[FlowLine] = []
    note = False
    for fl in flow:
        if _PAGE_NUMBER.match(fl.text.strip()):
            continue
        out.append(_line(fl, note=note))
        note = _opens_note(fl.text.strip())
    return out


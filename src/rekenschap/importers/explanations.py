"""Variance explanations (toelichting op verschillen >= € 50.000), layout-free; shared by the PDF
and text-dump importers.

The heading states the threshold ("Toelichting op verschillen tussen begroot actueel/werkelijk
>= € 50.000"); items are lettered ("a. Opvang Oekraïense ontheemden (per saldo nadelig
€ 42.000).") under "Taakveld x.y" subheadings, each followed by its explanation. Right under a
taakveld heading an item may be unlettered ("Precariobelasting (voordeel hogere baten
€62.000)"), anywhere it may be coded ("5.99.04 Vervanging Hofcampbrug (per saldo nadelig
€ 95.500)"), and a taakveld heading with its own note is an item itself ("Taakveld 7.4
Milieubeheer (per saldo € 242.000 nadelig)"); prose under a taakveld heading before its first
item (ending in a full stop) starts that item's text. A lettered title may wrap before its note
("d. De centraal begrote ... van €" + "100.000 (overig, per saldo neutraal)."): see
:func:`wrapped_title`.

The amount is the net effect stated in the parentheses, favourable positive ("voordeel" /
"voordelig" +, "nadeel" / "nadelig" -, "neutraal" 0); when the parentheses list several amounts
without a net one, the amount is left empty and the caller reports it (:class:`AmountGap`). The
note may also say whether the item is "incidenteel" or "structureel" and which side it is on
(lasten, baten, reserves); a threshold not in the heading may stand in the line under it
("Verschillen vanaf € 50.000 worden toegelicht."). The section ends at "De overige verschillen
..." or at the next heading.

Works on any lines with ``text``, ``page`` and ``number`` (the PDF's flow lines, the dump's
numbered lines); the caller gives the provenance of a group of lines and turns gaps into its own
problem code. Lines that are no part of an item (an introduction, the taakveld subheadings, the
closing "De overige verschillen ..." remark) are returned so the caller can keep them as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, Literal, Protocol, TypeVar

from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import Provenance, VarianceExplanation, VarianceItem
from rekenschap.model.numbers import parse_number

__all__ = ["AmountGap", "ExplanationRead", "item_kind", "net_amount", "read_explanation",
           "split_item_header", "threshold_in", "wrapped_title"]


class LineLike(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def page(self) -> int | None: ...

    @property
    def number(self) -> int: ...


L = TypeVar("L", bound=LineLike)

_ITEM = re.compile(r"^([a-z])\.\s+(\S.*)$")
_TAAKVELD = re.compile(r"^taakveld\s+\d", re.I)
_END = re.compile(r"^de\s+overige\s+verschillen", re.I)
# An unlettered item right under a taakveld heading: "Precariobelasting (voordeel hogere baten
# €62.000)" — a short capitalised title and a note with an amount.
_UNLETTERED = re.compile(r"^[A-Z][^()]{0,80}\([^()]*€[^()]*\)\.?$")
# A coded item anywhere: "5.99.04 Vervanging Hofcampbrug (per saldo nadelig € 95.500)".
_CODED = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,3}\s+[A-Z][^()]{0,80}\([^()]*€[^()]*\)\.?$")
_NOTE = re.compile(r"\([^()]*€[^()]*\)\.?$")
_THRESHOLD = re.compile(r"(?:>=|≥|groter\s+(?:dan\s+)?of\s+gelijk\s+aan|vanaf)\s*€\s*([\d.]+)",
                        re.I)
_EURO = re.compile(r"€\s*(\d{1,3}(?:\.\d{3})*(?:,\d+)?)")
_NET = re.compile(r"per\s+saldo\s+(voordelig|nadelig|neutraal|voordeel|nadeel)\w*"
                  r"(?:[^€()]{0,40}€\s*(\d{1,3}(?:\.\d{3})*))?", re.I)
_NOTE_WORDS = re.compile(r"€|per\s+saldo|voorde(?:e|li)|nade(?:e|li)|neutraal|incidenteel"
                         r"|structureel|\blasten\b|\bbaten\b", re.I)
_GOOD = re.compile(r"voorde(?:e|li)", re.I)
_BAD = re.compile(r"nade(?:e|li)", re.I)


def net_amount(note: str) -> tuple[Decimal | None, bool]:
    """Net amount of a parenthesised note; ``ok`` False when several amounts leave it open."""
    note = re.sub(r"(\d)\s+\.(\d)", r"\1.\2", note)
    net = _NET.search(note)
    if net:
        word = net.group(1).lower()
        if word.startswith("neutra"):
            return Decimal(0), True
        if net.group(2):
            value = parse_number(net.group(2)).value
            if value is not None:
                return (value if _GOOD.match(word) else -value), True
    amounts = _EURO.findall(note)
    if len(amounts) == 1:
        value = parse_number(amounts[0]).value
        good, bad = bool(_GOOD.search(note)), bool(_BAD.search(note))
        if value is not None and good != bad:
            return (value if good else -value), True
    return None, not amounts


def incidental_in(note: str) -> bool | None:
    """"incidenteel" / "structureel" in the note, ``None`` when it says neither (or both)."""
    low = note.lower()
    one_off, lasting = "incidenteel" in low, "structureel" in low
    return one_off if one_off != lasting else None


def item_kind(note: str) -> Literal["lasten", "baten", "reserves", "other"] | None:
    """The side a note names: lasten, baten, reserves; "other" for several or "overig"."""
    low = note.lower()
    flags = [w for w in ("lasten", "baten", "reserve") if w in low]
    if len(flags) == 1:
        return "reserves" if flags[0] == "reserve" else flags[0]  # type: ignore[return-value]
    return "other" if flags or re.search(r"\boverig\b", low) else None


def split_item_header(parts: Sequence[str]) -> tuple[str, str]:
    """Title and parenthesised note of an item header ("Title (note)." -> both)."""
    text = join_lines(parts).rstrip(" .")
    if text.endswith(")"):
        depth = 0
        for i in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                return text[:i].strip(), text[i + 1:-1].strip()
    return text, ""


def threshold_in(heading: str, following: Sequence[str]) -> Decimal | None:
    """The threshold in the heading, else in one of the lines under it before the first item."""
    m = _THRESHOLD.search(heading)
    if m is None:
        for text in following[:3]:
            if _ITEM.match(text.strip()):
                break
            if m := _THRESHOLD.search(text):
                break
    return parse_number(m.group(1)).value if m else None


_SENTENCE_END = re.compile(r"(?:[a-z\u00e0-\u00ff]{3}|\d|\))\.(?:\s+(?=[A-Z\u20ac])|\s*$)")


def wrapped_title(first: str, following: Sequence[str]) -> list[tuple[str, str]]:
    """The parts of the ``following`` lines (at most 2) that continue a lettered item's title,
    each as ``(title part, text part)``; empty when the title is the first line alone.

    A title without a note that stops mid-sentence at the end of its line goes on to the end
    of that sentence ("a. De centraal begrote ... van € 100.000 is over de diverse" +
    "sportaccommodaties verantwoord. Dat heeft ..." is one title, and "Dat heeft ..." starts
    the text), and a title that wraps before its note ends with the note ("d. ... van €" +
    "100.000 is ... verantwoord (overig, per saldo neutraal)."). Only when the first line
    closes every parenthesis it opens and does not end with a full stop, and every
    continuation starts in lower case or with a digit (the item's text starts a sentence);
    when neither a sentence end nor a variance note comes within two lines, nothing is taken.
    """
    first = first.strip()
    if first.count("(") != first.count(")") or first.endswith((".", ")", ":", ";")):
        return []
    parts: list[tuple[str, str]] = []
    for line in following[:2]:
        text = line.strip()
        if not text or not (text[0].islower() or text[0].isdigit() or text[0] in "€("):
            return []
        if _ITEM.match(text) or _TAAKVELD.match(text):
            return []
        if text.endswith((")", ").")):
            _, note = split_item_header([first, *(p for p, _ in parts), text])
            if note and _NOTE_WORDS.search(note):
                return [*parts, (text, "")]
        end = _SENTENCE_END.search(text)
        if end is not None:
            return [*parts, (text[:end.start() + len(end.group(0).rstrip())].strip(),
                             text[end.end():].strip())]
        parts.append((text, ""))
    return []


@dataclass(frozen=True)
class AmountGap(Generic[L]):
    """An item whose note states no single net amount (the caller reports it)."""

    index: int
    line: L
    message: str


@dataclass
class ExplanationRead(Generic[L]):
    explanation: VarianceExplanation
    gaps: list[AmountGap[L]] = field(default_factory=list)
    other: list[L] = field(default_factory=list)
    """Lines read but no part of an item: introduction, taakveld subheadings, closing remark."""
    end: int = 0
    """Index in ``body`` of the first line not read (a heading, or ``len(body)``)."""


@dataclass
class _Draft(Generic[L]):
    lines: list[L]
    header: list[str]
    body: list[str] = field(default_factory=list)
    lead: list[L] = field(default_factory=list)
    """Text under the taakveld heading before this item ("In de begroting zijn de taakvelden
    ... samengevoegd"): the start of the item's text."""


def read_explanation(heading: L, body: Sequence[L], *, is_heading: Callable[[str], bool],
                     provenance: Callable[[Sequence[L]], Provenance | None],
                     ) -> ExplanationRead[L]:
    """The explanation under ``heading`` from ``body`` (the lines after it), up to the next
    heading (``is_heading``); the closing "De overige verschillen ..." ends the items."""
    threshold = threshold_in(heading.text, [ln.text for ln in body])
    items: list[_Draft[L]] = []
    other: list[L] = []
    in_header = False
    just_header = False  # the previous line was (part of) an item's heading
    closed = False  # after "De overige verschillen ...": text, no more items
    taakveld: L | None = None  # the taakveld heading just read
    open_item = False  # text continues the last item (not after a taakveld heading)
    pending: list[L] = []  # text under a taakveld heading, waiting for its first item
    wrapped: dict[int, tuple[str, str]] = {}  # body index -> (title part, text part)
    end = len(body)
    texts = [ln.text.strip() for ln in body]

    def start(draft: _Draft[L]) -> None:
        # prose under the taakveld heading ("... samengevat.") leads into the item; anything
        # else (a list of titles, as a summary table prints them) stays outside the items
        if pending and pending[-1].text.rstrip().endswith("."):
            draft.lead, draft.body = list(pending), [p.text.strip() for p in pending]
        else:
            other.extend(pending)
        pending.clear()
        items.append(draft)

    for k, ln in enumerate(body):
        text = ln.text.strip()
        if not text:
            continue
        if is_heading(text):
            end = k
            break
        if closed or _END.match(text):
            closed = True
            other.extend(pending)
            pending.clear()
            other.append(ln)
            continue
        previous_taakveld, taakveld = taakveld, None
        if items and k in wrapped:  # the rest of a lettered title (see wrapped_title)
            head, rest = wrapped.pop(k)
            items[-1].lines.append(ln)
            items[-1].header.append(head)
            if rest:
                items[-1].body.append(rest)
            just_header = not rest
            continue
        item = _ITEM.match(text)
        if item:
            start(_Draft([ln], [item.group(2)]))
            in_header = text.count("(") > text.count(")")
            if not in_header:
                following = [j for j in range(k + 1, min(k + 4, len(body))) if texts[j]][:2]
                parts = wrapped_title(text, [texts[j] for j in following])
                wrapped = dict(zip(following, parts, strict=False))
            just_header = open_item = True
        elif _TAAKVELD.match(text) and _NOTE.search(text):
            # "Taakveld 7.4 Milieubeheer (per saldo € 242.000 nadelig)": the taakveld is the item
            other.extend(pending)
            pending.clear()
            start(_Draft([ln], [text]))
            in_header, just_header, open_item = False, True, True
        elif _TAAKVELD.match(text):
            in_header = just_header = open_item = False
            taakveld = ln
            other.extend(pending)
            pending.clear()
            other.append(ln)
        elif _CODED.match(text) or (previous_taakveld is not None and _UNLETTERED.match(text)):
            start(_Draft([ln], [text]))
            in_header, just_header, open_item = False, True, True
        elif previous_taakveld is not None and text.startswith("("):
            # a net amount for the whole taakveld: an item titled with the taakveld
            other.remove(previous_taakveld)
            start(_Draft([previous_taakveld, ln], [previous_taakveld.text.strip(), text]))
            in_header = text.count("(") > text.count(")")
            just_header = open_item = True
        elif items and (in_header or (just_header and text.startswith("("))):
            items[-1].lines.append(ln)
            items[-1].header.append(text)
            joined = " ".join(items[-1].header)
            in_header = joined.count("(") > joined.count(")")
            just_header = True
        elif items and open_item:
            items[-1].lines.append(ln)
            items[-1].body.append(text)
            just_header = False
        elif previous_taakveld is not None or pending:
            pending.append(ln)  # under a taakveld heading, before its first item
        else:  # before the first item
            other.append(ln)
    other.extend(pending)
    out: list[VarianceItem] = []
    gaps: list[AmountGap[L]] = []
    for j, draft in enumerate(items):
        title, note = split_item_header(draft.header)
        amount, ok = net_amount(note or title)  # without a note the heading states it, if at all
        if amount is None:
            why = "several amounts and no net one" if not ok else "no amount"
            where = repr("(" + note[:80] + ")") if note else "its heading"
            gaps.append(AmountGap(j, draft.lines[0], f"explained item {title[:50]!r}: {why} in "
                                                     f"{where}; amount left empty"))
        out.append(VarianceItem(title=title, amount=amount,
                                kind=item_kind(note) if note else None,
                                incidental=incidental_in(note),
                                text=join_lines(draft.body) or None,
                                provenance=provenance([*draft.lead, *draft.lines])))
    explanation = VarianceExplanation(title=" ".join(heading.text.split()), threshold=threshold,
                                      items=tuple(out), provenance=provenance([heading]))
    return ExplanationRead(explanation, gaps, other, end)

"""Whether a variance is explained (toelichting op verschillen): the matching rule, in one place.

A variance of a programme's lasten (or baten, or reserves) is *explained* when the programme, or
one of its deelprogramma's, has:

1. ``VarianceItem``s of that kind (``kind="lasten"`` ...) — with amounts, their absolute amounts
   (in the table's units, like the table: "x € 1.000") must add up to at least ``variance.coverage``
   percent of the variance; without amounts, their presence explains it; or
2. ``VarianceItem``s without a kind whose title or text names the row ("lasten", "uitgaven",
   "kosten" for lasten; "baten", "inkomsten", "opbrengsten" for baten; "reserve" for reserves); or
3. a ``Section`` whose heading speaks of a toelichting / verschil / afwijking / analyse and whose
   text names the row the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rekenschap.model import Programme, RowKind, VarianceItem

_WORDS = {
    RowKind.LASTEN: re.compile(r"\b(lasten|uitgaven|kosten)\b", re.IGNORECASE),
    RowKind.BATEN: re.compile(r"\b(baten|inkomsten|opbrengsten)\b", re.IGNORECASE),
    RowKind.RESERVE_ADDITION: re.compile(r"\breserve", re.IGNORECASE),
    RowKind.RESERVE_WITHDRAWAL: re.compile(r"\breserve", re.IGNORECASE),
}
_ITEM_KIND = {
    RowKind.LASTEN: "lasten",
    RowKind.BATEN: "baten",
    RowKind.RESERVE_ADDITION: "reserves",
    RowKind.RESERVE_WITHDRAWAL: "reserves",
}
_SECTION = re.compile(r"toelichting|verschil|afwijking|analyse", re.IGNORECASE)


@dataclass(frozen=True)
class Explanation:
    """The outcome of matching: explained or not, and what was found."""

    explained: bool
    found: str
    """A short account for the message: "2 items (lasten), 389 of 702" / "no explanation"."""


def explain(programme: Programme, kind: RowKind, diff: Decimal, coverage: Decimal) -> Explanation:
    """Match ``programme``'s explanations against a variance ``diff`` (table units) of ``kind``."""
    words = _WORDS.get(kind)
    if words is None:
        return Explanation(False, "no explanation rule for this row")
    progs = programme.walk()
    items = [i for p in progs for e in p.explanations for i in e.items]
    typed = [i for i in items if i.kind == _ITEM_KIND[kind]]
    if typed:
        amounts = [abs(i.amount) for i in typed if i.amount is not None]
        if not amounts:
            return Explanation(True, f"{len(typed)} item(s) on {_ITEM_KIND[kind]}")
        covered = sum(amounts, Decimal(0))
        needed = abs(diff) * coverage / 100
        found = f"{len(typed)} item(s) on {_ITEM_KIND[kind]} covering {covered} of {abs(diff)}"
        return Explanation(covered >= needed, found)
    mentioned = [i for i in items if i.kind is None and words.search(_item_text(i))]
    if mentioned:
        return Explanation(True, f"{len(mentioned)} item(s) mentioning {_ITEM_KIND[kind]}")
    sections = [
        s for p in progs for s in p.sections if _SECTION.search(s.heading) and words.search(s.text)
    ]
    if sections:
        return Explanation(True, f"section {sections[0].heading!r}")
    return Explanation(False, "no explanation found")


def _item_text(item: VarianceItem) -> str:
    return f"{item.title} {item.text or ''}"

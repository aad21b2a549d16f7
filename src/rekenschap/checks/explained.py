"""Whether a variance is explained (toelichting op verschillen): the matching rule, in one place.

A variance of a programme's lasten (or baten, or reserves) is *explained* when the programme, or
one of its deelprogramma's, has:

1. ``VarianceItem``s of that kind (``kind="lasten"`` ...) whose absolute amounts, converted to
   whole euros by the item's ``unit`` (``None``: whole euros, as the toelichting prints them:
   "€ 40.000" is 40000; ``scale=1000``: 40 is 40000), add up to at least
   ``variance.coverage`` percent of the variance; or
2. any ``VarianceItem`` whose title or text names the row (lasten, uitgaven, kosten, besteding,
   inhuur for lasten; baten, inkomsten, opbrengst, ontvangen, uitkering, leges, heffing for baten;
   reserve for reserves) — per-saldo items cannot be added up, so a mention counts; or
3. ``VarianceItem``s of that kind without amounts; or
4. a ``Section`` whose heading speaks of a toelichting / verschil / afwijking / analyse and whose
   text names the row the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rekenschap.checks.amounts import euros
from rekenschap.model import Programme, RowKind, VarianceItem

_WORDS = {
    RowKind.LASTEN: re.compile(r"lasten\b|uitgaven|kosten\b|besteed|besteding|inhuur",
                               re.IGNORECASE),
    RowKind.BATEN: re.compile(r"baten\b|inkomsten|opbrengst|ontvang|uitkering|leges|heffing",
                              re.IGNORECASE),
    RowKind.RESERVE_ADDITION: re.compile(r"reserve", re.IGNORECASE),
    RowKind.RESERVE_WITHDRAWAL: re.compile(r"reserve", re.IGNORECASE),
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


def explain(programme: Programme, kind: RowKind, diff_euros: Decimal,
            coverage: Decimal) -> Explanation:
    """Match ``programme``'s explanations against a variance of ``kind`` (in euros)."""
    words = _WORDS.get(kind)
    if words is None:
        return Explanation(False, "no explanation rule for this row")
    progs = programme.walk()
    items = [i for p in progs for e in p.explanations for i in e.items]
    typed = [i for i in items if i.kind == _ITEM_KIND[kind]]
    amounts = [abs(e) for i in typed if (e := i.euros()) is not None]
    covered = sum(amounts, Decimal(0))
    if amounts and covered >= abs(diff_euros) * coverage / 100:
        return Explanation(True, f"{len(typed)} item(s) on {_ITEM_KIND[kind]} covering "
                                 f"{euros(covered)} of {euros(diff_euros)}")
    mentioned = next((i for i in items if words.search(_item_text(i))), None)
    if mentioned is not None:
        return Explanation(True, f"item {mentioned.title[:60]!r} mentions {_ITEM_KIND[kind]}")
    if typed and not amounts:
        return Explanation(True, f"{len(typed)} item(s) on {_ITEM_KIND[kind]}")
    sections = [s for p in progs for s in p.sections
                if _SECTION.search(s.heading) and words.search(s.text)]
    if sections:
        return Explanation(True, f"section {sections[0].heading!r}")
    if amounts:
        return Explanation(False, f"{len(typed)} item(s) on {_ITEM_KIND[kind]} cover only "
                                  f"{euros(covered)} of {euros(diff_euros)}")
    return Explanation(False, "no explanation found")


def _item_text(item: VarianceItem) -> str:
    return f"{item.title} {item.text or ''}"

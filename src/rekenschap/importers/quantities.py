"""Quantities (aantallen) mentioned in activity text: "> 100 eigen onderzoeken verricht".

A quantity is a number followed by the noun phrase it counts. The noun phrase is the words
right after the number, up to the first participle/verb, preposition, conjunction or
punctuation, at most three words. Years ("2025"), year ranges ("2023-2024"), numbers glued to
arrows ("->2025"), ordinals ("2e"), codes ("A12", "2.2"), dates ("1 januari") and numbers
without a following noun ("fase 2") are not quantities.
"""

from __future__ import annotations

import re

from rekenschap.model import Quantity
from rekenschap.model.numbers import parse_number

__all__ = ["find_quantities", "is_participle"]

_NUMBER = re.compile(
    r"(?P<comp>(?:>=|<=|\u2265|\u2264|>|<|\u00b1|ca\.|circa|ruim|bijna|meer\s+dan|minder\s+dan)"
    r"\s*)?"
    r"(?<![\w.,\-/>\u2013])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?![.,]\d)(?![\-\u2013/]\d)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w\-'\u2019]*")
_COMP_NORMAL = {"\u2265": ">=", "\u2264": "<=", "\u00b1": "ca.", "circa": "ca."}



def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP_WORDS = _words("""
    aan achter af bij binnen boven buiten door in langs met na naar naast om onder op over per
    rond sinds te tegen tijdens tot tussen uit van vanaf vanuit via voor zonder obv ivm mbt tov
    m.b.t. i.v.m. o.b.v. t.o.v. t.b.v. tbv en of maar want dus die dat welke waarvan waarbij
    waarin is zijn was waren wordt worden werd werden heeft hebben had hadden kan kunnen zal
    zullen moet moeten gaat gaan staat staan nog ook al reeds niet wel meer minder dan als
    jaar jaren maanden weken dagen uur
""")
_MONTHS = _words("""januari februari maart april mei juni juli augustus september oktober
    november december jan feb mrt apr jun jul aug sep sept okt nov dec""")
_ORDINAL = re.compile(r"^(?:e|de|ste|te)$")
_PARTICLE = r"(?:aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|voor|weg|samen|vast|tegen)"
_PARTICIPLE = re.compile(
    rf"^{_PARTICLE}?ge\w{{2,}}[dt]$"          # getraind, uitgevoerd, opgelegd, afgerond
    rf"|^{_PARTICLE}?ge\w{{2,}}(?:gen|den|ten|ken|pen|ven|zen|nen|ren|len)$"  # gestegen
    r"|^(?:be|ver|ont|her|er)\w{2,}[dt]$"      # verricht, ontwikkeld, besteed
    r"|^\w+(?:eerd|eert)$",                    # gerealiseerd, geactualiseerd
    re.IGNORECASE,
)
_NOT_PARTICIPLE = frozenset({"gebied", "gezondheid", "geld", "gesprekken", "gemeenten",
                             "gezinnen", "gebouwen", "gebieden", "bedrijven", "beleid",
                             "bestand", "verband", "verbod", "vervoer", "gebruik", "gericht"})


def is_participle(word: str) -> bool:
    """A rough Dutch past-participle test ("getraind", "uitgevoerd", "verricht")."""
    low = word.lower()
    if low in _NOT_PARTICIPLE - {"gericht"}:
        return False
    return bool(_PARTICIPLE.match(low))


def _noun_after(text: str, pos: int) -> tuple[str | None, int]:
    """The noun phrase starting at ``pos`` (after the number) and where it ends."""
    words: list[str] = []
    end = pos
    i = pos
    while len(words) < 3:
        gap = re.match(r"[ \t]*", text[i:])
        j = i + (gap.end() if gap else 0)
        m = _WORD.match(text, j)
        if not m:
            break
        if words and j == i:
            break  # no space between words: not a new word
        word = m.group(0).rstrip("-")
        low = word.lower()
        if low in _STOP_WORDS or low in _MONTHS or is_participle(word):
            break
        if not words and _ORDINAL.match(low) and j == pos:
            return None, pos  # "2e", "3de"
        words.append(word)
        end = j + len(word)
        i = end
        if end < len(text) and text[end] in ",.;:()!?":
            break
    return (" ".join(words) if words else None), end


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in printed order.

    >>> [(q.value, q.comparator, q.noun) for q in find_quantities("> 100 eigen onderzoeken")]
    [(Decimal('100'), '>', 'eigen onderzoeken')]
    """
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        num = m.group("num")
        start = m.start("num")
        if start >= 2 and text[start - 2:start] in {"->", "=>"}:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", num):
            continue  # a year
        after = text[m.end():m.end() + 1]
        if after and after in "%":
            continue
        noun, end = _noun_after(text, m.end())
        if noun is None:
            continue
        parsed = parse_number(num)
        if parsed.value is None:
            continue
        comp_raw = m.group("comp")
        comparator = None
        if comp_raw:
            c = " ".join(comp_raw.split()).lower()
            comparator = _COMP_NORMAL.get(c, c)
        span_start = m.start("comp") if comp_raw else start
        found.append(Quantity(value=parsed.value, comparator=comparator, noun=noun,
                              text=text[span_start:end]))
    return tuple(found)

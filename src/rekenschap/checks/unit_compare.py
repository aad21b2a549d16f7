"""Do two printed units measure the same thing? Lenient on wording, strict on substance.

Documents word units freely ("Aantal per 1.000 inwoners in de leeftijd 15 – 64 jaar" is BBV's
"per 1.000 inwoners 15-64 jaar"); what matters is the kind (rate, %, euro, kg), the base ("per
1.000" vs "per 10.000"), the population (inwoners vs jongeren) and the age range (15-64 vs 15-65).
A part the printed unit leaves out (no age range) is no difference; a part stated otherwise is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rekenschap.model import Unit

_NOUNS = ("beroepsbevolking", "bevolking", "inwoner", "jongere", "leerling", "kinderen", "kind",
          "woning", "huishouden", "deelnemer", "leeftijdsgenot")
_KIND = {"rate": "rate (per N)", "percent": "percentage", "currency": "euro amount",
         "mass": "mass (kg)", "other": "a count or unclear unit"}
_NOUN_NORMAL = {"kinderen": "kind", "leeftijdsgenot": "leeftijdsgenot"}


@dataclass(frozen=True)
class UnitFacts:
    kind: str  # rate | percent | currency | mass | other
    per: int | None
    noun: str | None
    ages: tuple[int, int | None] | None
    thousand: bool


def facts_of(unit: Unit) -> UnitFacts:
    """The substance of a unit, read from its printed label (or its description)."""
    text = (unit.label or unit.describe()).lower()
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("(\u20ac)", "")
    text = re.sub(r"(?<=[a-z]{2})\s*/\s*(?=[a-z])", " per ", text)  # kg/inwoner, not t/m
    ages = _ages(text)
    per_m = re.search(r"\bper\s+(\d{1,3}(?:\.\d{3})+|\d+)\b", text)
    noun = next((_NOUN_NORMAL.get(n, n) for n in _NOUNS if re.search(rf"\b{n}", text)), None)
    thousand = "duizend" in text
    if "%" in text or "percentage" in text:
        kind, per = "percent", None
    elif per_m:
        kind, per = "rate", int(per_m.group(1).replace(".", ""))
    elif re.search(r"\bper\s+[a-z]", text):
        kind, per = "rate", 1
    elif "\u20ac" in text or "euro" in text:
        kind, per = "currency", None
    elif re.search(r"\bkg\b", text):
        kind, per = "mass", None
    else:
        kind, per = "other", None
    if kind == "rate" and re.search(r"\bkg\b", text):
        kind = "mass"
    return UnitFacts(kind, per, noun, ages, thousand)


def _ages(text: str) -> tuple[int, int | None] | None:
    m = re.search(r"(\d+)\s*(-|t/m|tot en met|tot)\s*(\d+)(?:-jarig|\s*jaar|\b)", text)
    if m:
        low, op, high = int(m.group(1)), m.group(2), int(m.group(3))
        return low, high - 1 if op == "tot" else high
    m = re.search(r"(\d+)\s*jaar\s+(?:en\s+)?ouder", text)
    if m:
        return int(m.group(1)), None
    m = re.search(r"\btot\s+(\d+)\s*jaar", text)
    if m:
        return 0, int(m.group(1)) - 1
    return None


def differences(printed: Unit, expected: Unit) -> list[str]:
    """What the printed unit states differently from the expected one (empty: they agree)."""
    a, b = facts_of(printed), facts_of(expected)
    out: list[str] = []
    if a.kind != b.kind and {a.kind, b.kind} != {"rate", "mass"}:
        return [f"not a {_KIND[b.kind]} but {_KIND[a.kind]}"]
    if a.per is not None and b.per is not None and a.per != b.per:
        out.append(f"per {a.per:,} instead of per {b.per:,}".replace(",", "."))
    if a.noun and b.noun and a.noun != b.noun:
        out.append(f"population '{a.noun}' instead of '{b.noun}'")
    if a.ages and b.ages and a.ages != b.ages:
        out.append(f"ages {_show(a.ages)} instead of {_show(b.ages)}")
    if a.thousand != b.thousand and a.kind == "currency":
        out.append("a different scale (duizend)")
    return out


def _show(ages: tuple[int, int | None]) -> str:
    return f"{ages[0]}-{ages[1]}" if ages[1] is not None else f"{ages[0]}+"

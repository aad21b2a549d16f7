"""Dutch number handling in one place: parsing what documents print, formatting for output.

Dutch notation groups thousands with a dot and uses a comma as the decimal sign
("42.668" is forty-two thousand six hundred sixty-eight; "5,7" is five point seven).
Parsing is deliberately strict: anything that is not clearly a number yields ``value=None``
so callers can report it instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

__all__ = [
    "NUMBER_TEXT",
    "NUMBER_TOKEN",
    "ParsedNumber",
    "format_amount",
    "format_number",
    "format_percent",
    "parse_number",
    "parse_scale",
]

_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " "})

_COMPARATORS = (">=", "<=", "\u2265", "\u2264", ">", "<", "\u00b1", "ca.", "circa", "ruim", "bijna")
_COMPARATOR_NORMAL = {"\u2265": ">=", "\u2264": "<=", "circa": "ca.", "\u00b1": "ca."}

_NOT_KNOWN = {
    "n.n.b.": "n.n.b.", "n.n.b": "n.n.b.", "nnb": "n.n.b.", "n.b.": "n.n.b.", "nb": "n.n.b.",
    "onbekend": "n.n.b.", "?": "n.n.b.", "n.v.t.": "n.v.t.", "nvt": "n.v.t.", "n.a.": "n.v.t.",
}

_DUTCH_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DUTCH_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_POINT_DECIMAL = re.compile(r"^\d+\.\d+$")
_SPACED_COMMA = re.compile(r"^(\d+), (\d+)$")

_NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
NUMBER_TOKEN = re.compile(
    rf"(?<![\w.,+\-\u2212])[-+\u2212]?(?:\({_NUM}\)|{_NUM}(?![\w]|[.,]\d|-\d))"
)
"""Finds Dutch-formatted numbers inside running text ("42.668", "-4.346", "5,7", "(1.234)")."""

_BARE = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?|[0-9]+\.[0-9]+"
NUMBER_TEXT = f"^(?:[-+\u2212]?(?:{_BARE})|\\((?:{_BARE})\\))$(?!\n)"
"""A whole string that is one bare number: "42.668" (Dutch grouping), "5,7", "-1.234,5",
"(1.234)" (negative, as accounts print it), or a point decimal "0.12345678901234567891" (the
exact JSON form); no unit, comparator or spaces.

Written for both Python ``re`` and ECMA-262 (JSON Schema ``pattern``): ASCII digits only, and
``(?!\\n)`` because Python's ``$`` also matches before a final newline.
"""


@dataclass(frozen=True)
class ParsedNumber:
    """The result of reading one printed number.

    ``value`` is ``None`` when the text is not a number (``qualifier`` then says why, e.g.
    ``"n.n.b."`` or ``"nil"`` for a lone dash). ``comparator`` keeps "> 100"-style bounds.
    """

    text: str
    value: Decimal | None
    comparator: str | None = None
    percent: bool = False
    currency: bool = False
    qualifier: str | None = None
    point_decimal: bool = False
    """True when a dot was read as a decimal point ("5.7"), which is not Dutch notation."""

    @property
    def ok(self) -> bool:
        return self.value is not None


def parse_number(text: str) -> ParsedNumber:
    """Parse one printed number the way a Dutch reader would.

    >>> parse_number("42.668").value
    Decimal('42668')
    >>> parse_number("(1.234)").value
    Decimal('-1234')
    >>> parse_number("5, 4").value
    Decimal('5.4')
    >>> parse_number("> 100").comparator
    '>'
    """
    original = text
    s = text.translate(_MINUS).strip()
    low = s.lower()
    if low in _NOT_KNOWN:
        return ParsedNumber(original, None, qualifier=_NOT_KNOWN[low])
    if s in {"-", "--", "\u2014"}:
        return ParsedNumber(original, None, qualifier="nil")

    comparator: str | None = None
    for comp in _COMPARATORS:
        if low.startswith(comp):
            comparator = _COMPARATOR_NORMAL.get(comp, comp)
            s = s[len(comp):].strip()
            low = s.lower()
            break

    currency = False
    if s.startswith("\u20ac") or low.startswith("eur "):
        currency = True
        s = s[1:].strip() if s.startswith("\u20ac") else s[4:].strip()

    percent = False
    if s.endswith("%"):
        percent = True
        s = s[:-1].strip()

    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s.startswith("-"):
        negative, s = not negative, s[1:].strip()
    elif s.startswith("+"):
        s = s[1:].strip()
    elif s.endswith("-") and len(s) > 1:
        negative, s = True, s[:-1].strip()
    if s.startswith("\u20ac"):
        currency, s = True, s[1:].strip()

    spaced = _SPACED_COMMA.match(s)
    if spaced:
        s = f"{spaced.group(1)},{spaced.group(2)}"

    point_decimal = False
    if _DUTCH_GROUPED.match(s) or _DUTCH_PLAIN.match(s):
        digits = s.replace(".", "").replace(",", ".")
    elif _POINT_DECIMAL.match(s):
        digits, point_decimal = s, True
    else:
        return ParsedNumber(original, None, comparator, percent, currency, qualifier="not-a-number")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns above only admit valid digits
        return ParsedNumber(original, None, comparator, percent, currency, qualifier="not-a-number")
    if negative:
        value = value.copy_negate()  # exact: unary minus would round to the context
    return ParsedNumber(original, value, comparator, percent, currency, None, point_decimal)


_SCALE_WORDS = {
    "1": 1,
    "1.000": 1_000,
    "1000": 1_000,
    "duizend": 1_000,
    "1.000.000": 1_000_000,
    "1 mln": 1_000_000,
    "mln": 1_000_000,
    "miljoen": 1_000_000,
    "1 miljoen": 1_000_000,
}
_SCALE = re.compile(
    r"x\s*(?:\u20ac|eur\b|euro\b)?\s*"
    r"(1\.000\.000|1\.000|1000|1 mln|1 miljoen|mln|miljoen|duizend|1)\b",
    re.IGNORECASE,
)


def parse_scale(text: str) -> int | None:
    """Read a currency scale line: "bedragen x € 1.000" -> 1000; ``None`` when absent."""
    m = _SCALE.search(text.translate(_MINUS))
    if not m:
        return None
    return _SCALE_WORDS[m.group(1).lower()]


@lru_cache(maxsize=32)
def _pattern(decimals: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


@lru_cache(maxsize=8)
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def format_number(value: Decimal | int | float, decimals: int | None = None,
                  locale: str = "nl") -> str:
    """Format the Dutch way by default ("42.668", "5,7"); ``decimals`` fixes the precision."""
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    if decimals is None:
        exp = dec.as_tuple().exponent
        decimals = max(0, -exp) if isinstance(exp, int) else 0
    # Half away from zero, as financial statements round (Babel alone would round half-even).
    dec = dec.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if dec.is_signed() and dec.is_zero():
        dec = abs(dec)  # no "-0,0" for a small negative that rounds to zero
    return str(_pattern(decimals).apply(dec, _locale(locale)))


def format_amount(value: Decimal | int, locale: str = "nl") -> str:
    """A whole amount in its stated scale, grouped: -4346 -> "-4.346"."""
    return format_number(value, 0, locale)


def format_percent(value: Decimal | float, decimals: int = 1, locale: str = "nl") -> str:
    """``value`` already in percent units: 12.4 -> "12,4%"."""
    return format_number(value, decimals, locale) + "%"

"""Locale-aware formatting for every output, on top of ``rekenschap.model.numbers``.

No output module formats a number itself: it asks a :class:`Formatter`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from rekenschap.model import MoneyUnit, Observation, Unit, UnitKind
from rekenschap.model.numbers import format_amount, format_number
from rekenschap.render.messages import Lang, message

_LOCALE = {"nl": "nl_NL", "en": "en_GB"}


@dataclass(frozen=True)
class Formatter:
    """Formats numbers, amounts and units in one language (Dutch by default)."""

    lang: Lang = "nl"

    @property
    def locale(self) -> str:
        return _LOCALE[self.lang]

    def amount(self, value: Decimal | None) -> str:
        """A whole amount in its scale ("-4.346"); an empty string for a blank cell."""
        if value is None:
            return ""
        if value != value.to_integral_value():
            return format_number(value, None, self.locale)
        return format_amount(value, self.locale)

    def number(self, value: Decimal | None, decimals: int | None = None) -> str:
        """A number with the decimals it was printed with ("5,7")."""
        if value is None:
            return ""
        return format_number(value, decimals, self.locale)

    def percent(self, value: Decimal, decimals: int = 1) -> str:
        return format_number(value, decimals, self.locale) + "%"

    def money_unit(self, unit: MoneyUnit) -> str:
        """"€ 1.000" for a scale of 1000, "€" for plain euros (other currencies by code)."""
        sign = "€" if unit.currency == "EUR" else unit.currency
        if unit.scale == 1:
            return sign
        return f"{sign} {format_amount(Decimal(unit.scale), self.locale)}"

    def money(self, value: Decimal, unit: MoneyUnit) -> str:
        """An amount with its scale spelt out: 50000 euros -> "€ 50.000"."""
        sign = "€" if unit.currency == "EUR" else unit.currency
        return f"{sign} {self.amount(value * unit.scale)}"

    def unit(self, unit: Unit | None) -> str:
        if unit is None:
            return ""
        if unit.label:
            return unit.label
        if unit.kind in (UnitKind.RATE, UnitKind.PERCENTAGE) and (unit.per or unit.population):
            return unit.describe()
        return message(f"unit.{unit.kind.value}", self.lang)

    def observation(self, obs: Observation) -> str:
        """The value as a reader should see it: the number, or its qualifier (n.n.b.)."""
        if obs.value is None:
            return obs.qualifier.value if obs.qualifier else message("fin.blank", self.lang)
        text = self.number(obs.value)
        if obs.qualifier is not None:
            text += f" ({obs.qualifier.value})"
        return text


def slugify(text: str, fallback: str = "pagina") -> str:
    """A file-name-safe ASCII slug: "2.2 Veiligheid & Zorg" -> "2-2-veiligheid-zorg"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or fallback

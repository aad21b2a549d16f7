"""Which variances must be explained: the local rule of the financiële verordening, as data.

A rule has an absolute threshold (euros, reached when the difference is at least that), a relative
one (percent of the begroting na wijziging, reached when exceeded) and a floor below which nothing
needs explaining. ``combine="any"``: either threshold triggers; ``"all"``: both must. Examples:
Wassenaar ">= € 50.000" is ``absolute=50000, relative=None``; Nieuwkoop "> 5% unless < € 15.000"
is ``relative=5, floor=15000``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rekenschap import catalogue
from rekenschap.checks.config import CheckConfig
from rekenschap.model.numbers import format_amount, format_number


@dataclass(frozen=True)
class Threshold:
    absolute: Decimal | None
    relative: Decimal | None
    floor: Decimal | None
    combine: str = "any"
    source: str = "rekenschap default"
    absolute_inclusive: bool = True
    relative_inclusive: bool = False

    def requires_explanation(self, diff_euros: Decimal, budget_euros: Decimal) -> bool:
        size = abs(diff_euros)
        if size == 0 or (self.floor is not None and size < self.floor):
            return False
        tests: list[bool] = []
        if self.absolute is not None:
            tests.append(size >= self.absolute if self.absolute_inclusive
                         else size > self.absolute)
        if self.relative is not None:
            share = size / abs(budget_euros) * 100 if budget_euros else None
            tests.append(share is not None and (share >= self.relative if self.relative_inclusive
                                                else share > self.relative))
        if not tests:
            return False
        return all(tests) if self.combine == "all" else any(tests)

    def describe(self) -> str:
        parts = []
        if self.absolute is not None:
            op = ">=" if self.absolute_inclusive else ">"
            parts.append(f"{op} € {format_amount(self.absolute)}")
        if self.relative is not None:
            op = ">=" if self.relative_inclusive else ">"
            parts.append(f"{op} {format_number(self.relative)}%")
        text = (" and " if self.combine == "all" else " or ").join(parts) or "none"
        if self.floor is not None:
            text += f", unless < € {format_amount(self.floor)}"
        return f"{text} ({self.source})"


def threshold_for(config: CheckConfig, cbs_code: str | None) -> Threshold:
    """The rule for a municipality: file section > catalogue rule > file global > default."""
    local = config.municipalities.get(cbs_code or "", {})
    variance_keys = {"variance_absolute", "variance_relative", "variance_floor", "variance_combine"}
    if not variance_keys & set(local) and config.use_catalogue_thresholds and cbs_code:
        rule = _catalogue_rule(cbs_code)
        if rule is not None:
            return rule
    resolved = config.for_municipality(cbs_code)
    source = (
        ("rekenschap.toml [municipality." + (cbs_code or "") + "]")
        if variance_keys & set(local)
        else (
            "rekenschap.toml"
            if any(n.startswith("variance.") for n in config.explicit)
            else "rekenschap default"
        )
    )
    return Threshold(
        resolved.variance_absolute,
        resolved.variance_relative,
        resolved.variance_floor,
        resolved.variance_combine,
        source,
    )


def _catalogue_rule(cbs_code: str) -> Threshold | None:
    """The municipality's rule from the BBV catalogue; ``None`` for the catalogue's default."""
    rule = catalogue.variance_rule(cbs_code)
    if rule.is_default:
        return None
    return Threshold(rule.absolute, rule.relative, rule.floor, rule.combine,
                     f"catalogue: {rule.text or rule.municipality or cbs_code}",
                     rule.absolute_inclusive, rule.relative_inclusive)

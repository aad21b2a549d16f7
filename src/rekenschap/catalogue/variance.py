"""Local rules for which variances must be explained (toelichting op verschillen), as data.

Data: ``catalogue/data/thresholds.yaml``, keyed by CBS municipality code. Amounts in euros.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Literal

from pydantic import Field

from rekenschap.catalogue._data import read_yaml
from rekenschap.model.base import Frozen, Number

__all__ = ["VarianceRule", "variance_rule", "variance_rules"]


class VarianceRule(Frozen):
    """A threshold: ``absolute`` euros and/or ``relative`` percent of the amended budget,
    with a ``floor`` below which nothing needs explaining ("unless < € 15.000")."""

    cbs_code: str | None = Field(default=None, pattern=r"^GM\d{4}$")
    municipality: str | None = None
    absolute: Number | None = None
    absolute_inclusive: bool = True
    relative: Number | None = None
    relative_inclusive: bool = False
    floor: Number | None = None
    combine: Literal["any", "all"] = "any"
    applies_to: Literal["difference", "overrun"] = "difference"
    text: str | None = None
    """The rule as the municipality words it."""
    note: str | None = None
    seen: str | None = None
    source: str | None = None
    is_default: bool = False

    def requires_explanation(self, difference: Decimal, budget: Decimal | None = None) -> bool:
        """Whether a difference (euros) against ``budget`` (begroting na wijziging) must be
        explained; a relative rule without a known non-zero budget does not trigger."""
        size = abs(difference)
        if size == 0 or (self.floor is not None and size < self.floor):
            return False
        tests: list[bool] = []
        if self.absolute is not None:
            tests.append(size >= self.absolute if self.absolute_inclusive else size > self.absolute)
        if self.relative is not None:
            share = size / abs(budget) * 100 if budget else None
            tests.append(share is not None and (
                share >= self.relative if self.relative_inclusive else share > self.relative))
        if not tests:
            return False
        return all(tests) if self.combine == "all" else any(tests)


class _RuleFile(Frozen):
    source: str
    default: VarianceRule
    rules: tuple[VarianceRule, ...]


@cache
def _file() -> _RuleFile:
    return _RuleFile.model_validate(read_yaml("thresholds.yaml"))


@cache
def _by_code() -> dict[str, VarianceRule]:
    data = _file()
    return {r.cbs_code: r.model_copy(update={"source": data.source})
            for r in data.rules if r.cbs_code}


def variance_rules() -> tuple[VarianceRule, ...]:
    """Every municipality's rule in the catalogue."""
    return tuple(_by_code().values())


def variance_rule(cbs_code: str | None) -> VarianceRule:
    """The municipality's rule, or the documented default (``is_default=True``)."""
    found = _by_code().get((cbs_code or "").strip().upper())
    if found is not None:
        return found
    data = _file()
    return data.default.model_copy(update={"source": data.source, "is_default": True})

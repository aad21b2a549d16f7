"""Shared base for every domain class: frozen, strict about unknown fields."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer


class Frozen(BaseModel):
    """Immutable domain object; unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _decimal_to_json(value: Decimal) -> int | float | str:
    """Integral amounts stay integers; others become the shortest float that round-trips.

    A fraction that no float holds exactly (more than ~15 significant digits) is written as a
    string, which the loader reads back exactly: the JSON stays lossless.
    """
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return str(value)


def _coerce_decimal(value: Any) -> Any:
    """Accept ints, floats (via their shortest repr), Decimals and Dutch-formatted strings."""
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        # Local import keeps base free of cycles; numbers imports nothing from the model.
        from rekenschap.model.numbers import parse_number

        parsed = parse_number(value)
        if parsed.value is None:
            raise ValueError(f"not a number: {value!r}")
        return parsed.value
    return value


Number = Annotated[
    Decimal,
    BeforeValidator(_coerce_decimal),
    PlainSerializer(_decimal_to_json, when_used="json"),
]
"""An exact number. JSON/YAML carry it as a plain number; Dutch strings like "42.668" are read."""

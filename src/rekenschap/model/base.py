"""Shared base for every domain class: frozen, strict about unknown fields."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    WithJsonSchema,
)

from rekenschap.model.numbers import NUMBER_TEXT, parse_number


class Frozen(BaseModel):
    """Immutable domain object; unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _decimal_to_json(value: Decimal) -> int | float | str:
    """Integral amounts stay integers; others become the shortest float that round-trips.

    A fraction that no float holds exactly (more than ~15 significant digits) is written as a
    positional string ("0.12345678901234567891", never "1.2E-10"), which the loader reads back
    exactly: the JSON stays lossless. Such a string always matches ``OUTPUT_STRING_PATTERN``.
    """
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return format(value, "f")


OUTPUT_STRING_PATTERN = "^-?[0-9]+\\.[0-9]+$(?!\n)"
"""The only strings the JSON form writes for a ``Number`` (see ``_decimal_to_json``)."""

_BARE_NUMBER = re.compile(NUMBER_TEXT)


def _coerce_decimal(value: Any) -> Any:
    """Accept ints, floats (via their shortest repr), Decimals and bare number strings.

    A string must be one number and nothing else (``NUMBER_TEXT``: "42.668", "5,7", "-0.125"):
    "> 100", "€ 5" or "12%" are refused rather than silently losing the comparator, currency or
    percent sign.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        parsed = parse_number(value) if _BARE_NUMBER.fullmatch(value) else None
        if parsed is None or parsed.value is None:
            raise ValueError(
                f"not a number: {value!r} (write digits only, like 42.668, 5,7 or -0.125)")
        return parsed.value
    return value


Number = Annotated[
    Decimal,
    BeforeValidator(_coerce_decimal),
    PlainSerializer(_decimal_to_json, when_used="json"),
    WithJsonSchema({"anyOf": [
        {"type": "number"}, {"type": "string", "pattern": NUMBER_TEXT}]}, mode="validation"),
    WithJsonSchema({"anyOf": [
        {"type": "number"}, {"type": "string", "pattern": OUTPUT_STRING_PATTERN}]},
        mode="serialization"),
]
"""An exact number. JSON/YAML carry it as a plain number; Dutch strings like "42.668" are read.

The JSON Schema says exactly that: on input a number or a bare number string (``NUMBER_TEXT``);
on output a number, or a positional decimal string when no float holds the value exactly."""


def _whole_number(value: Any) -> Any:
    """Refuse text and booleans where the schema says integer.

    pydantic's lax mode would read "5" and ``True`` as numbers; the published JSON Schema says
    ``integer``, so they are errors. A JSON number with a zero fraction (``5.0``) stays accepted,
    as JSON Schema's ``integer`` accepts it.
    """
    if isinstance(value, str | bool):
        raise ValueError(f"not a whole number: {value!r}")
    return value


PositiveInt = Annotated[int, Field(ge=1), BeforeValidator(_whole_number)]
"""A whole number >= 1 as the JSON Schema says: a JSON integer (or 5.0), never text or
true/false (page, line, scale, "per 1.000")."""

Year = Annotated[int, Field(ge=1900, le=2200), BeforeValidator(_whole_number)]
"""A year from 1900 to 2200, a whole number as :data:`PositiveInt` is."""

Coordinate = Annotated[float, Strict()]
"""A number (int or float), never text or true/false: a bounding-box coordinate in PDF points."""

"""``Number``'s JSON Schema says exactly what the model reads and writes (issue 2)."""

from __future__ import annotations

import re
from decimal import Decimal

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from rekenschap.model.base import OUTPUT_STRING_PATTERN, Number
from rekenschap.model.numbers import NUMBER_TEXT

NUMBER = pydantic.TypeAdapter(Number)
INPUT = Draft202012Validator(NUMBER.json_schema(mode="validation"))
OUTPUT = Draft202012Validator(NUMBER.json_schema(mode="serialization"))


def _accepted(value: object) -> bool:
    try:
        NUMBER.validate_python(value)
    except pydantic.ValidationError:
        return False
    return True


@pytest.mark.parametrize("text", [
    "42.668", "5,7", "-1.234,5", "\u22124.346", "+12", "0.12345678901234567891", "7",
    "(1.234)"])
def test_bare_number_strings_are_read_and_admitted_by_the_schema(text: str) -> None:
    assert _accepted(text) and INPUT.is_valid(text)


@pytest.mark.parametrize("text", [
    "", " 5", "5 ", "> 100", "\u20ac 5", "12%", "-(1.234)", "n.n.b.", "1e5", "1E-7", "4.3x",
    "\u0663", "5\n", "5, 4", "1.2.3"])
def test_other_strings_are_refused_by_model_and_schema_alike(text: str) -> None:
    assert not _accepted(text)
    assert not INPUT.is_valid(text)


def test_refusal_names_the_value_and_the_expected_form() -> None:
    with pytest.raises(pydantic.ValidationError, match=r"not a number: '> 100' \(write digits"):
        NUMBER.validate_python("> 100")


def test_tiny_fraction_is_written_positionally_and_reads_back() -> None:
    """``str(Decimal)`` would write "1.2345678901234567890E-10", which nothing reads back."""
    value = Decimal("1.2345678901234567890E-10")
    dumped = NUMBER.dump_json(value).decode()
    assert dumped == '"0.00000000012345678901234567890"'
    assert NUMBER.validate_json(dumped) == value


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_every_written_form_is_valid_output_and_valid_input_and_exact(value: Decimal) -> None:
    dumped = NUMBER.dump_python(value, mode="json")
    assert OUTPUT.is_valid(dumped) and INPUT.is_valid(dumped)
    if isinstance(dumped, str):
        assert re.fullmatch(OUTPUT_STRING_PATTERN, dumped)
    assert NUMBER.validate_json(NUMBER.dump_json(value)) == value


@given(st.text(max_size=12))
def test_schema_and_model_agree_on_any_string(text: str) -> None:
    assert _accepted(text) == INPUT.is_valid(text) == bool(re.fullmatch(NUMBER_TEXT, text))


@pytest.mark.parametrize(("data", "ok"), [
    ({"page": 5}, True), ({"page": 5.0}, True), ({"page": "5"}, False), ({"page": True}, False),
    ({"bbox": [1, 2.5, 3, 4]}, True), ({"bbox": [False, 1, 2, 3]}, False),
    ({"bbox": ["0", 1, 2, 3]}, False)])
def test_integers_and_coordinates_are_what_the_schema_says(data: dict[str, object],
                                                           ok: bool) -> None:
    """JSON Schema's ``integer`` and ``number`` admit neither text nor true/false; the model
    (lax otherwise) now refuses them too, so the API's negative tests hold (issue 2)."""
    from rekenschap.model import Provenance

    schema = Draft202012Validator(Provenance.model_json_schema())
    assert schema.is_valid(data) is ok
    try:
        Provenance.model_validate(data)
    except pydantic.ValidationError:
        assert not ok
    else:
        assert ok

"""Write a ``Report`` in the native formats: JSON (interchange) and YAML (authoring).

Both are lossless: reading the output back gives an equal model, and writing that model again
gives the same bytes. Amounts are exact: a ``Decimal`` is written as a plain number in its
shortest exact form (``42668``, ``5.7``); in YAML a number a float cannot hold exactly is written
as a Dutch decimal string (``"0,12345678901234567891"``), which the loader reads back exactly.
"""

from __future__ import annotations

import json
from decimal import Decimal
from enum import Enum
from typing import Any

import yaml

from rekenschap.model import SCHEMA_ID, Report

__all__ = ["dump_json", "dump_yaml", "plain_data"]


def plain_data(report: Report, *, exclude_defaults: bool = False) -> dict[str, Any]:
    """The report as plain dicts/lists/str/int/bool/None with exact ``Decimal`` amounts."""
    raw = report.model_dump(mode="python", by_alias=True, exclude_defaults=exclude_defaults)
    data: dict[str, Any] = {"schema": SCHEMA_ID}
    data.update(_plain(raw))
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return _canonical(value)
    return value


class _Exact(str):
    """The canonical text of a Decimal (no exponent, no trailing zeros)."""


def _canonical(value: Decimal) -> _Exact:
    """Exact digits without exponent or trailing zeros; independent of the decimal context."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite amount: {value}")
    number = int("".join(map(str, digits)) or "0")
    while exponent < 0 and number and number % 10 == 0:
        number, exponent = number // 10, exponent + 1
    if number == 0:
        return _Exact("0")
    if exponent >= 0:
        text = str(number) + "0" * exponent
    else:
        text = str(number).rjust(1 - exponent, "0")
        text = f"{text[:exponent]}.{text[exponent:]}"
    return _Exact(("-" if sign else "") + text)


# --------------------------------------------------------------------------- JSON

def dump_json(report: Report) -> str:
    """Indented JSON (2 spaces, model field order, UTF-8 text, every field) ending in a newline."""
    parts: list[str] = []
    _emit_json(plain_data(report), 0, parts)
    parts.append("\n")
    return "".join(parts)


def _emit_json(value: Any, depth: int, out: list[str]) -> None:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{\n")
        for i, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{json.dumps(key, ensure_ascii=False)}: ")
            _emit_json(item, depth + 1, out)
            out.append(",\n" if i < len(value) - 1 else "\n")
        out.append(pad + "}")
    elif isinstance(value, list):
        if not value:
            out.append("[]")
            return
        out.append("[\n")
        for i, item in enumerate(value):
            out.append(inner)
            _emit_json(item, depth + 1, out)
            out.append(",\n" if i < len(value) - 1 else "\n")
        out.append(pad + "]")
    elif isinstance(value, _Exact):
        out.append(str.__str__(value))
    else:
        out.append(json.dumps(value, ensure_ascii=False, allow_nan=False))


# --------------------------------------------------------------------------- YAML

class _Dumper(yaml.SafeDumper):
    """Block style with indented sequences (``key:\\n  - item``), easier to read and edit."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_exact(dumper: yaml.SafeDumper, value: _Exact) -> yaml.ScalarNode:
    text = str.__str__(value)
    if "." not in text:
        return dumper.represent_scalar("tag:yaml.org,2002:int", text)
    if Decimal(repr(float(text))) == Decimal(text):
        return dumper.represent_scalar("tag:yaml.org,2002:float", text)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text.replace(".", ","))


_ODD_BREAKS = frozenset("\r\x85\u2028\u2029")
"""Characters YAML reads as line breaks; only a double-quoted scalar keeps them exactly."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = "|" if "\n" in value else None
    if _ODD_BREAKS.intersection(value):
        style = '"'

    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(_Exact, _represent_exact)
_Dumper.add_representer(str, _represent_str)


def dump_yaml(report: Report) -> str:
    """Human-friendly YAML: block style, unicode kept, multi-line text as literal blocks,
    defaults and empty values omitted (they come back as defaults on reading)."""
    data = plain_data(report, exclude_defaults=True)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100, indent=2)

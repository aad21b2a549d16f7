"""Structured edits of list parts: an indicator's observations and an explanation's items.

Each is shown as a table of inputs (existing rows plus empty ones to add); a row left blank is
removed, an unchanged row keeps its other fields (qualifier, provenance, ...)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rekenschap.model.numbers import format_number, parse_number

EXTRA_ROWS = 3


@dataclass(frozen=True)
class RowSpec:
    """Which list to edit and which of its fields are inputs (``numeric`` ones Dutch numbers)."""

    part: str  # "indicators" or "explanations"
    items: str  # "observations" or "items"
    fields: tuple[str, ...]
    numeric: frozenset[str]
    prefix: str = "row"  # input names are ``<prefix>-<row>-<field>``


OBSERVATIONS = RowSpec("indicators", "observations", ("period", "value"), frozenset({"value"}))
TARGETS = RowSpec("indicators", "targets", ("period", "value", "direction"), frozenset({"value"}),
                  prefix="target")
"""An indicator's targets per year (streefwaarden); ``direction`` is up, down or none."""
VARIANCE_ITEMS = RowSpec(
    "explanations", "items", ("title", "amount", "text"), frozenset({"amount"})
)


def _shown(value: Any, numeric: bool, lang: str) -> str:
    if value is None:
        return ""
    return format_number(Decimal(str(value)), locale=lang) if numeric else str(value)


def rows(
    content: dict[str, Any], spec: RowSpec, index: int, lang: str = "nl"
) -> list[list[tuple[str, str, str]]]:
    """Per row: (input name, field, value shown); existing rows then empty ones."""
    entries = (content.get(spec.part) or [])[index].get(spec.items) or []
    out = []
    for i in range(len(entries) + EXTRA_ROWS):
        entry = entries[i] if i < len(entries) else {}
        out.append(
            [
                (f"{spec.prefix}-{i}-{f}", f, _shown(entry.get(f), f in spec.numeric, lang))
                for f in spec.fields
            ]
        )
    return out


def apply_rows(
    content: dict[str, Any], spec: RowSpec, index: int, data: dict[str, str]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``content`` with the rows from form ``data``; errors are (input name, message naming
    row and field)."""
    out = copy.deepcopy(content)
    part = out[spec.part][index]
    entries = part.get(spec.items) or []
    new: list[dict[str, Any]] = []
    errors: list[tuple[str, str]] = []
    for i in range(len(entries) + EXTRA_ROWS):
        values = {f: data.get(f"{spec.prefix}-{i}-{f}", "").strip() for f in spec.fields}
        if not any(values.values()):
            continue
        entry = dict(entries[i]) if i < len(entries) else {}
        for field, text in values.items():
            if field not in spec.numeric:
                entry[field] = text or None
                continue
            if not text:
                entry[field] = None
                continue
            parsed = parse_number(text)
            if parsed.value is None:
                errors.append((f"{spec.prefix}-{i}-{field}",
                               f"{spec.items} {i + 1} / {field}: {text!r}"))
                continue
            v = parsed.value
            entry[field] = int(v) if v == v.to_integral_value() else float(v)
        new.append(entry)
    part[spec.items] = new
    if spec.items == "targets":
        _follow_target(part)
    return out, errors


def _follow_target(indicator: dict[str, Any]) -> None:
    """Keep ``target`` equal to the ``targets`` entry of its period (the model's promise)."""
    target = indicator.get("target")
    if not isinstance(target, dict) or not target.get("period"):
        return
    same = [t for t in indicator.get("targets") or [] if t.get("period") == target["period"]]
    if same:
        indicator["target"] = dict(same[0])

"""Structured edits of one part of a programme's content (a goal with its activities, the finance
cells), applied to the interchange JSON; the domain model validates the result on save."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from rekenschap.model.numbers import format_number, parse_number


def goal_initial(content: dict[str, Any], index: int | None) -> dict[str, str]:
    """Form values for goal ``index`` (``None``: a new goal)."""
    goals = content.get("goals") or []
    goal = goals[index] if index is not None and 0 <= index < len(goals) else {}
    return {
        "code": goal.get("code") or "",
        "title": goal.get("title", ""),
        "description": goal.get("description") or "",
        "activities": "\n".join(a.get("text", "") for a in goal.get("activities") or []),
    }


def apply_goal(
    content: dict[str, Any],
    index: int | None,
    code: str,
    title: str,
    description: str,
    activities: str,
) -> dict[str, Any]:
    """``content`` with goal ``index`` replaced (or appended); an activity whose text is
    unchanged keeps its status, quantities and provenance."""
    out = copy.deepcopy(content)
    goals = list(out.get("goals") or [])
    old = goals[index] if index is not None and 0 <= index < len(goals) else {}
    by_text = {a.get("text"): a for a in old.get("activities") or []}
    lines = [line.strip() for line in activities.splitlines() if line.strip()]
    goal = {
        **old,
        "code": code.strip() or None,
        "title": title.strip(),
        "description": description.strip() or None,
        "activities": [by_text.get(line, {"text": line}) for line in lines],
    }
    if index is not None and 0 <= index < len(goals):
        goals[index] = goal
    else:
        goals.append(goal)
    out["goals"] = goals
    return out


def cell_name(row: int, key: str) -> str:
    return f"cell-{row}-{key}"


def finance_cells(
    content: dict[str, Any], lang: str = "nl"
) -> list[tuple[int, str, list[tuple[str, str, str]]]]:
    """Rows of (index, label, [(field name, column label, value as printed)])."""
    finance = content.get("finance") or {}
    columns = finance.get("columns") or []
    rows = []
    for i, row in enumerate(finance.get("rows") or []):
        values = row.get("values") or {}
        cells = []
        for column in columns:
            value = values.get(column["key"])
            shown = "" if value is None else format_number(Decimal(str(value)), locale=lang)
            cells.append((cell_name(i, column["key"]), column.get("label", column["key"]), shown))
        rows.append((i, row.get("label", ""), cells))
    return rows


def apply_finance(
    content: dict[str, Any], data: dict[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """``content`` with the finance cells from form ``data`` (Dutch numbers; blank = none) and
    the errors per field name for cells that are not numbers."""
    out = copy.deepcopy(content)
    finance = out.get("finance") or {}
    errors: dict[str, str] = {}
    for i, row in enumerate(finance.get("rows") or []):
        values = dict(row.get("values") or {})
        for column in finance.get("columns") or []:
            name = cell_name(i, column["key"])
            if name not in data:
                continue
            text = data[name].strip()
            if not text or text == "-":
                values[column["key"]] = None
                continue
            parsed = parse_number(text)
            if parsed.value is None:
                errors[name] = f"{row.get('label', i)} / {column.get('label')}: {text!r}"
                continue
            value = parsed.value
            values[column["key"]] = (
                int(value) if value == value.to_integral_value() else float(value)
            )
        row["values"] = values
    return out, errors

"""Keep everything valid of a report file that has errors (the ``partial=True`` mode).

Each validation error is traced to the smallest part of the data that can be left out without
breaking the rest: the invalid optional field, the invalid entry of a mapping such as
``values``, or else the nearest enclosing list item (one goal, one row, one programme). Errors
in the required top-level parts (organisation, document) cannot be left out: then there is no
partial report. Which parts were left out is reported, so nothing disappears silently.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from rekenschap.model import Report

__all__ = ["DataPath", "model_at", "models_in", "salvage", "split_loc"]

DataPath = tuple[str | int, ...]
_MAX_ROUNDS = 20


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes inside a field annotation (``tuple[Goal, ...] | None`` -> Goal)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from models_in(arg)


def model_at(path: DataPath) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``path`` (``None`` inside a plain dict)."""
    model: type[BaseModel] | None = Report
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = next((f for n, f in model.model_fields.items() if part in (n, f.alias)), None)
        model = next(models_in(field.annotation), None) if field is not None else None
    return model


def _removable(path: DataPath) -> DataPath | None:
    """The smallest part at or above ``path`` that may be left out."""
    for end in range(len(path), 0, -1):
        here, last = path[:end], path[end - 1]
        if isinstance(last, int):
            return here
        parent = model_at(here[:-1])
        if parent is None:
            return here  # an entry of a plain mapping (FinanceRow.values)
        field = next((f for n, f in parent.model_fields.items() if last in (n, f.alias)), None)
        if field is None or not field.is_required():
            return here  # an unknown field, or an optional one
    return None


def _delete(data: Any, path: DataPath) -> None:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]


def split_loc(loc: tuple[Any, ...], data: Any) -> tuple[DataPath, list[Any]]:
    """Split a pydantic ``loc`` into the part that exists in ``data`` and the rest.

    The rest holds union member tags (``function-before[...]``) and missing field names.
    """
    path: list[str | int] = []
    rest: list[Any] = []
    current = data
    for part in loc:
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
            path.append(part)
        else:
            rest.append(part)
    return tuple(path), rest


def salvage(data: dict[str, Any]) -> tuple[Report | None, list[DataPath]]:
    """Validate ``data``, leaving out invalid parts; returns the report and what was left out.

    Paths are those of the data as it was in the round that removed them.
    """
    attempt = copy.deepcopy(data)
    dropped: list[DataPath] = []
    for _ in range(_MAX_ROUNDS):
        try:
            return Report.model_validate(attempt), dropped
        except ValidationError as exc:
            targets = {_removable(split_loc(tuple(e["loc"]), attempt)[0]) for e in exc.errors()}
        if None in targets:
            return None, dropped
        chosen = sorted((t for t in targets if t is not None), key=_sort_key, reverse=True)
        chosen = [t for t in chosen if not any(o != t and t[:len(o)] == o for o in chosen)]
        for target in chosen:
            _delete(attempt, target)
        dropped.extend(sorted(chosen, key=_sort_key))
    return None, dropped


def _sort_key(path: DataPath) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)

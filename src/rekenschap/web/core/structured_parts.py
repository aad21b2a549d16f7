"""Deelprogramma's (subprogrammes) in the structured forms: a dotted index path (``"0.1"`` = the
second deelprogramma of the first) names the part of a programme's content a form edits.

The forms work on that part exactly as on a programme; :func:`put_part` writes it back into the
whole content, which is then saved (one revision, same permissions and locking) as usual.
"""

from __future__ import annotations

import copy
from typing import Any


class NoSuchPart(ValueError):
    """The path does not name a deelprogramma of this programme."""


def parse_sub(text: str | None) -> tuple[int, ...]:
    """``"0.1"`` -> (0, 1); blank -> () (the programme itself). Raises NoSuchPart."""
    text = (text or "").strip()
    if not text:
        return ()
    try:
        path = tuple(int(piece) for piece in text.split("."))
    except ValueError:
        raise NoSuchPart(text) from None
    if any(i < 0 for i in path) or len(path) > 8:
        raise NoSuchPart(text)
    return path


def sub_text(path: tuple[int, ...]) -> str:
    return ".".join(str(i) for i in path)


def part_at(content: dict[str, Any], path: tuple[int, ...]) -> dict[str, Any]:
    """The (sub)programme at ``path`` in ``content``. Raises NoSuchPart."""
    part = content
    for i in path:
        subs = part.get("subprogrammes") or []
        if not 0 <= i < len(subs) or not isinstance(subs[i], dict):
            raise NoSuchPart(sub_text(path))
        part = subs[i]
    return part


def put_part(
    content: dict[str, Any], path: tuple[int, ...], part: dict[str, Any]
) -> dict[str, Any]:
    """A copy of ``content`` with the (sub)programme at ``path`` replaced by ``part``."""
    if not path:
        return copy.deepcopy(part)
    out = copy.deepcopy(content)
    parent = part_at(out, path[:-1])
    subs = list(parent.get("subprogrammes") or [])
    subs[path[-1]] = copy.deepcopy(part)
    parent["subprogrammes"] = subs
    return out


def model_prefix(path: tuple[int, ...]) -> str:
    """The checks' path of the part when the programme is ``programmes[0]`` of the report."""
    return "programmes[0]" + "".join(f".subprogrammes[{i}]" for i in path)


def owner_path(model_path: str) -> tuple[int, ...] | None:
    """(sub)programme index path of a checks path such as
    ``programmes[0].subprogrammes[1].finance.rows[2]`` -> (1,); None if not in programmes[0]."""
    if not model_path.startswith("programmes[0]"):
        return None
    rest = model_path[len("programmes[0]"):]
    path: list[int] = []
    while rest.startswith(".subprogrammes["):
        end = rest.index("]")
        path.append(int(rest[len(".subprogrammes["):end]))
        rest = rest[end + 1:]
    return tuple(path)

"""Which lines of an effect-indicator table (effectindicatoren) make up one indicator's row.

A row's name wraps over several lines; its values stand on one of them: the middle line when
the cells are vertically centred, the last line when they are bottom-aligned (Wassenaar's
begroting 2025 and 2026). Position alone cannot tell which name lines belong to which values,
the text can: a name begins with a capital or "%" ("Aantal inwoners met", "% eenzaamheid"),
a wrapped line goes on in lower case, with a number or inside an open parenthesis
("bijstandsuitkering (per", "1.000 inw)*"). So the name lines are cut into names there,
lines with values only join the nearest name, and each name must then hold exactly one
anchor (a line with a value that is not a year). When the text does not give that clean
picture, the rows fall back to position: every line joins the nearest anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rekenschap.importers.pdf.flow import FlowLine

__all__ = ["group_rows"]

_STARTS_NAME = re.compile(r"^[A-Z\u00c0-\u00de%]")


def _opens(text: str) -> bool:
    """True when ``text`` leaves a parenthesis open (the name goes on below)."""
    return text.count("(") > text.count(")")


def _names(data: list[FlowLine], name_of: Callable[[FlowLine], str]) -> list[list[FlowLine]]:
    """The lines that carry name text, cut where a new name begins."""
    blocks: list[list[FlowLine]] = []
    so_far = ""
    for fl in data:
        name = name_of(fl).strip()
        if not name:
            continue
        if not blocks or (_STARTS_NAME.match(name) and not _opens(so_far)):
            blocks.append([])
            so_far = ""
        blocks[-1].append(fl)
        so_far += " " + name
    return blocks


def _distance(fl: FlowLine, block: list[FlowLine]) -> float:
    return min(abs(fl.line.top - other.line.top) for other in block)


def _by_text(data: list[FlowLine], heads: list[FlowLine],
             name_of: Callable[[FlowLine], str]) -> list[list[FlowLine]] | None:
    blocks = _names(data, name_of)
    if not blocks:
        return None
    in_block = {id(fl) for block in blocks for fl in block}
    for fl in data:  # lines with values only: to the nearest name
        if id(fl) not in in_block:
            min(blocks, key=lambda b: _distance(fl, b)).append(fl)
    head_ids = {id(h) for h in heads}
    # a name without values of its own (a wrapped line that starts with a capital, "Rijk
    # blijft ...") is the start of the next name, or the end of the last one
    merged: list[list[FlowLine]] = []
    pending: list[FlowLine] = []
    for block in blocks:
        if not any(id(fl) in head_ids for fl in block):
            pending += block
            continue
        merged.append(pending + block)
        pending = []
    if pending and merged:
        merged[-1] += pending
    order = {id(fl): i for i, fl in enumerate(data)}
    rows = [sorted(block, key=lambda f: order[id(f)]) for block in merged]
    if not rows or any(sum(1 for fl in row if id(fl) in head_ids) != 1 for row in rows):
        return None
    return rows


def group_rows(data: list[FlowLine], heads: list[FlowLine],
               name_of: Callable[[FlowLine], str]) -> list[list[FlowLine]]:
    """The table's lines grouped per indicator row, each in the order of ``data``.

    ``heads``: the lines whose values start a row (a value that is not a year, on a line
    with a name or with no named value line beside it); ``name_of``: a line's name text.
    """
    if not heads:
        return []
    by_text = _by_text(data, heads, name_of)
    if by_text is not None:
        return by_text
    groups: dict[int, list[FlowLine]] = {id(h): [] for h in heads}
    for fl in data:
        best = min(heads, key=lambda h: (abs(h.line.top - fl.line.top),
                                         0 if h.line.top >= fl.line.top else 1))
        groups[id(best)].append(fl)
    return [groups[id(h)] for h in heads]

"""Cells of a PDF line (cellen): words with x-positions, and which of them are amounts.

P1's segments are runs of text separated by wide gaps; a segment may still hold several
numbers ("1.101 2.631"), so segments are split into whitespace-separated tokens whose
x-extent is interpolated from the segment's box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rekenschap.importers.pdf.flow import FlowLine

__all__ = ["Cell", "cells_of", "is_amount", "split_label_values"]

_AMOUNT = re.compile(r"^[-+\u2212\u2013]?\(?€?(?:\d[\d.,]*)?\d\)?-?$|^[-\u2013\u2014]$")


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    x0: float
    x1: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def cells_of(fl: FlowLine) -> list[Cell]:
    """The whitespace-separated tokens of a line with their (interpolated) x-extent."""
    out: list[Cell] = []
    for seg in fl.segments:
        text = seg.text
        n = len(text)
        if n == 0:
            continue
        width = (seg.x1 - seg.x0) / n
        for m in re.finditer(r"\S+", text):
            out.append(Cell(m.group(), seg.x0 + m.start() * width, seg.x0 + m.end() * width))
    return out


def is_amount(text: str) -> bool:
    """True for what is printed as an amount or a lone dash ("1.101", "-4.346", "0", "-");
    deliberately loose ("1.97" too), so that a malformed amount is reported, not dropped."""
    return bool(_AMOUNT.match(text.strip()))


def split_label_values(cells: list[Cell]) -> tuple[str, list[Cell]]:
    """Leading words as the row label, trailing amount cells as the values.

    A sign printed apart from its number ("- 4.346") is joined to it.
    """
    values: list[Cell] = []
    i = len(cells)
    while i > 0 and is_amount(cells[i - 1].text):
        i -= 1
    raw = cells[i:]
    for cell in raw:
        if values and values[-1].text in {"-", "\u2013", "\u2212"} and cell.x0 - values[-1].x1 < 6:
            sign = values.pop()
            cell = Cell("-" + cell.text, sign.x0, cell.x1)
        values.append(cell)
    label = " ".join(c.text for c in cells[:i])
    return label, values

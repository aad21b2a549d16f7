"""Status icons of results (scores van de resultaten) read from the images beside them.

jaarstukken-2023 scores each result with a small flag image next to "Realisatie / voortgang",
and explains the flags in a legend ("Legenda bij de scores van de resultaten": Voltooid, Op
koers, Aandacht vereist, Niet voltooid/niet begonnen), each legend word preceded by its flag.
The flags are told apart by the image data itself (a hash of the embedded image stream plus
its pixel size), so no colour guessing is involved: a flag that matches no legend entry gets
no status and a problem. Only pages that hold the legend or result details are opened.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rekenschap.importers.pdf.flow import FlowLine
from rekenschap.model import ActivityStatus, Location, Problem, Severity

__all__ = ["Icon", "read_icons", "result_statuses"]

_LEGEND = re.compile(r"^legenda\b", re.I)
_WORDS = [
    (re.compile(r"^niet\s+voltooid|^niet\s+begonnen|^niet\s+gerealiseerd", re.I),
     ActivityStatus.NOT_REALISED),
    (re.compile(r"^voltooid|^gerealiseerd|^afgerond", re.I), ActivityStatus.REALISED),
    (re.compile(r"^op\s+koers|^loopt|^in\s+uitvoering", re.I), ActivityStatus.IN_PROGRESS),
    (re.compile(r"^aandacht\s+vereist|^vertraagd|^achter\s+op\s+schema", re.I),
     ActivityStatus.DELAYED),
]
_MAX_ICON = 30.0  # points; larger images are pictures, not status icons


@dataclass(frozen=True)
class Icon:
    """A small image on a page: its box (top-left origin) and a fingerprint of its data."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    key: str


def read_icons(path: str | Path, pages: Iterable[int]) -> tuple[dict[int, list[Icon]],
                                                                  list[Problem]]:
    """Small images on the given pages (1-based); a PDF that cannot be read gives a problem."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out: dict[int, list[Icon]] = {}
    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception as exc:  # the file was readable for extraction; report, do not fail
        return out, [Problem(code="PDF-STATUS-UNREADABLE", severity=Severity.NOTICE,
                             message=f"status icons not read: {exc}",
                             location=Location(file=str(path)))]
    try:
        for number in sorted(set(pages)):
            if not 1 <= number <= len(doc):
                continue
            page = doc[number - 1]
            height = page.get_height()
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]):
                left, bottom, right, top = obj.get_bounds()
                if right - left > _MAX_ICON or top - bottom > _MAX_ICON:
                    continue
                digest = hashlib.sha1(obj.get_data(decode_simple=False)).hexdigest()[:16]
                width, px_height = obj.get_px_size()
                out.setdefault(number, []).append(Icon(
                    number, left, height - top, right, height - bottom,
                    f"{digest}:{width}x{px_height}"))
    finally:
        doc.close()
    return out, []


def _beside(fl: FlowLine, icons: dict[int, list[Icon]], left_of: bool) -> Icon | None:
    """The icon on the line's height, left of its text (legend) or right of it (result)."""
    mid = (fl.line.top + fl.line.bottom) / 2
    found = [i for i in icons.get(fl.page, []) if i.top - 3 <= mid <= i.bottom + 3
             and ((i.x1 <= fl.line.x0 + 3) if left_of else (i.x0 >= fl.line.x0))]
    return min(found, key=lambda i: abs(i.x0 - fl.line.x0)) if found else None


def _legend(flow: Sequence[FlowLine], icons: dict[int, list[Icon]]) -> dict[str, ActivityStatus]:
    for i, fl in enumerate(flow):
        if not _LEGEND.match(fl.text.strip()):
            continue
        legend: dict[str, ActivityStatus] = {}
        for item in flow[i + 1:i + 8]:
            status = next((s for p, s in _WORDS if p.match(item.text.strip())), None)
            icon = _beside(item, icons, left_of=True) if status else None
            if status and icon:
                legend[icon.key] = status
        if legend:
            return legend
    return {}


def result_statuses(
    flow: Sequence[FlowLine], result_lines: Sequence[FlowLine], icons: dict[int, list[Icon]],
    *, code_of: Callable[[str], str | None], file: str,
) -> tuple[dict[str, ActivityStatus], list[Problem]]:
    """Status per result code: the first icon after the code's detail heading."""
    legend = _legend(flow, icons)
    statuses: dict[str, ActivityStatus] = {}
    problems: list[Problem] = []
    current: str | None = None
    for fl in result_lines:
        code = code_of(fl.text.strip())
        if code is not None:
            current = code
            continue
        icon = _beside(fl, icons, left_of=False)
        if icon is None or current is None or current in statuses:
            continue
        status = legend.get(icon.key)
        if status is None:
            problems.append(Problem(
                code="PDF-STATUS-UNKNOWN", severity=Severity.NOTICE,
                message=f"result {current} has a status icon that is not in a legend; "
                        f"its status is left empty",
                location=Location(file=file, page=fl.page, line=fl.number)))
            current = None
            continue
        statuses[current] = status
    return statuses, problems

"""Ruled tables (tabellen met lijnen) via pdfplumber, on demand, only for the pages asked for.

pdfplumber is slow (about 15x pypdfium2 per page) but finds table cells from ruling lines
well; the structure recogniser calls :func:`ruled_tables` for the few pages where its own
geometry is not enough. Coordinates are PDF points from the top-left corner, like ``Page``
(pdfplumber does not apply /Rotate: rotated pages keep their unrotated coordinates).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rekenschap.model import Location, Problem, Severity

#: pdfplumber settings: cells only from drawn lines (Word draws rules as thin filled rects,
#: which pdfplumber counts as lines too).
LINE_SETTINGS: Mapping[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "intersection_tolerance": 3,
}


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell (cel): its text (lines joined with ``\\n``) and box; merged cells are None."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class RuledTable:
    """A table found on ``page`` (1-based): rows of cells, ``None`` where a merged cell spans."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: tuple[tuple[TableCell | None, ...], ...]

    def texts(self) -> list[list[str | None]]:
        """The cell texts row by row (``None`` for a spanned cell)."""
        return [[c.text if c is not None else None for c in row] for row in self.rows]


def _table(number: int, found: Any) -> RuledTable:
    texts = found.extract()
    rows: list[tuple[TableCell | None, ...]] = []
    for row, row_texts in zip(found.rows, texts, strict=False):
        cells: list[TableCell | None] = []
        for box, text in zip(row.cells, row_texts, strict=False):
            if box is None:
                cells.append(None)
            else:
                tidy = "\n".join(" ".join(ln.split()) for ln in (text or "").splitlines())
                cells.append(TableCell(tidy.strip(), box[0], box[1], box[2], box[3]))
        rows.append(tuple(cells))
    x0, top, x1, bottom = found.bbox
    return RuledTable(number, x0, top, x1, bottom, tuple(rows))


def ruled_tables(
    path: str | os.PathLike[str],
    pages: Iterable[int],
    settings: Mapping[str, Any] | None = None,
) -> tuple[list[RuledTable], list[Problem]]:
    """The ruled tables on the given 1-based ``pages`` of a PDF; never raises for bad input."""
    import pdfplumber  # imported here: only callers that need tables pay for it

    name = str(path)
    wanted = sorted(set(pages))
    tables: list[RuledTable] = []
    problems: list[Problem] = []
    if not wanted:
        return tables, problems
    try:
        pdf = pdfplumber.open(name, pages=wanted)
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        return [], [Problem(code="PDF-TABLES-FAILED", severity=Severity.WARNING,
                            message=f"pdfplumber cannot open the file: {type(exc).__name__}: "
                                    f"{exc}", location=Location(file=name))]
    with pdf:
        found_pages = {page.page_number for page in pdf.pages}
        for number in wanted:
            if number not in found_pages:
                problems.append(Problem(code="IMPORT-NO-SUCH-PAGE", severity=Severity.WARNING,
                                        message=f"page {number} requested; not in the PDF",
                                        location=Location(file=name, page=number)))
        for page in pdf.pages:
            try:
                for found in page.find_tables(dict(settings or LINE_SETTINGS)):
                    tables.append(_table(page.page_number, found))
            except Exception as exc:  # one bad page must not cost the others
                problems.append(Problem(
                    code="PDF-TABLES-FAILED", severity=Severity.WARNING,
                    message=f"table detection failed: {type(exc).__name__}: {exc}",
                    location=Location(file=name, page=page.page_number)))
            finally:
                page.close()
    return tables, problems

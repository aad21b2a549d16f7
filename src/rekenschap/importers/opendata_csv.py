"""Reading open-data CSV files (CBS StatLine exports, Iv3 tables) without ever crashing.

One small reader shared by the CBS, Iv3 and population loaders: it detects the delimiter,
strips the space padding StatLine uses, maps required columns and turns every irregularity
into a :class:`~rekenschap.model.Problem` naming the file, line and column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rekenschap.model import Location, Problem, Provenance, Severity

__all__ = ["CsvRow", "CsvTable", "parse_decimal", "read_csv_table"]

_DELIMITERS = (";", "\t", ",", "|")
UNKNOWN_MARKERS = {"", ".", "x", "-", "?"}
"""What StatLine prints for "unknown" or "secret" (leeg, ".", "x")."""


@dataclass(frozen=True)
class CsvRow:
    """One data row: stripped cells by column name, and the 1-based line it came from."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass
class CsvTable:
    """A CSV file read leniently: header, rows and the problems met on the way."""

    file: str
    delimiter: str
    header: list[str]
    rows: list[CsvRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def provenance(self, row: CsvRow) -> Provenance:
        return Provenance(file=self.file, line=row.line)

    def problem(self, code: str, severity: Severity, message: str, line: int | None = None,
                column: str | None = None) -> Problem:
        path = f"column {column}" if column else None
        return Problem(code=code, severity=severity, message=message,
                       location=Location(file=self.file, line=line, path=path))


def _sniff(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv_table(path: Path | str, *, expected_delimiter: str, required: Sequence[str],
                   code_prefix: str, text: str | None = None) -> CsvTable:
    """Read ``path`` (or ``text``, named ``path``) into a :class:`CsvTable`.

    A wrong delimiter is reported (``<PREFIX>-DELIMITER``) and the file is read with the one
    that was found; missing required columns give ``<PREFIX>-COLUMN-MISSING`` (error) and are
    listed in ``missing`` so callers can skip what depends on them; short rows give
    ``<PREFIX>-ROW-SHORT`` and are kept with empty cells.
    """
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = Path(path).read_text(encoding="latin-1")
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = _sniff(first)
    table = CsvTable(file=name, delimiter=delimiter, header=[])
    if not first.strip():
        table.problems.append(table.problem(f"{code_prefix}-EMPTY", Severity.ERROR,
                                            "the file is empty: no header row", line=1))
        table.missing = list(required)
        return table
    if delimiter != expected_delimiter:
        table.problems.append(table.problem(
            f"{code_prefix}-DELIMITER", Severity.WARNING,
            f"expected {expected_delimiter!r} as delimiter but the header uses {delimiter!r}; "
            "read with the delimiter found", line=1))
    reader: Iterator[list[str]] = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    table.header = header
    table.missing = [c for c in required if c not in header]
    for column in table.missing:
        table.problems.append(table.problem(
            f"{code_prefix}-COLUMN-MISSING", Severity.ERROR,
            f"required column {column!r} is missing (header: {', '.join(header)})",
            line=1, column=column))
    for index, raw in enumerate(reader, start=2):
        if not raw or all(not c.strip() for c in raw):
            continue
        if len(raw) < len(header):
            table.problems.append(table.problem(
                f"{code_prefix}-ROW-SHORT", Severity.WARNING,
                f"row has {len(raw)} cells, header has {len(header)}; missing cells are empty",
                line=index))
        cells = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(header)}
        table.rows.append(CsvRow(line=index, cells=cells))
    return table


def parse_decimal(raw: str) -> Decimal | None:
    """A point-decimal open-data number ("383.0", "   25.6"); ``None`` for unknown markers.

    Raises ``ValueError`` for anything else so the caller can report it with its location.
    """
    value = raw.strip()
    if value.lower() in UNKNOWN_MARKERS:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a number: {raw!r}") from None

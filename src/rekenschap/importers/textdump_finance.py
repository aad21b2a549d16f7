"""Finance tables in a text dump (Wat heeft het gekost? / Wat mag het kosten?).

In a dump the header wraps over several lines ("Veligheid Primitieve", "begroting",
"Actuele", "begroting", "Rekening") and each row is one line ("Lasten 42.668 44.622 45.324").
:func:`find_finance_block` locates such a block among lines, :func:`parse_finance_block`
turns it into a :class:`FinanceTable`; rows whose numbers do not fit the columns are reported
with the printed line, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rekenschap.importers.textdump_lines import TextLine, is_bullet
from rekenschap.model import (
    ColumnKind,
    DifferenceConvention,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Location,
    MoneyUnit,
    Problem,
    Provenance,
    RowKind,
    Severity,
    SignConvention,
)
from rekenschap.model.numbers import parse_number, parse_scale

__all__ = ["FinanceBlock", "find_finance_block", "parse_finance_block", "row_kind"]

_Y = r"(?:\s+(?P<y{n}>(?:19|20)\d\d))?"
_COLUMN_PATTERNS: tuple[tuple[str, ColumnKind | None], ...] = (
    (r"primitieve\s+begroting" + _Y.format(n=0), ColumnKind.ORIGINAL_BUDGET),
    (r"begroting" + _Y.format(n=1) + r"\s+primair", ColumnKind.ORIGINAL_BUDGET),
    (r"(?:primaire|oorspronkelijke)\s+begroting" + _Y.format(n=2), ColumnKind.ORIGINAL_BUDGET),
    (r"(?:actuele|gewijzigde)\s+begroting" + _Y.format(n=3), ColumnKind.AMENDED_BUDGET),
    (r"begroting" + _Y.format(n=4) + r"\s+na\s+wijzigings?(?:en)?", ColumnKind.AMENDED_BUDGET),
    (r"na\s+wijzigings?(?:en)?", ColumnKind.AMENDED_BUDGET),
    (r"(?:rekening|realisatie|werkelijk)" + _Y.format(n=5), ColumnKind.ACTUAL),
    (r"verschil|afwijking", ColumnKind.DIFFERENCE),
    (r"(?:meerjaren)?raming" + _Y.format(n=6), ColumnKind.ESTIMATE),
    (r"begroting" + _Y.format(n=7), None),  # kind depends on the year (see _budget_kind)
)
_COLUMN_RE = re.compile(
    "|".join(f"(?P<c{i}>\\b{p}\\b)" for i, (p, _) in enumerate(_COLUMN_PATTERNS)),
    re.IGNORECASE)
_HEADER_WORD = re.compile(
    r"\b(?:primitieve|primair|primaire|oorspronkelijke|actuele|gewijzigde|begroting|wijziging"
    r"|wijzigingen|rekening|realisatie|verschil|raming|bedragen|x\s*\u20ac)\b|^(?:19|20)\d\d$",
    re.IGNORECASE)

_ROW_KINDS: tuple[tuple[str, RowKind], ...] = (
    (r"(?:totaal\s+)?lasten", RowKind.LASTEN),
    (r"(?:totaal\s+)?baten", RowKind.BATEN),
    (r"saldo\s+(?:van\s+)?(?:baten\s+en\s+lasten|lasten\s+en\s+baten)|saldo", RowKind.SALDO),
    (r"toevoeging(?:en)?(?:\s+aan)?(?:\s+de)?\s+reserves?", RowKind.RESERVE_ADDITION),
    (r"onttrekking(?:en)?(?:\s+aan)?(?:\s+de)?\s+reserves?", RowKind.RESERVE_WITHDRAWAL),
    (r"(?:mutaties?|saldo)\s+(?:in\s+)?reserves?", RowKind.RESERVE_MUTATIONS),
    (r"(?:gerealiseerd\s+|geraamd\s+|programma\s*)?resultaat.*", RowKind.RESULT),
)
_ROW_RE = re.compile(r"^(?P<label>[^\d()\-+\u2212][^\d]*?)\s+(?P<values>[-+\u2212(]?\d.*)$")


def row_kind(label: str) -> RowKind | None:
    """The row kind of a finance row label ("Lasten", "Saldo van baten en lasten"), or ``None``."""
    low = " ".join(label.lower().split())
    for pattern, kind in _ROW_KINDS:
        if re.fullmatch(pattern, low):
            return kind
    return None


def _row_values(text: str) -> tuple[str, list[str]] | None:
    """``(label, printed values)`` when ``text`` is a finance row line with a known label."""
    m = _ROW_RE.match(text)
    if not m or row_kind(m.group("label")) is None:
        return None
    values = m.group("values").split()
    # "( 1.234)" splits badly; glue lone brackets back on.
    glued: list[str] = []
    for v in values:
        if glued and glued[-1] in {"(", "-", "\u2212"}:
            glued[-1] += v
        else:
            glued.append(v)
    if not all(parse_number(v).ok or parse_number(v).qualifier == "nil" for v in glued):
        return None
    return m.group("label").strip(), glued


@dataclass(frozen=True)
class FinanceBlock:
    """Where a finance table sits: indexes ``start`` (header) .. ``end`` (exclusive)."""

    start: int
    rows_start: int
    end: int


def find_finance_block(lines: Sequence[TextLine], start: int = 0) -> FinanceBlock | None:
    """The first finance table at or after ``start``: a run of row lines ("Lasten 1 2 3") and
    the wrapped header lines right above it (back to the previous bullet or non-header line)."""
    first = next((i for i in range(start, len(lines)) if _row_values(lines[i].text)), None)
    if first is None:
        return None
    head = first
    i = first - 1
    while i >= start:
        ln = lines[i]
        if not ln.blank:
            if is_bullet(ln.text) or not _HEADER_WORD.search(ln.text) or len(ln.text) > 120:
                break
            head = i
        i -= 1
    end = first
    j = first
    while j < len(lines):
        ln = lines[j]
        if ln.blank:
            j += 1
            continue
        if not _row_values(ln.text):
            break
        j += 1
        end = j
    return FinanceBlock(head, first, end)


def _budget_kind(year: int | None, doc_year: int | None) -> ColumnKind:
    if year is None or doc_year is None or year == doc_year:
        return ColumnKind.BUDGET
    return ColumnKind.PRIOR_BUDGET if year < doc_year else ColumnKind.ESTIMATE


class _Keys:
    """Column keys handed out so far: ``original_budget``, then ``original_budget_2`` ..."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}

    def unique(self, key: str, kind: ColumnKind) -> str:
        if key in self.taken:
            n = self.next.get(kind.value, 2)
            while f"{kind.value}_{n}" in self.taken:
                n += 1
            self.next[kind.value] = n + 1
            key = f"{kind.value}_{n}"
        self.taken.add(key)
        return key


def _columns(header: str, doc_year: int | None) -> tuple[str | None, list[FinanceColumn]]:
    columns: list[FinanceColumn] = []
    keys = _Keys()
    title_end: int | None = None
    for m in _COLUMN_RE.finditer(header):
        index = int(next(k for k, v in m.groupdict().items() if v is not None and k[0] == "c")[1:])
        year_text = next((v for k, v in m.groupdict().items() if k[0] == "y" and v), None)
        year = int(year_text) if year_text else None
        kind = _COLUMN_PATTERNS[index][1] or _budget_kind(year, doc_year)
        if kind is ColumnKind.ACTUAL and year and doc_year and year < doc_year:
            kind = ColumnKind.PRIOR_ACTUAL
        label = " ".join(m.group(0).split())
        label = label[:1].upper() + label[1:]
        key = keys.unique(kind.value if year is None else f"{kind.value}_{year}", kind)
        columns.append(FinanceColumn(key=key, kind=kind, label=label, year=year))
        if title_end is None:
            title_end = m.start()
    title = header[:title_end].strip(" :-") if title_end else None
    if title and (parse_scale(title) is not None or re.fullmatch(r"[\d\s.,]*", title)):
        title = None
    return title or None, columns


_STACK_WORD = re.compile(r"\b(begroting|realisatie|rekening|verschil|raming)\b", re.IGNORECASE)


def _stacked_columns(header_lines: Sequence[TextLine], n: int,
                     doc_year: int | None) -> tuple[str | None, list[FinanceColumn]]:
    """Columns from a header printed in stacked rows ("Begroting Begroting Realisatie Verschil"
    / "2023 2023 2023 2023" / "primair na wijziging"): one line names exactly ``n`` columns,
    an optional line gives ``n`` years, "primair" and "na wijziging" tell the two budgets apart.
    ``[]`` when the header does not have that shape."""
    best = max(header_lines, key=lambda ln: len(_STACK_WORD.findall(ln.text)), default=None)
    if best is None:
        return None, []
    words = [m.group(1).lower() for m in _STACK_WORD.finditer(best.text)]
    if len(words) != n:
        return None, []
    years: list[int | None] = [None] * n
    trailing_years = re.compile(r"(?:(?<!\d)(?:19|20)\d\d\s*){" + str(n) + "}$")
    for ln in header_lines:
        m = trailing_years.search(ln.text)
        if m:
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(0))]
    text = " ".join(ln.text for ln in header_lines).lower()
    budgets = [i for i, w in enumerate(words) if w == "begroting"]
    budget_kinds: dict[int, tuple[ColumnKind, str]] = {}
    keys = _Keys()
    if len(budgets) == 2 and "primair" in text and "wijz" in text:
        budget_kinds = {budgets[0]: (ColumnKind.ORIGINAL_BUDGET, "primair"),
                        budgets[1]: (ColumnKind.AMENDED_BUDGET, "na wijziging")}
    columns: list[FinanceColumn] = []
    for i, word in enumerate(words):
        year = years[i]
        if word == "begroting":
            kind, extra = budget_kinds.get(i, (_budget_kind(year, doc_year), ""))
        else:
            kind, extra = {"realisatie": ColumnKind.ACTUAL, "rekening": ColumnKind.ACTUAL,
                           "verschil": ColumnKind.DIFFERENCE,
                           "raming": ColumnKind.ESTIMATE}[word], ""
        label = " ".join(p for p in (word.capitalize(), str(year) if year else "", extra) if p)
        key = keys.unique(kind.value, kind)
        columns.append(FinanceColumn(key=key, kind=kind, label=label, year=year))
    first = _STACK_WORD.search(best.text)
    title = best.text[:first.start()].strip(" :-") if first else None
    return title or None, columns


def parse_finance_block(
    lines: Sequence[TextLine], block: FinanceBlock, *, file: str, doc_year: int | None,
) -> tuple[FinanceTable | None, list[Problem]]:
    """Read the table in ``block``; ``None`` (with a problem) when no column is recognised."""
    problems: list[Problem] = []
    header_lines = [ln for ln in lines[block.start:block.rows_start] if not ln.blank]
    header = " ".join(ln.text for ln in header_lines)
    first = lines[block.start]
    last = lines[block.end - 1]
    where = Provenance(file=file, page=first.page, line=first.number, line_end=last.number)
    title, columns = _columns(header, doc_year)
    if not columns:
        problems.append(Problem(
            code="TXT-FINANCE-HEADER", severity=Severity.WARNING,
            message=f"finance rows without a recognisable column header ({header!r}); "
                    "not imported as a table, kept as text",
            location=Location.of(where)))
        return None, problems
    counts = {len(p[1]) for ln in lines[block.rows_start:block.end]
              if (p := _row_values(ln.text)) is not None}
    if len(counts) == 1 and len(columns) not in counts:
        stacked_title, stacked = _stacked_columns(header_lines, counts.pop(), doc_year)
        if stacked:
            problems.append(Problem(
                code="TXT-FINANCE-STACKED", severity=Severity.NOTICE,
                message=f"column header printed in stacked rows ({header!r}); read as "
                        f"{', '.join(c.label for c in stacked)}",
                location=Location.of(where)))
            title, columns = stacked_title, stacked
    scale = parse_scale(header)
    rows: list[FinanceRow] = []
    for ln in lines[block.rows_start:block.end]:
        parsed = _row_values(ln.text)
        if parsed is None:
            continue
        label, printed = parsed
        at = Provenance(file=file, page=ln.page, line=ln.number, line_end=ln.number)
        if len(printed) != len(columns):
            problems.append(Problem(
                code="TXT-FINANCE-ROW", severity=Severity.WARNING,
                message=f"row {label!r} has {len(printed)} amounts ({' '.join(printed)}) but the "
                        f"header has {len(columns)} columns "
                        f"({', '.join(c.label for c in columns)}); row not imported",
                location=Location.of(at)))
            continue
        values = {c.key: parse_number(v).value for c, v in zip(columns, printed, strict=True)}
        rows.append(FinanceRow(kind=row_kind(label) or RowKind.OTHER, label=label,
                               values=values, provenance=at))
    lasten = next((r for r in rows if r.kind is RowKind.LASTEN), None)
    negative = lasten is not None and any(v is not None and v < 0 for v in lasten.values.values())
    sign_note_m = re.search(
        r"\"?[-\u2212]\"?\s*=\s*nadeel(?:ig)?(?:\s*[/,]\s*\"?\+\"?\s*=\s*voordeel(?:ig)?)?"
        r"|\"?\+\"?\s*=\s*voordeel(?:ig)?(?:\s*[/,]\s*\"?[-\u2212]\"?\s*=\s*nadeel(?:ig)?)?",
        header, re.IGNORECASE)
    favourable = sign_note_m is not None and "voordeel" in sign_note_m.group(0).lower()
    has_difference = any(c.kind is ColumnKind.DIFFERENCE for c in columns)
    table = FinanceTable(
        title=title,
        difference_convention=DifferenceConvention.FAVOURABLE_POSITIVE
        if favourable and has_difference else None,
        unit=MoneyUnit(scale=scale, label=f"x \u20ac {scale:,}".replace(",", "."))
        if scale else None,
        sign_convention=SignConvention.LASTEN_NEGATIVE if negative else SignConvention.POSITIVE,
        sign_note=sign_note_m.group(0).strip() if sign_note_m else None,
        columns=tuple(columns),
        rows=tuple(rows),
        provenance=where,
    )
    return table, problems

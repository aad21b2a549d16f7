"""Page data (paginagegevens): typed, frozen, built once per document, rendered by every output.

The static site, the PDF, DOCX and XLSX all read these objects; none of them looks at the model
or formats a number again. Text is already in the chosen language; numbers are kept both as
formatted text (``Cell.text``) and as exact values (``Cell.value``) for spreadsheets.
:func:`build_document` (in :mod:`rekenschap.render.builder`) makes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rekenschap.render.messages import Lang
from rekenschap.render.print_tables import GroupedTable


@dataclass(frozen=True)
class Cell:
    """One table cell: display text plus, for numbers, the exact value."""

    text: str
    value: Decimal | None = None
    numeric: bool = False


@dataclass(frozen=True)
class TableData:
    """A table with a caption; the first cell of every row is its row header."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str | None = None
    """A line under the table ("Bedragen in € 1.000", a sign statement)."""
    number_format: str = "#,##0"
    """The spreadsheet number format for the numeric cells."""

    @property
    def numeric_columns(self) -> tuple[bool, ...]:
        """Per column: does it hold numbers (right-aligned, header included)?"""
        return tuple(i > 0 and any(len(r) > i and r[i].numeric for r in self.rows)
                     for i in range(len(self.headers)))


@dataclass(frozen=True)
class ChartData:
    """A Vega-Lite chart: its spec (JSON text), key (spec hash), text alternative and data table."""

    key: str
    spec_json: str
    alt: str
    table: TableData


@dataclass(frozen=True)
class ActivityData:
    text: str
    code: str | None
    status: str | None
    """Status key for styling (``gerealiseerd``...), ``None`` when the document gives none."""
    status_label: str


@dataclass(frozen=True)
class GoalData:
    title: str
    code: str | None
    description: str | None
    activities: tuple[ActivityData, ...]


@dataclass(frozen=True)
class VarianceData:
    title: str | None
    threshold: str | None
    table: TableData | None
    texts: tuple[tuple[str, str], ...]
    """(item title, explanation) pairs for the items that have text."""


@dataclass(frozen=True)
class FinanceData:
    title: str
    table: TableData
    sign_note: str | None
    variances: tuple[VarianceData, ...]
    sentences: tuple[str, ...]
    compared: TableData | None = None
    """``table`` plus a computed Verschil column, when the document prints none (the site,
    DOCX and XLSX show this one)."""

    @property
    def display(self) -> TableData:
        """The table the site shows: with the computed difference when there is one."""
        return self.compared or self.table


@dataclass(frozen=True)
class IndicatorData:
    name: str
    anchor: str
    unit: str
    source: str | None
    baseline: str | None
    target: str | None
    table: TableData
    chart: ChartData | None
    claims: tuple[str, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class SectionData:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Alternate:
    """The same page in another language of a multi-language site (taalkeuze)."""

    lang: Lang
    name: str
    """The language's own name ("Nederlands", "English")."""
    current: bool
    href: str


@dataclass(frozen=True)
class ProgrammePage:
    """One programma or deelprogramma: the three W-questions."""

    slug: str
    code: str | None
    title: str
    level_label: str
    depth: int
    parent: Link | None
    goals_heading: str
    goals: tuple[GoalData, ...]
    finance_heading: str
    finance: FinanceData | None
    indicators: tuple[IndicatorData, ...]
    sections: tuple[SectionData, ...]
    subprogrammes: tuple[Link, ...]
    taakvelden: tuple[str, ...]

    @property
    def href(self) -> str:
        return f"{self.slug}.html"


@dataclass(frozen=True)
class OverviewData:
    """The document's front page: programmes with lasten/baten and their share of the total."""

    table: TableData | None
    chart: ChartData | None
    links: tuple[Link, ...]
    column_label: str | None
    printed: TableData | None = None
    """The document's own overview (recapitulatie) as printed, when it has one."""
    reconciliation: TableData | None = None
    """Printed overview against the totals computed from the programme tables."""
    findings: tuple[str, ...] = ()
    """FIN-TOTALS problems (internal builds), each with its severity."""
    comparison: Link | None = None
    """The comparison page with peer municipalities (vergelijking), when published."""


@dataclass(frozen=True)
class ProblemRow:
    code: str
    severity: str
    severity_label: str
    message: str
    location: str


@dataclass(frozen=True)
class ProblemsData:
    summary: str
    rows: tuple[ProblemRow, ...]


@dataclass(frozen=True)
class SearchEntry:
    """One search target: a page (or a part of it) with the words to find it by."""

    href: str
    title: str
    text: str


@dataclass(frozen=True)
class DocumentData:
    """Everything the outputs need to show one document."""

    slug: str
    lang: Lang
    title: str
    organisation: str
    kind_label: str
    year: int
    unit_label: str
    overview: OverviewData
    programmes: tuple[ProgrammePage, ...]
    problems: ProblemsData | None
    search: tuple[SearchEntry, ...] = field(default=())
    cbs_code: str | None = None
    """The organisation's CBS code (GM0014), printed in the PDF's colophon."""
    recapitulation: GroupedTable | None = None
    """The document's own overview as the PDF prints it (print only)."""
    taakveld_tables: tuple[GroupedTable, ...] = ()
    """Each programme's overview per taakveld as the PDF prints it (print only)."""
    observation_notes: tuple[tuple[str | None, ...], ...] = ()
    cover_title: str | None = None
    """The PDF cover's title when it differs from ``title`` ("Begroting 2023-2026")."""
    """Per programme page and indicator: the source/reference-date note (print only)."""

    def tables(self) -> list[tuple[str, str, TableData]]:
        """Every table as (page name, short name, table), overview first, in reading order.

        Finance tables are the ones the site shows (with the computed Verschil column when the
        document prints none); the document's own overview and its reconciliation follow the
        overview table.

        The short name is what a spreadsheet tab can show: "1.1 Lasten en baten".
        """
        found = [(self.title, self.title, self.overview.table)] if self.overview.table else []
        for extra in (self.overview.reconciliation, self.overview.printed):
            if extra is not None:
                found.append((self.title, extra.caption, extra))
        for page in self.programmes:
            name = f"{page.code} {page.title}" if page.code else page.title
            prefix = page.code or page.title
            if page.finance is not None:
                found.append((name, f"{prefix} {page.finance_heading}",
                              page.finance.display))
                found.extend((name, f"{prefix} {v.title or ''}", v.table)
                             for v in page.finance.variances if v.table)
            found.extend((name, f"{prefix} {i.name}", i.table) for i in page.indicators)
        return found

    def charts(self) -> list[ChartData]:
        """Every chart of the document (overview first), for rendering in one batch."""
        found = [self.overview.chart] if self.overview.chart else []
        for page in self.programmes:
            found.extend(i.chart for i in page.indicators if i.chart is not None)
        return found

"""Render a :class:`Report` to a PDF in the layouts of real P&C documents (for round trips).

Programmes start on a new page with a large heading; goals are either a numbered list with a
coded results list ("numbered" style, as Wassenaar 2024) or a two-column table with the goal
left and its results right ("two-column" style); the finance table has wrapped column
headers, the sign note and scale line in the stub, and right-aligned Dutch amounts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from rekenschap.model import FinanceTable, Programme, Report
from rekenschap.model.numbers import format_amount

WIDTH, HEIGHT = A4
LEFT, MID, BOTTOM = 72.0, 320.0, 90.0
Style = Literal["numbered", "two-column"]


class _Writer:
    def __init__(self, path: Path) -> None:
        self.canvas = Canvas(str(path), pagesize=A4)
        self.y = 90.0  # from the top
        self.page = 1

    def new_page(self) -> None:
        self.canvas.setFont("Helvetica", 9)
        self.canvas.drawRightString(WIDTH - 60, HEIGHT - 815, str(self.page))
        self.canvas.showPage()
        self.page += 1
        self.y = 90.0

    def need(self, height: float) -> None:
        if self.y + height > HEIGHT - BOTTOM:
            self.new_page()

    def text(self, x: float, s: str, size: float = 10, bold: bool = False,
             right: bool = False) -> None:
        self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        if right:
            self.canvas.drawRightString(x, HEIGHT - self.y, s)
        else:
            self.canvas.drawString(x, HEIGHT - self.y, s)

    def line(self, s: str, size: float = 10, bold: bool = False, gap: float = 1.5) -> None:
        self.need(size * gap)
        self.text(LEFT, s, size, bold)
        self.y += size * gap


def _wrap(text: str, width: int) -> list[str]:
    out, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*out, current] if current else out


def _numbered(w: _Writer, programme: Programme, year: int) -> None:
    w.line("Wat willen we bereiken?", 12, bold=True, gap=2.2)
    w.line("Doelstellingen", 10, bold=True)
    for goal in programme.goals:
        for part in _wrap(f"{goal.code}. {goal.title}", 90):
            w.line(part, 10, gap=1.25)
        w.y += 6
    w.y += 10
    w.line("Wat gaan we daarvoor doen?", 12, bold=True, gap=2.2)
    w.line(f"Belangrijkste resultaten {year}", 10, bold=True)
    for goal in programme.goals:
        for act in goal.activities:
            for part in _wrap(f"{act.code} {act.text}", 90):
                w.line(part, 10, gap=1.25)
        w.y += 8


def _two_column(w: _Writer, programme: Programme) -> None:
    w.need(40)
    w.text(LEFT, "Wat willen we bereiken?", 11, bold=True)
    w.text(MID, "Wat gaan we daarvoor doen?", 11, bold=True)
    w.y += 22
    for goal in programme.goals:
        left = _wrap(f"{goal.code}. {goal.title}", 42)
        right: list[list[str]] = [_wrap(f"{a.code} {a.text}", 42) for a in goal.activities]
        height = max(len(left), sum(len(r) + 1 for r in right)) * 12.5 + 14
        w.need(height)
        top = w.y
        for part in left:
            w.text(LEFT, part, 10)
            w.y += 12.5
        w.y = top
        for para in right:
            for part in para:
                w.text(MID, part, 10)
                w.y += 12.5
            w.y += 12.5
        w.y = top + height


def _finance(w: _Writer, table: FinanceTable, title: str) -> None:
    n = len(table.columns)
    right_edges = [WIDTH - 60 - (n - 1 - i) * 62 for i in range(n)]
    w.need(40 + 15 * len(table.rows))
    w.line("Wat mag het kosten?", 12, bold=True, gap=2.2)
    w.text(LEFT, title, 9)
    heads = [c.label.rsplit(" ", 1) for c in table.columns]
    for x, (word, _) in zip(right_edges, heads, strict=True):
        w.text(x, word, 9, right=True)
    w.y += 12
    stub = f"{table.sign_note} {table.unit.label if table.unit else ''}"
    w.text(LEFT, stub, 9)
    for x, (_, year) in zip(right_edges, heads, strict=True):
        w.text(x, year, 9, right=True)
    w.y += 15
    for row in table.rows:
        w.text(LEFT, row.label, 9)
        for x, col in zip(right_edges, table.columns, strict=True):
            value = row.values.get(col.key)
            w.text(x, "-" if value is None else format_amount(value), 9, right=True)
        w.y += 13
    w.y += 10


def render(report: Report, path: Path, styles: dict[str, Style]) -> Path:
    """Write ``report`` as a PDF; ``styles`` maps programme codes to their goal layout."""
    w = _Writer(path)
    w.y = 200
    w.text(LEFT, f"Gemeente {report.organisation.name}", 14)
    w.y += 40
    w.text(LEFT, f"{report.document.kind.value.capitalize()} {report.document.year}", 28,
           bold=True)
    for programme in report.programmes:
        w.new_page()
        w.line(f"{programme.code} {programme.name}", 16, bold=True, gap=2.5)
        if styles.get(programme.code or "") == "two-column":
            _two_column(w, programme)
        else:
            _numbered(w, programme, report.document.year)
        if programme.finance is not None:
            _finance(w, programme.finance, programme.finance.title or "")
    w.canvas.setFont("Helvetica", 9)
    w.canvas.drawRightString(WIDTH - 60, HEIGHT - 815, str(w.page))
    w.canvas.save()
    return path



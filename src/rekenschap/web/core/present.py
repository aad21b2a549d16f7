"""View data for a programme, built once and used by the app's pages and the fallback site."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rekenschap.model import FinanceTable, Programme, VarianceExplanation
from rekenschap.model.numbers import format_number


@dataclass(frozen=True)
class FinanceView:
    title: str
    headers: list[str]
    rows: list[tuple[str, list[str]]]


def _cell(value: Decimal | None, lang: str) -> str:
    return "" if value is None else format_number(value, locale=lang)


def finance_view(table: FinanceTable, lang: str = "nl") -> FinanceView:
    keys = [c.key for c in table.columns]
    return FinanceView(
        title=table.title or "",
        headers=[c.label for c in table.columns],
        rows=[(row.label, [_cell(row.values.get(k), lang) for k in keys]) for row in table.rows],
    )


@dataclass(frozen=True)
class VarianceItemView:
    title: str
    amount: str
    """``item.euros()`` Dutch-formatted with the euro sign ("€ 40.000"), or "" without amount."""
    text: str


@dataclass(frozen=True)
class ExplanationView:
    title: str
    items: list[VarianceItemView]


def _euros(value: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    return f"{sign}\u20ac {format_number(abs(value), locale=lang)}"


def explanation_view(explanation: VarianceExplanation, lang: str = "nl") -> ExplanationView:
    """Variance items with their amounts in whole euros whatever the item's unit."""
    return ExplanationView(
        title=explanation.title or "",
        items=[
            VarianceItemView(item.title, _euros(item.euros(), lang), item.text or "")
            for item in explanation.items
        ],
    )


def programme_view(programme: Programme, lang: str = "nl") -> dict[str, object]:
    """Template context for ``rekenschap/programme_body.html``."""
    return {
        "programme": programme,
        "finance": finance_view(programme.finance, lang) if programme.finance else None,
        "explanations": [explanation_view(ex, lang) for ex in programme.explanations],
        "subviews": [programme_view(sub, lang) for sub in programme.subprogrammes],
    }

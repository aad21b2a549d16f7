"""Build the page data of one document (``build_document``): the single place outputs start from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from rekenschap.checks import narrative
from rekenschap.checks.narrative import Sentence
from rekenschap.model import (
    ColumnKind,
    DocumentKind,
    MoneyUnit,
    Problem,
    Programme,
    Report,
    RowKind,
)
from rekenschap.render import chartspecs
from rekenschap.render.builder_parts import finance_data, goal_data
from rekenschap.render.formatting import Formatter, slugify
from rekenschap.render.indicator_parts import indicator_data
from rekenschap.render.messages import Lang, message
from rekenschap.render.overview_parts import findings, printed_overview, reconciliation
from rekenschap.render.pagedata import (
    Cell,
    ChartData,
    DocumentData,
    Link,
    OverviewData,
    ProblemRow,
    ProblemsData,
    ProgrammePage,
    SearchEntry,
    SectionData,
    TableData,
)
from rekenschap.render.print_tables import (
    cover_title,
    grouped_overview,
    grouped_taakvelden,
    observation_notes,
)

MAIN_COLUMN_ORDER = (ColumnKind.ACTUAL, ColumnKind.BUDGET, ColumnKind.AMENDED_BUDGET,
                     ColumnKind.ORIGINAL_BUDGET, ColumnKind.ESTIMATE)
"""Which column the overview shows: realisation in annual reports, the budget year otherwise."""


class Narration:
    """Generated sentences (trend, variance) by model path, from ``rekenschap.checks.narrative``."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._by_path: dict[str, list[str]] = {}
        for sentence in sentences:
            self._by_path.setdefault(sentence.path, []).append(sentence.text)

    def finance(self, programme_path: str) -> list[str]:
        prefix = f"{programme_path}.finance"
        return [t for path, texts in self._by_path.items()
                if path == prefix or path.startswith(prefix + ".") for t in texts]

    def indicator(self, programme_path: str, index: int) -> list[str]:
        return list(self._by_path.get(f"{programme_path}.indicators[{index}]", ()))


def build_document(report: Report, *, lang: Lang = "nl", problems: Sequence[Problem] | None = None,
                   sentences: Sequence[Sentence] | None = None) -> DocumentData:
    """The page data for ``report``; ``problems=None`` means no problems page (public build).

    ``sentences`` are the generated trend/variance sentences; by default they are made by
    ``rekenschap.checks.narrative.sentences`` in the same language.
    """
    fmt = Formatter(lang)
    narration = Narration(narrative.sentences(report, lang) if sentences is None else sentences)
    kind_label = message(f"doc.{report.document.kind.value}", lang)
    year = report.document.year
    title = report.document.title or f"{kind_label} {year}"
    slug = slugify(f"{report.organisation.name} {report.document.kind.value} {year}", "document")
    pages = _programme_pages(report, fmt, narration)
    data = DocumentData(
        slug=slug, lang=lang, title=title, organisation=report.organisation.name,
        cbs_code=report.organisation.cbs_code, recapitulation=grouped_overview(report, fmt),
        taakveld_tables=grouped_taakvelden(report, fmt),
        observation_notes=observation_notes(report, fmt), cover_title=cover_title(report, fmt),
        kind_label=kind_label, year=year, unit_label=fmt.money_unit(report.unit),
        overview=replace(_overview(report, pages, fmt), printed=printed_overview(report, fmt),
                         reconciliation=reconciliation(report, fmt, main_column(report)),
                         findings=findings(problems, fmt)),
        programmes=tuple(pages),
        problems=_problems(problems, fmt) if problems is not None else None)
    return _with_search(data)


def _programme_pages(report: Report, fmt: Formatter, narration: Narration) -> list[ProgrammePage]:
    past = report.document.kind in {DocumentKind.JAARSTUKKEN, DocumentKind.JAARVERSLAG}
    suffix = "jaarstukken" if past else "begroting"
    pages: list[ProgrammePage] = []
    used: set[str] = set()

    def unique(base: str) -> str:
        slug, n = base, 2
        while slug in used or slug in {"index", "problemen", "zoeken"}:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        return slug

    def visit(prog: Programme, path: str, depth: int, parent: Link | None) -> Link:
        label = f"{prog.code} {prog.name}" if prog.code else prog.name
        slug = unique(slugify(label, "programma"))
        link = Link(f"{slug}.html", label)
        index = len(pages)
        pages.append(_programme_page(prog, path, slug, label, depth, parent, report.unit, fmt,
                                     narration, suffix))
        subs = tuple(visit(sub, f"{path}.subprogrammes[{j}]", depth + 1, link)
                     for j, sub in enumerate(prog.subprogrammes))
        if subs:
            page = pages[index]
            pages[index] = ProgrammePage(**{**page.__dict__, "subprogrammes": subs})
        return link

    for i, top in enumerate(report.programmes):
        visit(top, f"programmes[{i}]", 0, None)
    return pages


def _programme_page(prog: Programme, path: str, slug: str, label: str, depth: int,
                    parent: Link | None, unit: MoneyUnit, fmt: Formatter, narration: Narration,
                    suffix: str) -> ProgrammePage:
    lang = fmt.lang
    finance = None
    if prog.finance is not None:
        finance = finance_data(prog.finance, unit, fmt, label, prog.explanations,
                               narration.finance(path))
    indicators = tuple(indicator_data(ind, i, fmt, narration.indicator(path, i))
                       for i, ind in enumerate(prog.indicators))
    sections = tuple(SectionData(s.heading, tuple(p.strip() for p in s.text.split("\n\n")
                                                  if p.strip()))
                     for s in prog.sections)
    return ProgrammePage(
        slug=slug, code=prog.code, title=prog.name,
        level_label=message(f"prog.{prog.level}", lang), depth=depth, parent=parent,
        goals_heading=message(f"prog.goals.{suffix}", lang),
        goals=tuple(goal_data(g, fmt) for g in prog.goals),
        finance_heading=message(f"prog.finance.{suffix}", lang), finance=finance,
        indicators=indicators, sections=sections, subprogrammes=(),
        taakvelden=prog.taakvelden)


def main_column(report: Report) -> ColumnKind | None:
    """The column kind the overview uses: the first of MAIN_COLUMN_ORDER any table has."""
    kinds = {c.kind for p in report.all_programmes() if p.finance for c in p.finance.columns}
    return next((k for k in MAIN_COLUMN_ORDER if k in kinds), None)


def programme_total(prog: Programme, row: RowKind, column: ColumnKind) -> Decimal | None:
    """The programme's amount (absolute: signs differ per municipality), or its subs' sum."""
    if prog.finance is not None:
        value = prog.finance.value(row, column)
        if value is not None:
            return abs(value)
    subs = [v for s in prog.subprogrammes if (v := programme_total(s, row, column)) is not None]
    return sum(subs, Decimal(0)) if subs else None


def _overview(report: Report, pages: list[ProgrammePage], fmt: Formatter) -> OverviewData:
    lang = fmt.lang
    top_links = [Link(p.href, f"{p.code} {p.title}" if p.code else p.title)
                 for p in pages if p.depth == 0]
    column = main_column(report)
    if column is None:
        return OverviewData(table=None, chart=None, links=tuple(top_links), column_label=None)
    col_label = next(c.label for p in report.all_programmes() if p.finance
                     for c in p.finance.columns if c.kind is column)
    lasten = [programme_total(p, RowKind.LASTEN, column) for p in report.programmes]
    baten = [programme_total(p, RowKind.BATEN, column) for p in report.programmes]
    total = sum((v for v in lasten if v is not None), Decimal(0))
    rows = []
    for link, las, bat in zip(top_links, lasten, baten, strict=True):
        share = (las / total * 100) if (las is not None and total) else None
        rows.append((Cell(link.text), Cell(fmt.amount(las), las, True),
                     Cell(fmt.amount(bat), bat, True),
                     Cell(fmt.percent(share) if share is not None else "",
                          share.quantize(Decimal("0.1")) if share is not None else None, True)))
    baten_total = sum((v for v in baten if v is not None), Decimal(0))
    rows.append((Cell(message("doc.total", lang)), Cell(fmt.amount(total), total, True),
                 Cell(fmt.amount(baten_total), baten_total, True),
                 Cell(fmt.percent(Decimal(100)) if total else "",
                      Decimal(100) if total else None, True)))
    unit = fmt.money_unit(report.unit)
    table = TableData(
        caption=f"{message('doc.programmes', lang)}: {col_label}",
        headers=(message("prog.programma", lang), message("fin.kind.lasten", lang).capitalize(),
                 message("fin.kind.baten", lang).capitalize(), message("doc.share", lang)),
        rows=tuple(rows), note=message("fin.unit", lang, unit=unit))
    items = [(link.text, las) for link, las in zip(top_links, lasten, strict=True)
             if las is not None]
    chart: ChartData | None = None
    if items:
        alt = message("doc.chart.share.alt", lang, column=col_label, unit=unit,
                      items="; ".join(f"{t}: {fmt.amount(v)}" for t, v in items))
        spec = chartspecs.share_spec(items, f"{message('fin.kind.lasten', lang)} ({unit})")
        chart = chartspecs.chart(spec, alt, table, lang)
    return OverviewData(table=table, chart=chart, links=tuple(top_links), column_label=col_label)


def _problems(problems: Sequence[Problem], fmt: Formatter) -> ProblemsData:
    lang = fmt.lang
    ordered = sorted(problems, key=lambda p: (-p.severity.rank, p.location.label(), p.code))
    rows = tuple(ProblemRow(code=p.code, severity=p.severity.value,
                            severity_label=message(f"sev.{p.severity.value}", lang),
                            message=p.message,
                            location=p.location.label() + (f" [{p.location.path}]"
                                                           if p.location.path else ""))
                 for p in ordered)
    counts = {s: sum(1 for p in problems if p.severity.value == s)
              for s in ("error", "warning", "notice")}
    summary = message("prob.summary", lang, errors=counts["error"], warnings=counts["warning"],
                      notices=counts["notice"])
    return ProblemsData(summary=summary, rows=rows)


def _with_search(data: DocumentData) -> DocumentData:
    entries = [SearchEntry(f"{data.slug}/index.html", f"{data.organisation}: {data.title}",
                           " ".join(link.text for link in data.overview.links))]
    for page in data.programmes:
        words = [page.goals_heading]
        for goal in page.goals:
            words.append(goal.title)
            words.extend(a.text for a in goal.activities)
        words.extend(i.name for i in page.indicators)
        words.extend(p for s in page.sections for p in (s.heading, *s.paragraphs))
        entries.append(SearchEntry(
            f"{data.slug}/{page.href}",
            f"{page.code + ' ' if page.code else ''}{page.title} ({data.title})",
            " ".join(words)[:4000]))
    return DocumentData(**{**data.__dict__, "search": tuple(entries)})

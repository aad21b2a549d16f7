"""Recognise the structure of a P&C document from its extracted pages (structuurherkenning).

Entry point: :func:`build_report` turns P1's :class:`~rekenschap.importers.pdf.layout.Page`
objects into a :class:`~rekenschap.model.Report` plus the problems met on the way. The stages
are small modules: the reading flow without page furniture (:mod:`.flow`), programme chapters
(:mod:`.programmes`), W-sections (:mod:`.sections`), finance tables (:mod:`.finance`), goals and
results (:mod:`.goals`), variance explanations (:mod:`.explanations`), indicator tables
(:mod:`.indicators`), and the arithmetic of finance tables (:mod:`.consistency`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from rekenschap.importers.headings import document_hint_from_name
from rekenschap.importers.pdf.colophon import own_title, read_colophon
from rekenschap.importers.pdf.columns import ColumnContext
from rekenschap.importers.pdf.computed import drop_computed_difference
from rekenschap.importers.pdf.consistency import finance_problems
from rekenschap.importers.pdf.effects import find_effect_indicators
from rekenschap.importers.pdf.english import is_english_print, to_dutch
from rekenschap.importers.pdf.explanations import find_explanations
from rekenschap.importers.pdf.finance import find_finance_table
from rekenschap.importers.pdf.flow import FlowLine, build_flow, provenance_of
from rekenschap.importers.pdf.goals import find_goals, result_code
from rekenschap.importers.pdf.headed_goals import find_headed_goals
from rekenschap.importers.pdf.indicatorfacts import read_indicator_facts
from rekenschap.importers.pdf.indicators import attach_indicators, find_indicator_tables
from rekenschap.importers.pdf.layout import Page
from rekenschap.importers.pdf.observationnotes import add_observation_notes
from rekenschap.importers.pdf.overview import find_overview
from rekenschap.importers.pdf.programmes import Chapter, body_size, split_chapters
from rekenschap.importers.pdf.sections import Question, match_document, match_w_section
from rekenschap.importers.pdf.status import Icon, read_icons, result_statuses
from rekenschap.importers.pdf.taakvelden import (
    attach_taakvelden,
    find_taakveld_tables,
    listed_taakvelden,
)
from rekenschap.importers.pdf.textsections import find_text_sections
from rekenschap.importers.pdf.twocolumn import find_two_column_goals, two_column_lines
from rekenschap.importers.pdf.words import PageWords
from rekenschap.importers.pdf.yeartable import find_year_indicators
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import (
    ActivityStatus,
    Document,
    DocumentKind,
    Goal,
    Location,
    MoneyUnit,
    Organisation,
    Problem,
    Programme,
    Report,
    Section,
    Severity,
)

__all__ = ["StructureOptions", "build_report"]


@dataclass(frozen=True)
class StructureOptions:
    """Settings of structure recognition; ``None`` means: read it from the document."""

    organisation: str | None = None
    kind: DocumentKind | None = None
    year: int | None = None
    source: str | None = None
    """The PDF itself, to read result status icons; ``None``: ``file`` when it is a file."""


_ORG = re.compile(r"\b[Gg]emeente\s+([A-Z][a-zA-Z'\-]+)\b")
_FRONT_PAGES = 12
_TOC = re.compile(r"\.{4,}|…{2,}")


def _document(flow: Sequence[FlowLine], file: str, options: StructureOptions,
              ) -> tuple[Document, Organisation, list[Problem]]:
    problems: list[Problem] = []
    front = [fl for fl in flow if fl.page <= _FRONT_PAGES]
    body = body_size(flow)
    titles = sorted(((fl.size, m, fl.text) for fl in front if fl.size >= body + 2
                     and (m := match_document(fl.text))), key=lambda t: -t[0])
    toc = [m for fl in front if _TOC.search(fl.text) and (m := match_document(fl.text))]
    mentions = [m for fl in front if (m := match_document(fl.text))]
    hint = document_hint_from_name(file)
    kind: DocumentKind | None = None
    year: int | None = None
    end: int | None = None
    source = ""
    if titles:
        kind, year, end = titles[0][1]
    elif toc:
        kind, year, end = toc[0]
    elif hint.kind is not None and hint.year is not None:
        kind, year, end = hint.kind, hint.year, hint.period_end
        source = "the file name"
    elif mentions:
        (kind, year), _ = Counter((k, y) for k, y, _ in mentions).most_common(1)[0]
        source = "the most frequent mention in the text"
    hits = [m for _, m, _ in titles] + toc
    if kind is DocumentKind.JAARVERSLAG and any(
            k is DocumentKind.JAARSTUKKEN and y == year for k, y, _ in hits):
        kind = DocumentKind.JAARSTUKKEN
    if end is None and hint.year == year:
        end = hint.period_end
    if source and kind is not None and options.kind is None:
        problems.append(Problem(
            code="PDF-DOC-KIND", severity=Severity.NOTICE,
            message=f"no title or table of contents names the document kind and year; "
                    f"taken from {source} ({kind.value} {year})",
            location=Location(file=file, page=1)))
    if options.kind is not None:
        kind = options.kind
    if options.year is not None:
        year = options.year
    if kind is None or year is None:
        problems.append(Problem(
            code="PDF-DOC-KIND", severity=Severity.ERROR if flow else Severity.NOTICE,
            message="document kind and year not found on the first pages nor in the file name; "
                    "assumed begroting 1900 (pass them as options)",
            location=Location(file=file, page=1)))
        kind, year = kind or DocumentKind.BEGROTING, year or 1900
    names = Counter(m.group(1) for fl in front for m in _ORG.finditer(fl.text))
    org_name = options.organisation or _full_name(front, names)
    if org_name is None and flow:
        problems.append(Problem(
            code="PDF-DOC-ORGANISATION", severity=Severity.WARNING,
            message="organisation not named on the first pages ('gemeente X'); left 'onbekend'",
            location=Location(file=file, page=1)))
    doc = Document(kind=kind, year=year, period_end=end if end and end > year else None,
                   title=own_title(titles[0][2]) if titles else None)
    return doc, Organisation(name=org_name or "onbekend",
                             cbs_code=read_colophon(front).cbs_code), problems


def _full_name(front: Sequence[FlowLine], names: Counter[str]) -> str | None:
    """The organisation's name as a colophon prints it ("Uitgave: Gemeente Groningen");
    else the place most mentioned as "gemeente X" in running text."""
    if (publisher := read_colophon(front).publisher) is not None:
        return publisher
    return names.most_common(1)[0][0] if names else None


def _sections(chapter: Chapter) -> dict[Question | None, list[FlowLine]]:
    """The chapter's lines grouped by the W-section they fall under (repeats are joined)."""
    out: dict[Question | None, list[FlowLine]] = {}
    current: Question | None = None
    for fl in chapter.lines[1:]:
        kind = match_w_section(fl.text)
        if kind is None and len(fl.segments) > 1:
            kind = match_w_section(" ".join(seg.text for seg in fl.segments))
        if kind is not None:
            current = kind
        out.setdefault(current, []).append(fl)
    return out


def _programme(chapter: Chapter, file: str, ctx: ColumnContext, path: str,
               icons: dict[int, list[Icon]] | None = None, flow: Sequence[FlowLine] = (),
               words: PageWords | None = None) -> tuple[Programme, list[Problem]]:
    problems: list[Problem] = []
    sections = _sections(chapter)
    finance_lines = sections.get(Question.FINANCE, [])
    table, found = find_finance_table(finance_lines, file=file, context=ctx, path=path)
    problems += found
    table = drop_computed_difference(table) if table is not None else None
    if table is None:
        where = finance_lines[0] if finance_lines else chapter.lines[0]
        problems.append(Problem(
            code="PDF-FIN-MISSING", severity=Severity.WARNING,
            message=f"no baten/lasten table found in programme {chapter.heading.code} "
                    f"{chapter.heading.name!r}",
            location=Location(file=file, page=where.page, line=where.number, path=path)))
    else:
        problems += finance_problems(table, file=file, path=f"{path}.finance")
    goals, found = find_two_column_goals(chapter.lines, file=file, path=path)
    texts: list[Section] = []
    if not goals:
        goals, found = find_goals(sections.get(Question.GOALS, []),
                                  sections.get(Question.ACTIVITIES, []),
                                  programme=chapter.heading.number, file=file, path=path)
        if all(g.code is None for g in goals):  # no numbered goal list: goal headings?
            headed = find_headed_goals(
                [*sections.get(Question.GOALS, []), *sections.get(Question.ACTIVITIES, [])],
                body=body_size(chapter.lines), file=file)
            if headed:
                goals, found = headed, []
    elif sections.get(Question.GOALS):
        # Goals stated as prose beside two-column result tables: kept as text, not paired.
        consumed = two_column_lines(chapter.lines)
        goal_lines = [fl for fl in sections[Question.GOALS] if (fl.page, fl.number) not in consumed]
        body = [fl for fl in goal_lines if fl.text.strip() and match_w_section(fl.text) is None]
        if body:
            texts.append(Section(heading=" ".join(goal_lines[0].text.split())
                                 if match_w_section(goal_lines[0].text) else "Doelstellingen",
                                 text=join_lines([fl.text for fl in body]),
                                 provenance=provenance_of(file, body)))
            problems.append(Problem(
                code="PDF-GOALS-AS-TEXT", severity=Severity.NOTICE,
                message="the goals of this programme are prose beside two-column result tables; "
                        "they are kept as a text section, the tables' rows as goals with results",
                location=Location(file=file, page=body[0].page, line=body[0].number,
                                  path=f"{path}.sections")))
    problems += found
    if icons:
        statuses, found = result_statuses(flow, sections.get(Question.ACTIVITIES, []), icons,
                                          code_of=result_code, file=file)
        problems += found
        goals = [_with_status(g, statuses) for g in goals]
    effects, found = find_effect_indicators(sections.get(Question.INDICATORS, []),
                                            year=ctx.year, file=file, path=path, words=words)
    problems += found
    if not effects:
        effects, found = find_year_indicators(sections.get(Question.INDICATORS, []),
                                              file=file, path=f"{path}.indicators")
        problems += found
    # facts and notes under each indicator's own heading, whichever table it came from
    effects, found = read_indicator_facts(effects, sections.get(Question.INDICATORS, []),
                                          body=body_size(chapter.lines), file=file,
                                          path=f"{path}.indicators")
    problems += found
    effects = add_observation_notes(effects, sections.get(Question.INDICATORS, []),
                                    body=body_size(chapter.lines))
    explanations, found = find_explanations(
        sections.get(Question.EXPLANATION, []), file=file, path=path)
    problems += found
    texts += find_text_sections(chapter.lines[1:], body=body_size(chapter.lines), file=file)
    programme = Programme(
        code=chapter.heading.code,
        name=chapter.heading.name,
        level="deelprogramma" if chapter.heading.level == "deelprogramma" else "programma",
        goals=tuple(goals),
        finance=table,
        explanations=tuple(explanations),
        indicators=tuple(effects),
        sections=tuple(texts),
        taakvelden=listed_taakvelden(sections.get(None, [])),
        provenance=provenance_of(file, chapter.lines[:1]),
    )
    return programme, problems


def _with_status(goal: Goal, statuses: dict[str, ActivityStatus]) -> Goal:
    acts = tuple(a.model_copy(update={"status": statuses[a.code]})
                 if a.code in statuses else a for a in goal.activities)
    return goal.model_copy(update={"activities": acts})


def _icons(chapters: list[Chapter], flow: Sequence[FlowLine], file: str,
           options: StructureOptions) -> tuple[dict[int, list[Icon]], list[Problem]]:
    """Small images on the legend and result pages, when the PDF itself is at hand."""
    source = options.source or (file if Path(file).is_file() else None)
    if source is None:
        return {}, []
    pages = {fl.page for fl in flow if re.match(r"^legenda\b", fl.text.strip(), re.I)}
    if not pages:
        return {}, []  # without a legend an icon means nothing; do not open the PDF again
    for chapter in chapters:
        pages |= {fl.page for fl in _sections(chapter).get(Question.ACTIVITIES, [])}
    return read_icons(source, pages) if pages else ({}, [])


def _paths(chapters: Sequence[Chapter]) -> list[str]:
    """Each chapter's place in the report as problems name it: "programmes[0].subprogrammes[1]"
    for a deelprogramma (as :func:`_nested` will put it)."""
    out: list[str] = []
    top, sub = -1, 0
    for chapter in chapters:
        if chapter.heading.level == "deelprogramma" and top >= 0:
            out.append(f"programmes[{top}].subprogrammes[{sub}]")
            sub += 1
        else:
            top, sub = top + 1, 0
            out.append(f"programmes[{top}]")
    return out


def _nested(programmes: list[Programme]) -> list[Programme]:
    """Deelprogramma's (split_chapters keeps them only right under their programme) moved
    into their programme's ``subprogrammes``."""
    out: list[Programme] = []
    for programme in programmes:
        if programme.level == "deelprogramma" and out:
            parent = out[-1]
            out[-1] = parent.model_copy(
                update={"subprogrammes": (*parent.subprogrammes, programme)})
        else:
            out.append(programme)
    return out


_T = TypeVar("_T")


def _guarded(stage: str, file: str, run: Callable[[], tuple[_T, list[Problem]]], fallback: _T,
             ) -> tuple[_T, list[Problem]]:
    """Run one stage; a bug in it becomes a problem and the rest of the import goes on."""
    try:
        return run()
    except Exception as exc:  # a crashing stage is a bug, reported as data (style rule 1)
        return fallback, [Problem(
            code="PDF-STAGE-FAILED", severity=Severity.ERROR,
            message=f"recognising {stage} failed ({type(exc).__name__}: {exc}); that part is "
                    f"not imported. This is a bug in the importer.",
            location=Location(file=file))]


def _indicators(programmes: list[Programme], flow: Sequence[FlowLine], pages: Sequence[Page],
                file: str, words: PageWords) -> tuple[list[Programme], list[Problem]]:
    tables, problems = find_indicator_tables(flow, file=file, words=words,
                                             rects={p.number: p.rects for p in pages})
    programmes, found = attach_indicators(programmes, tables, file=file)
    return programmes, problems + found


def _taakvelden(programmes: list[Programme], flow: Sequence[FlowLine], ctx: ColumnContext,
                file: str) -> tuple[list[Programme], list[Problem]]:
    tables, problems = find_taakveld_tables(flow, context=ctx, file=file)
    programmes, found = attach_taakvelden(programmes, tables, file=file)
    return programmes, problems + found


def build_report(
    pages: Sequence[Page], *, file: str, options: StructureOptions | None = None,
) -> tuple[Report, list[Problem]]:
    """The report recognised in ``pages`` and every problem met; bad input never raises."""
    options = options or StructureOptions()
    flow = build_flow(pages)
    if is_english_print(flow):
        flow = to_dutch(flow)
    document, organisation, problems = _document(flow, file, options)
    ctx = ColumnContext(kind=document.kind, year=document.year)
    chapters = split_chapters(flow)
    if not chapters:
        problems.append(Problem(
            code="PDF-PROGRAMME-NONE", severity=Severity.ERROR,
            message="no programme headings ('P1 ...', 'Programma 1 ...') found" if flow else
            "no page has a usable text layer, so there is nothing to recognise (see the page "
            "problems; OCR may help)",
            location=Location(file=file)))
    words = PageWords(options.source or (file if Path(file).is_file() else None))
    no_icons: dict[int, list[Icon]] = {}
    icons, found = _guarded("status icons", file, partial(_icons, chapters, flow, file, options),
                            no_icons)
    problems += found
    programmes: list[Programme] = []
    for chapter, path in zip(chapters, _paths(chapters), strict=True):
        bare = Programme(code=chapter.heading.code, name=chapter.heading.name,
                         provenance=provenance_of(file, chapter.lines[:1]))
        programme, found = _guarded(
            f"programme {chapter.heading.code}", file,
            partial(_programme, chapter, file, ctx, path, icons, flow, words),
            bare)
        programmes.append(programme)
        problems += found
    programmes, found = _guarded("beleidsindicatoren", file, lambda: _indicators(
        programmes, flow, pages, file, words), programmes)
    problems += found
    programmes, found = _guarded("taakvelden", file, lambda: _taakvelden(
        programmes, flow, ctx, file), programmes)
    problems += found
    words.close()
    names = {p.name: p.code for p in reversed(programmes) if p.code}  # the first one wins
    programmes = _nested(programmes)
    overview, found = _guarded("overview", file, lambda: find_overview(
        flow, file=file, context=ctx, programme_codes=[p.code or "" for p in programmes],
        programme_names=names),
        None)
    problems += found
    units = [p.finance.unit for p in programmes if p.finance and p.finance.unit]
    unit = Counter(units).most_common(1)[0][0] if units else MoneyUnit()
    report = Report(organisation=organisation, document=document, unit=unit,
                    programmes=tuple(programmes), overview=overview,
                    provenance=provenance_of(file, flow[:1]))
    return report, problems

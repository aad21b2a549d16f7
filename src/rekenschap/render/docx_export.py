"""DOCX export (python-docx): real Word headings and editable tables from the page data."""

from __future__ import annotations

import base64
import io
import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from rekenschap.render.charts import ChartRenderer
from rekenschap.render.comparison import ComparisonPage
from rekenschap.render.messages import Lang, message
from rekenschap.render.pagedata import ChartData, DocumentData, ProgrammePage, TableData

_STYLE_IDS = {"Title": "Title", "Caption": "Caption", "List Bullet": "ListBullet",
              "Quote": "Quote", **{f"Heading {n}": f"Heading{n}" for n in range(1, 10)}}
"""Style ids of python-docx's default template. Setting the id directly skips python-docx's
lookup by name, which scans every style for each paragraph (most of a large export's time)."""


def paragraph(document: DocxDocument, text: str = "", style: str | None = None) -> Paragraph:
    """``document.add_paragraph`` with the style set by id (same result, much faster)."""
    para = document.add_paragraph(text)
    if style is not None:
        para._p.style = _STYLE_IDS[style]
    return para


def heading(document: DocxDocument, text: str, level: int) -> Paragraph:
    """``document.add_heading``: Title for level 0, Heading 1-9 otherwise."""
    return paragraph(document, text, "Title" if level == 0 else f"Heading {level}")


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def add_table(document: DocxDocument, data: TableData) -> Table:
    paragraph(document, data.caption, "Caption")
    table: Table = document.add_table(rows=1 + len(data.rows), cols=len(data.headers))
    table._tbl.tblPr.style = "TableGrid"   # "Table Grid" by id (see paragraph())
    for cell, header in zip(table.rows[0].cells, data.headers, strict=True):
        cell.text = header
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(table)
    for index, row in enumerate(data.rows, start=1):
        cells = table.rows[index].cells
        for i, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = value.text
            if i > 0 and value.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    if data.note:
        paragraph(document, data.note)
    return table


def add_chart(document: DocxDocument, chart: ChartData, renderer: ChartRenderer,
              shape_id: int) -> None:
    """The chart as a PNG picture with its text alternative as the picture's description.

    ``shape_id`` is unique in the document (python-docx's ``add_picture`` finds one by scanning
    every id in the document for each picture).
    """
    uri = renderer.png_data_uri(chart)
    png = base64.b64decode(uri.split(",", 1)[1])
    r_id, image = document.part.get_or_add_image(io.BytesIO(png))
    width, height = image.scaled_dimensions(Cm(14), None)
    inline = CT_Inline.new_pic_inline(shape_id, r_id, image.filename, width, height)
    # python-docx has no API for alt text: set wp:docPr/@descr, which Word shows as "Alt Text".
    inline.docPr.set("descr", chart.alt)
    inline.docPr.set("title", chart.table.caption)
    paragraph(document).add_run()._r.add_drawing(inline)
    paragraph(document, chart.alt, "Caption")


def _programme(document: DocxDocument, page: ProgrammePage, lang: Lang,
               renderer: ChartRenderer, ids: Iterator[int]) -> None:
    heading(document, f"{page.code + ' ' if page.code else ''}{page.title}", 1)
    paragraph(document, page.level_label)
    if page.taakvelden:
        paragraph(document, f"{message('prog.taakvelden', lang)}: {', '.join(page.taakvelden)}")
    heading(document, page.goals_heading, 2)
    for goal in page.goals:
        heading(document, f"{goal.code + ' ' if goal.code else ''}{goal.title}", 3)
        if goal.description:
            paragraph(document, goal.description)
        for act in goal.activities:
            prefix = f"[{act.status_label}] " if act.status else ""
            paragraph(document, prefix + act.text, "List Bullet")
    heading(document, page.finance_heading, 2)
    if page.finance is not None:
        # the table the site shows: with the computed Verschil and its convention in the note
        add_table(document, page.finance.display)
        if page.finance.sign_note:
            paragraph(document, page.finance.sign_note)
        for sentence in page.finance.sentences:
            paragraph(document, sentence)
        for var in page.finance.variances:
            heading(document, var.title or message("fin.variances", lang), 3)
            if var.threshold:
                paragraph(document, var.threshold)
            if var.table:
                add_table(document, var.table)
            for title, text in var.texts:
                explained = paragraph(document)
                explained.add_run(title + ": ").bold = True
                explained.add_run(text)
    if page.indicators:
        heading(document, message("prog.indicators", lang), 2)
        for ind in page.indicators:
            heading(document, ind.name, 3)
            for sentence in ind.sentences:
                paragraph(document, sentence)
            add_table(document, ind.table)
            if ind.chart is not None:
                add_chart(document, ind.chart, renderer, next(ids))
            for claim in ind.claims:
                paragraph(document, f"“{claim}”", "Quote")
    for section in page.sections:
        heading(document, section.heading, 2)
        for para in section.paragraphs:
            paragraph(document, para)


def _overview(document: DocxDocument, doc: DocumentData, renderer: ChartRenderer,
              ids: Iterator[int]) -> None:
    """The overview as on the site: share of the total, the chart, the document's own overview
    against the programme tables (reconciliation), the findings on it, the overview as printed."""
    overview = doc.overview
    heading(document, message("doc.overview", doc.lang), 1)
    if overview.table:
        add_table(document, overview.table)
        if overview.chart is not None:
            add_chart(document, overview.chart, renderer, next(ids))
    elif not overview.printed:
        paragraph(document, message("doc.nofinance", doc.lang))
    if overview.printed:
        heading(document, message("doc.own", doc.lang), 2)
        if overview.reconciliation:
            add_table(document, overview.reconciliation)
        if overview.findings:
            heading(document, message("doc.findings", doc.lang), 3)
            for finding in overview.findings:
                paragraph(document, finding, "List Bullet")
        add_table(document, overview.printed)


def _comparison(document: DocxDocument, page: ComparisonPage, renderer: ChartRenderer,
                ids: Iterator[int]) -> None:
    """The comparison with peer municipalities: a chapter with a table (and chart) per measure."""
    lang = renderer.lang
    heading(document, page.title, 1)
    paragraph(document, page.intro)
    for section in page.measures:
        heading(document, section.heading, 2)
        if section.chart is not None:
            add_chart(document, section.chart, renderer, next(ids))
        add_table(document, section.table)
    if page.indicators is not None:
        heading(document, message("cmp.indicators", lang), 2)
        add_table(document, page.indicators)
    heading(document, message("cmp.sources", lang), 2)
    for source in page.sources:
        paragraph(document, message("cmp.source", lang, source=source), "List Bullet")
    if page.peers:
        paragraph(document, f"{message('cmp.peers', lang)}: {page.peers}")


def write_docx(doc: DocumentData, out: str | Path, renderer: ChartRenderer | None = None,
               comparisons: Sequence[ComparisonPage] = ()) -> Path:
    """One Word document: title, overview, a Heading 1 chapter per programme, then the
    comparisons with peer municipalities and the problems."""
    renderer = renderer or ChartRenderer(lang=doc.lang)
    renderer.render_all([*doc.charts(), *(s.chart for p in comparisons for s in p.measures
                                          if s.chart is not None)])
    document = Document()
    document.core_properties.title = f"{doc.organisation}: {doc.title}"
    document.core_properties.author = doc.organisation
    document.core_properties.language = doc.lang
    heading(document, doc.title, 0)
    paragraph(document, doc.organisation)
    ids = itertools.count(1)
    _overview(document, doc, renderer, ids)
    for page in doc.programmes:
        _programme(document, page, doc.lang, renderer, ids)
    for comparison in comparisons:
        _comparison(document, comparison, renderer, ids)
    if doc.problems is not None:
        heading(document, message("prob.title", doc.lang), 1)
        paragraph(document, doc.problems.summary)
        for p in doc.problems.rows:
            paragraph(document, f"{p.severity_label} {p.code}: {p.message} ({p.location})",
                      "List Bullet")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path

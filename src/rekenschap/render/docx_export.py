"""DOCX export (python-docx): real Word headings and editable tables from the page data."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table

from rekenschap.render.charts import ChartRenderer
from rekenschap.render.comparison import ComparisonPage
from rekenschap.render.messages import Lang, message
from rekenschap.render.pagedata import ChartData, DocumentData, ProgrammePage, TableData


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def add_table(document: object, data: TableData) -> Table:
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    document.add_paragraph(data.caption, style="Caption")
    table: Table = document.add_table(rows=1 + len(data.rows), cols=len(data.headers))
    table.style = "Table Grid"
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
        document.add_paragraph(data.note)
    return table


def add_chart(document: object, chart: ChartData, renderer: ChartRenderer) -> None:
    """The chart as a PNG picture with its text alternative as the picture's description."""
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    uri = renderer.png_data_uri(chart)
    png = base64.b64decode(uri.split(",", 1)[1])
    shape = document.add_picture(io.BytesIO(png), width=Cm(14))
    # python-docx has no API for alt text: set wp:docPr/@descr, which Word shows as "Alt Text".
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", chart.alt)
    doc_pr.set("title", chart.table.caption)
    document.add_paragraph(chart.alt, style="Caption")


def _programme(document: object, page: ProgrammePage, lang: Lang,
               renderer: ChartRenderer) -> None:
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    document.add_heading(f"{page.code + ' ' if page.code else ''}{page.title}", level=1)
    document.add_paragraph(page.level_label)
    if page.taakvelden:
        document.add_paragraph(f"{message('prog.taakvelden', lang)}: {', '.join(page.taakvelden)}")
    document.add_heading(page.goals_heading, level=2)
    for goal in page.goals:
        document.add_heading(f"{goal.code + ' ' if goal.code else ''}{goal.title}", level=3)
        if goal.description:
            document.add_paragraph(goal.description)
        for act in goal.activities:
            prefix = f"[{act.status_label}] " if act.status else ""
            document.add_paragraph(prefix + act.text, style="List Bullet")
    document.add_heading(page.finance_heading, level=2)
    if page.finance is not None:
        # the table the site shows: with the computed Verschil and its convention in the note
        add_table(document, page.finance.display)
        if page.finance.sign_note:
            document.add_paragraph(page.finance.sign_note)
        for sentence in page.finance.sentences:
            document.add_paragraph(sentence)
        for var in page.finance.variances:
            document.add_heading(var.title or message("fin.variances", lang), level=3)
            if var.threshold:
                document.add_paragraph(var.threshold)
            if var.table:
                add_table(document, var.table)
            for title, text in var.texts:
                explained = document.add_paragraph()
                explained.add_run(title + ": ").bold = True
                explained.add_run(text)
    if page.indicators:
        document.add_heading(message("prog.indicators", lang), level=2)
        for ind in page.indicators:
            document.add_heading(ind.name, level=3)
            for sentence in ind.sentences:
                document.add_paragraph(sentence)
            add_table(document, ind.table)
            if ind.chart is not None:
                add_chart(document, ind.chart, renderer)
            for claim in ind.claims:
                document.add_paragraph(f"“{claim}”", style="Quote")
    for section in page.sections:
        document.add_heading(section.heading, level=2)
        for para in section.paragraphs:
            document.add_paragraph(para)


def _overview(document: object, doc: DocumentData, renderer: ChartRenderer) -> None:
    """The overview as on the site: share of the total, the chart, the document's own overview
    against the programme tables (reconciliation), the findings on it, the overview as printed."""
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    overview = doc.overview
    document.add_heading(message("doc.overview", doc.lang), level=1)
    if overview.table:
        add_table(document, overview.table)
        if overview.chart is not None:
            add_chart(document, overview.chart, renderer)
    elif not overview.printed:
        document.add_paragraph(message("doc.nofinance", doc.lang))
    if overview.printed:
        document.add_heading(message("doc.own", doc.lang), level=2)
        if overview.reconciliation:
            add_table(document, overview.reconciliation)
        if overview.findings:
            document.add_heading(message("doc.findings", doc.lang), level=3)
            for finding in overview.findings:
                document.add_paragraph(finding, style="List Bullet")
        add_table(document, overview.printed)


def _comparison(document: object, page: ComparisonPage, renderer: ChartRenderer) -> None:
    """The comparison with peer municipalities: a chapter with a table (and chart) per measure."""
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    lang = renderer.lang
    document.add_heading(page.title, level=1)
    document.add_paragraph(page.intro)
    for section in page.measures:
        document.add_heading(section.heading, level=2)
        if section.chart is not None:
            add_chart(document, section.chart, renderer)
        add_table(document, section.table)
    if page.indicators is not None:
        document.add_heading(message("cmp.indicators", lang), level=2)
        add_table(document, page.indicators)
    document.add_heading(message("cmp.sources", lang), level=2)
    for source in page.sources:
        document.add_paragraph(message("cmp.source", lang, source=source), style="List Bullet")
    if page.peers:
        document.add_paragraph(f"{message('cmp.peers', lang)}: {page.peers}")


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
    document.add_heading(doc.title, level=0)
    document.add_paragraph(doc.organisation)
    _overview(document, doc, renderer)
    for page in doc.programmes:
        _programme(document, page, doc.lang, renderer)
    for comparison in comparisons:
        _comparison(document, comparison, renderer)
    if doc.problems is not None:
        document.add_heading(message("prob.title", doc.lang), level=1)
        document.add_paragraph(doc.problems.summary)
        for p in doc.problems.rows:
            document.add_paragraph(f"{p.severity_label} {p.code}: {p.message} ({p.location})",
                                   style="List Bullet")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path

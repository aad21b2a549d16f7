"""PDF export (WeasyPrint) from the page data: tagged PDF/UA-1, page numbers, table of contents.

The PDF is made from its own print template (headings per programme, real tables) so that the
PDF importer can read it back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
from markupsafe import Markup
from weasyprint import HTML  # type: ignore[import-untyped]

from rekenschap.render.charts import ChartRenderer
from rekenschap.render.html import environment
from rekenschap.render.messages import message
from rekenschap.render.pagedata import DocumentData

PRINT_CSS = Path(__file__).parent / "static" / "print.css"


_BREAKABLE = re.compile(r"([-/])(?=\S)")
_WORD_JOINER = "\u2060"


def nobreak(text: str | None) -> str:
    """Text whose words with a hyphen or slash ("ggz-problematiek", "km/u", "->2023") do not
    break there (a word joiner after the character): a line break at such a character cannot
    be told from a hyphenation on import. The joiner is invisible and not extracted."""
    return _BREAKABLE.sub(lambda m: m.group(1) + _WORD_JOINER, text or "")


_NUMBER_AFTER_WORD = re.compile(r"(?<=[^\W\d]) (?=\d)")


def unit_text(text: str | None) -> str:
    """A unit label whose number stays on the line of the word before it ("per 1.000" with a
    no-break space):
    a number alone on a line of the unit cell could not be told from an amount, and its
    separators are the document's own (a Dutch "1.000" in an English print)."""
    return _NUMBER_AFTER_WORD.sub("\u00a0", nobreak(text))


def print_html(doc: DocumentData, renderer: ChartRenderer | None = None) -> str:
    """The single HTML document the PDF is printed from."""
    renderer = renderer or ChartRenderer(lang=doc.lang)
    charts = doc.charts()
    renderer.render_all(charts)
    # Charts go in as PNG images: an <img> carries its alt text into the tagged PDF, and
    # WeasyPrint lays out images much faster than inline SVG.
    pngs = {c.key: renderer.png_data_uri(c) for c in charts}
    labels = (f':root {{ --rs-page-label: "{message("print.page", doc.lang)}"; '
              f'--rs-of-label: "{message("print.of", doc.lang)}"; }}\n')
    css = PRINT_CSS.read_text(encoding="utf-8")
    # WeasyPrint does not resolve var() inside @page margin boxes; substitute the labels.
    css = css.replace("var(--rs-page-label)", f'"{message("print.page", doc.lang)}"')
    css = css.replace("var(--rs-of-label)", f'"{message("print.of", doc.lang)}"')
    env = environment(doc.lang)
    env.filters["nobreak"] = nobreak
    env.filters["unit_text"] = unit_text
    return env.get_template("print.html.j2").render(
        doc=doc, pngs=pngs, css=Markup(labels + css))  # our own stylesheet, not user text


def write_pdf(doc: DocumentData, out: str | Path, renderer: ChartRenderer | None = None) -> Path:
    """Write ``doc`` as a tagged PDF (PDF/UA-1 variant) to ``out``."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=print_html(doc, renderer), base_url=str(path.parent)).write_pdf(
        path, pdf_variant="pdf/ua-1", custom_metadata=True)
    _scope_table_headers(path)
    return path


def _scope_table_headers(path: Path) -> None:
    """Give every table header cell (TH) its /Scope: Column in a table head, Row in the body.

    WeasyPrint tags TH cells without it; PDF/UA (Matterhorn 15-003) wants the scope of a TH
    in a table that does not use Headers/IDs.
    """
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        stack: list[tuple[pikepdf.Object, str]] = [(pdf.Root.StructTreeRoot, "")]
        while stack:
            node, part = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend((k, part) for k in node)
                continue
            if not isinstance(node, pikepdf.Dictionary):
                continue
            kind = str(node.get("/S", ""))
            if kind == "/TH":
                scope = pikepdf.Name.Column if part == "/THead" else pikepdf.Name.Row
                node.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=scope)
            kids = node.get("/K")
            if kids is not None:
                stack.append((kids, kind if kind in {"/THead", "/TBody"} else part))
        pdf.save(path)

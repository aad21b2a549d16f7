"""PDF/UA properties of the exported PDF, read with pikepdf from the file itself.

Marked content, a structure tree with headings and real tables (TH with a scope, TD), the
document language, a title shown as the window title, and a text alternative on every figure.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from tests.render.sample import rich_report

from rekenschap.render.exports import ExportFormat, export


def _elements(root: pikepdf.Object) -> list[pikepdf.Dictionary]:
    found: list[pikepdf.Dictionary] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                stack.append(node.K)
    return found


@pytest.fixture(scope="module", params=["nl", "en"])
def tagged(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           ) -> tuple[str, pikepdf.Pdf]:
    lang = str(request.param)
    (path,) = export(rich_report(), ExportFormat.PDF,
                     tmp_path_factory.mktemp(f"ua-{lang}") / "r.pdf", lang=lang)
    return lang, pikepdf.open(Path(path))


def test_marked_with_language_and_title(tagged: tuple[str, pikepdf.Pdf]) -> None:
    lang, pdf = tagged
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == lang
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    title = "Jaarstukken 2023" if lang == "nl" else "Annual report and accounts 2023"
    assert str(pdf.docinfo.Title) == f"Gemeente Voorbeeld-aan-Zee: {title}"
    with pdf.open_metadata() as meta:
        assert meta["dc:title"] == str(pdf.docinfo.Title)
        assert meta["pdfuaid:part"] == "1"


def test_structure_has_headings_and_real_tables(tagged: tuple[str, pikepdf.Pdf]) -> None:
    _, pdf = tagged
    elements = _elements(pdf.Root.StructTreeRoot)
    kinds = Counter(str(e.S) for e in elements)
    assert kinds["/H1"] == 1
    assert kinds["/H2"] >= 4 and kinds["/H3"] >= 4
    assert kinds["/Table"] >= 5 and kinds["/TH"] >= 20 and kinds["/TD"] >= 50
    scopes = Counter(str(e.A.Scope) for e in elements if str(e.S) == "/TH" and "/A" in e)
    assert sum(scopes.values()) == kinds["/TH"]  # every header cell has a scope
    assert scopes["/Column"] >= 10 and scopes["/Row"] >= 10


def test_every_figure_has_a_text_alternative(tagged: tuple[str, pikepdf.Pdf]) -> None:
    lang, pdf = tagged
    figures = [e for e in _elements(pdf.Root.StructTreeRoot) if str(e.S) == "/Figure"]
    assert len(figures) >= 3  # the overview chart and two indicator charts
    alts = [str(f.get("/Alt", "")) for f in figures]
    assert all(len(a) > 20 for a in alts), alts
    assert any(a.startswith("Staafdiagram" if lang == "nl" else "Bar chart") for a in alts)

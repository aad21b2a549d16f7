"""The document's own overview beside the totals computed from the programme tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import lxml.html

from rekenschap.model import Location, Problem, Report, Severity
from rekenschap.render.builder import build_document
from rekenschap.render.pagedata import Cell
from rekenschap.render.site import build_site

from .conftest import example_report
from .sample import rich_report


def _texts(rows: tuple[tuple[Cell, ...], ...]) -> list[list[str]]:
    return [[c.text for c in r] for r in rows]


def test_reconciliation_shows_printed_computed_and_difference() -> None:
    doc = build_document(rich_report(), problems=None)
    recon = doc.overview.reconciliation
    assert recon is not None and "Realisatie 2023" in recon.caption
    assert _texts(recon.rows) == [
        ["Veiligheid en handhaving: lasten", "-4.493", "-4.493", "0"],
        ["Veiligheid en handhaving: baten", "236", "236", "0"],
        ["Verkeer, vervoer en waterstaat: lasten", "-6.900", "-7.012", "112"],
        ["Verkeer, vervoer en waterstaat: baten", "901", "901", "0"],
        ["Saldo van baten en lasten: lasten", "-11.505", "-11.505", "0"],
        ["Saldo van baten en lasten: baten", "1.137", "1.137", "0"]]
    assert recon.rows[2][3].value == Decimal(112)
    printed = doc.overview.printed
    assert printed is not None and printed.caption.endswith("zoals in het document (p. 18)")
    assert len(printed.rows) == 7 and printed.rows[4][0].text == "Overhead: lasten"
    assert printed.number_format == "#,##0.0"


def test_no_overview_means_no_tables() -> None:
    doc = build_document(example_report(), problems=[])
    assert doc.overview.printed is None and doc.overview.reconciliation is None


def test_fin_totals_findings_keep_their_own_severity() -> None:
    problems = [
        Problem(code="FIN-TOTALS", severity=Severity.NOTICE, message="P2 lasten verschillen",
                location=Location(file="j.pdf", page=18, line=3)),
        Problem(code="FIN-TOTALS", severity=Severity.ERROR, message="totaal wijkt af"),
        Problem(code="FIN-OVERRUN", severity=Severity.ERROR, message="not shown here")]
    doc = build_document(rich_report(), lang="en", problems=problems)
    assert doc.overview.findings[0].startswith("Notice: P2 lasten verschillen (j.pdf")
    assert doc.overview.findings[1] == "Error: totaal wijkt af"
    assert len(doc.overview.findings) == 2
    assert build_document(rich_report(), problems=None).overview.findings == ()


def test_site_overview_page_has_both_tables(tmp_path: Path) -> None:
    site = build_site([rich_report()], tmp_path, public=True)
    page = next(p for p in site.pages if p.name == "index.html" and p.parent != tmp_path)
    tree = lxml.html.fromstring(page.read_bytes())
    captions = [c.text_content() for c in tree.xpath("//caption")]
    assert any(c.startswith("Overzicht en programmatabellen vergeleken") for c in captions)
    assert "Overzicht van baten en lasten zoals in het document (p. 18)" in captions
    cells = [td.text_content() for td in tree.xpath("//tr[th='Verkeer, vervoer en waterstaat: "
                                                   "lasten']/td")]
    assert "112" in cells


def test_wassenaar_overview_and_fin_totals_on_the_overview(
        wassenaar: tuple[Report, list[Problem]]) -> None:
    from rekenschap.checks import run_checks

    report, _ = wassenaar
    doc = build_document(report, problems=run_checks(report))
    recon = doc.overview.reconciliation
    assert recon is not None
    p3 = {r[0].text: r[3].value for r in recon.rows if "Bestuur en middelen" in r[0].text}
    # Realisatie 2023, p. 18 against p. 47: 1.046 printed, 59.468 in the programme table
    assert p3.get("P3 Bestuur en middelen: baten") == Decimal(1046 - 59468), p3
    assert any("P3 Bestuur en middelen" in f for f in doc.overview.findings)

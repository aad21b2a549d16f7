"""The page-data builder: what every output shows, built once per document."""

from __future__ import annotations

from decimal import Decimal

from rekenschap.model import Document, DocumentKind, Organisation, Programme, Report
from rekenschap.render.builder import build_document, main_column
from rekenschap.render.formatting import Formatter, slugify

from .conftest import SAMPLE_PROBLEMS, example_report
from .sample import SCRIPT_GOAL, rich_report


def test_example_overview_and_programme_page() -> None:
    doc = build_document(example_report(), problems=[])
    assert (doc.slug, doc.title, doc.organisation) == (
        "gemeente-groningen-jaarstukken-2024", "Jaarstukken 2024", "Gemeente Groningen")
    assert doc.overview.column_label == "Rekening"
    table = doc.overview.table
    assert table is not None
    assert [[c.text for c in row] for row in table.rows] == [
        ["2.2 Veiligheid", "45.324", "9.648", "100,0%"],
        ["Totaal", "45.324", "9.648", "100,0%"]]
    assert table.note == "Bedragen x € 1.000"
    (page,) = doc.programmes
    assert (page.slug, page.level_label, page.depth) == ("2-2-veiligheid", "Deelprogramma", 0)
    assert page.goals_heading == "Wat wilden we bereiken en wat hebben we daarvoor gedaan?"
    assert page.finance_heading == "Wat heeft het gekost?"
    assert len(page.goals) == 8 and page.goals[0].activities[3].text.startswith("> 100")
    assert page.finance is not None
    assert page.finance.table.headers == ("Omschrijving", "Primitieve begroting",
                                          "Actuele begroting", "Rekening")
    assert [c.value for c in page.finance.table.rows[0][1:]] == [
        Decimal(42668), Decimal(44622), Decimal(45324)]
    assert "De lasten zijn € 702.000 (1,6%) hoger dan begroot." in page.finance.sentences


def test_indicators_keep_unknown_periods_and_chart_only_dated_values() -> None:
    doc = build_document(example_report(), problems=[])
    page = doc.programmes[0]
    crimes = page.indicators[0]
    assert [r[0].text for r in crimes.table.rows] == ["periode niet vermeld"] * 2
    assert crimes.chart is None  # no periods: a table, no chart
    shop = page.indicators[1]
    assert shop.chart is not None
    assert shop.chart.alt == ("Lijngrafiek van Winkeldiefstallen (per 1000 inwoners): "
                              "2019: 4; 2023: 5,7; 2024: 5,4. Peiljaar 2019: 4.")
    assert shop.claims and shop.claims[0].startswith("Winkeldiefstallen t.o.v. peiljaar 2019")
    assert shop.sentences and "gestegen" in shop.sentences[0]


def test_rich_report_hierarchy_signs_variances_and_nnb() -> None:
    doc = build_document(rich_report(), problems=SAMPLE_PROBLEMS)
    assert [(p.slug, p.depth) for p in doc.programmes] == [
        ("1-veiligheid-en-handhaving", 0), ("1-1-crisisbeheersing-en-brandweer", 1),
        ("1-2-openbare-orde-en-veiligheid", 1), ("2-verkeer-vervoer-en-waterstaat", 0)]
    top = doc.programmes[0]
    assert [s.href for s in top.subprogrammes] == [
        "1-1-crisisbeheersing-en-brandweer.html", "1-2-openbare-orde-en-veiligheid.html"]
    assert doc.programmes[1].parent is not None
    assert doc.programmes[1].parent.href == "1-veiligheid-en-handhaving.html"
    # Lasten printed negative (Wassenaar): the overview shows magnitudes and shares.
    assert doc.overview.table is not None
    rows = [[c.text for c in r] for r in doc.overview.table.rows]
    assert rows == [["1 Veiligheid en handhaving", "4.493", "236", "39,1%"],
                    ["2 Verkeer, vervoer en waterstaat", "7.012", "901", "60,9%"],
                    ["Totaal", "11.505", "1.137", "100,0%"]]
    fin = top.finance
    assert fin is not None and fin.sign_note == '"-" = nadeel / "+" = voordeel'
    assert fin.table.headers[-1] == "Verschil"
    assert [c.text for c in fin.table.rows[0]] == ["Lasten", "-4.346", "-4.412", "-4.493", "-81"]
    (variance,) = fin.variances
    assert variance.threshold == "Verschillen vanaf € 50.000 worden toegelicht."
    assert variance.table is not None
    assert [c.text for c in variance.table.rows[0]] == ["Opvang Oekraïners", "-81.000",
                                                        "lasten, incidenteel"]
    assert variance.table.note == "Bedragen in euro's"  # item amounts are euros
    assert variance.texts[1] == ("Leges evenementen", "Meer evenementenvergunningen verleend.")
    shop = top.indicators[0]
    assert [c.text for c in shop.table.rows[-1]] == ["2024", "n.n.b.", "peildatum 2024-03-01"]
    assert shop.chart is not None and "2024" not in shop.chart.alt.split("):")[1]
    assert shop.target == "lager is beter"
    assert top.goals[0].title == SCRIPT_GOAL  # stored raw; templates escape
    assert [a.status_label for a in top.goals[0].activities] == [
        "Gerealiseerd", "Loopt", "Vertraagd", "Niet gerealiseerd"]
    # 7350.5 keeps its decimal in the number and in the spreadsheet format
    assert doc.programmes[3].finance is not None
    assert doc.programmes[3].finance.table.number_format == "#,##0.0"
    assert doc.programmes[3].finance.table.rows[0][2].text == "-7.350,5"


def test_problems_sorted_by_severity_with_location() -> None:
    doc = build_document(rich_report(), problems=list(reversed(SAMPLE_PROBLEMS)))
    assert doc.problems is not None
    assert [r.code for r in doc.problems.rows] == [
        "FIN-OVERRUN", "IND-UNIT-CHANGED", "TXT-CLAIM-CHECKED"]
    assert doc.problems.rows[0].location == "jaarstukken-2023.pdf:23:4 [programmes[0].finance]"
    assert doc.problems.summary == "1 fouten, 1 waarschuwingen, 1 opmerkingen."
    assert build_document(rich_report(), problems=None).problems is None


def test_english_output() -> None:
    doc = build_document(rich_report(), lang="en", problems=[])
    assert doc.title == "Annual report and accounts 2023"
    top = doc.programmes[0]
    assert top.goals_heading == "What did we want to achieve, and what did we do for it?"
    assert top.finance is not None
    assert [c.text for c in top.finance.table.rows[0]][1] == "-4,346"
    assert any("higher than budgeted" in s for s in top.finance.sentences)


def test_search_entries_cover_every_page() -> None:
    doc = build_document(rich_report(), problems=[])
    hrefs = [e.href for e in doc.search]
    assert hrefs[0] == f"{doc.slug}/index.html"
    assert hrefs[1:] == [f"{doc.slug}/{p.href}" for p in doc.programmes]
    assert "Cameratoezicht uitgebreid" in doc.search[1].text
    assert "Winkeldiefstallen" in doc.search[1].text


def test_report_without_finance_and_budget_headings() -> None:
    report = Report(organisation=Organisation(name="Gemeente Leeg"),
                    document=Document(kind=DocumentKind.BEGROTING, year=2025),
                    programmes=(Programme(name="Bestuur"), Programme(name="Bestuur")))
    doc = build_document(report)
    assert doc.overview.table is None and doc.overview.chart is None
    assert main_column(report) is None
    assert [p.slug for p in doc.programmes] == ["bestuur", "bestuur-2"]
    assert doc.programmes[0].goals_heading == (
        "Wat willen we bereiken en wat gaan we daarvoor doen?")
    assert doc.programmes[0].finance_heading == "Wat mag het kosten?"


def test_formatter_and_slugs() -> None:
    nl, en = Formatter("nl"), Formatter("en")
    assert nl.amount(Decimal("-4346")) == "-4.346" and en.amount(Decimal("-4346")) == "-4,346"
    assert nl.number(Decimal("5.7")) == "5,7" and nl.amount(None) == ""
    assert slugify("2.2 Veiligheid & Zorg") == "2-2-veiligheid-zorg"
    assert slugify("Oekraïne") == "oekraine" and slugify("!!!") == "pagina"

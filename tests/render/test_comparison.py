"""The comparison page (issue 7): page data, the published page, and the CLI with the corpus."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.opendata.compare import vega_lite_spec
from rekenschap.render.comparison import (
    ComparisonPage,
    comparison_page,
    indicator_label,
    page_sources,
)
from rekenschap.render.site import SiteResult

from .sample import RICH_YAML, SCRIPT_GOAL, sample_comparison

runner = CliRunner()


def _page(lang: str = "nl") -> ComparisonPage:
    comparison = sample_comparison()
    specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
    return comparison_page(comparison, specs, "nl" if lang == "nl" else "en")


def test_page_data_tables_chart_and_words() -> None:
    page = _page()
    assert page.href == "vergelijking-gm0629.html"
    assert page.title == "Vergelijking Voorbeeld-aan-Zee"
    assert "gemeenten van 20.000 tot 50.000 inwoners (11 gemeenten)" in page.intro
    lasten, baten = page.measures
    assert lasten.table.headers == ("Taakveld", "Voorbeeld-aan-Zee € per inwoner", "Mediaan",
                                    "Q1 – Q3", "Rang (rang / aantal)")
    rows = [[c.text for c in r] for r in lasten.table.rows]
    assert rows[1] == ["1.1 Crisisbeheersing en brandweer", "98", "80", "70 – 95", "1 / 12"]
    assert rows[3] == ["2.1 Verkeer en vervoer", "", "110", "80 – 140", ""]   # unknown value
    assert len(baten.table.rows) == 1
    assert lasten.chart is not None
    # 0.1 equals the median, 1.1 is above, 1.2 below, 2.1 unknown
    assert "bij 1 taakvelden boven en bij 1 onder de mediaan" in lasten.chart.alt
    assert page.indicators is not None
    assert [c.text for c in page.indicators.rows[0]] == ["Winkeldiefstallen", "2023", "0,9",
                                                         "2,5"]
    assert page.indicators.headers[-1] == "Nederland"


def test_the_page_names_the_table_its_indicators_came_from() -> None:
    """A comparison whose sources do not name its indicators' table (47018NED) gets it added;
    one that names it already is left as it is (issue 7)."""
    comparison = sample_comparison()
    police = comparison.model_copy(update={
        "indicators": tuple(i.model_copy(update={"source": "CBS 47018NED"})
                            for i in comparison.indicators),
        "sources": comparison.sources[:1]})
    page = comparison_page(police, {}, "nl")
    assert page.sources == ("CBS Iv3 jaarrekening 2023 (2023_jaarrekening.csv)", "CBS 47018NED")
    assert page_sources(comparison) == comparison.sources        # already named: not twice


def test_the_xlsx_sheet_has_quartiles_rank_and_count_as_numbers(tmp_path: Path) -> None:
    """The comparison sheet: Q1, Q3, rank and count each a numeric cell with a number format,
    not the page's texts "70 – 95" and "1 / 12"; an unknown value stays an empty cell."""
    import openpyxl

    from rekenschap.render.builder import build_document
    from rekenschap.render.xlsx_export import write_xlsx

    from .sample import rich_report

    out = write_xlsx(build_document(rich_report()), tmp_path / "c.xlsx", [_page()])
    ws = openpyxl.load_workbook(out)["De lasten per inwoner"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Taakveld")
    assert [c.value for c in header] == [
        "Taakveld", "Voorbeeld-aan-Zee € per inwoner", "Mediaan", "Q1 (eerste kwartiel)",
        "Q3 (derde kwartiel)", "Rang", "Aantal gemeenten"]
    row = next(r for r in ws.iter_rows() if r[0].value == "1.1 Crisisbeheersing en brandweer")
    assert [c.value for c in row[1:]] == [98, 80, 70, 95, 1, 12]
    assert all(c.data_type == "n" for c in row[1:])
    assert all(c.number_format == "#,##0" for c in row[1:])
    unknown = next(r for r in ws.iter_rows() if r[0].value == "2.1 Verkeer en vervoer")
    assert [c.value for c in unknown[1:]] == [None, 110, 80, 140, None, None]
    # the page keeps its reading form
    assert [c.text for c in _page().measures[0].table.rows[1]][3:] == ["70 – 95", "1 / 12"]


def test_indicator_label() -> None:
    assert indicator_label("diefstallen-uit-woning") == "Diefstallen uit woning"


def test_published_page_is_linked_and_readable(site_en: SiteResult) -> None:
    out = site_en.out_dir
    page = out / "vergelijking-gm0629.html"
    assert page in site_en.pages
    home = lxml.html.fromstring((out / "index.html").read_bytes())
    assert home.xpath("//a[@href='vergelijking-gm0629.html']")
    doc_index = next(p for p in site_en.pages if p.name == "index.html" and p.parent != out)
    overview = lxml.html.fromstring(doc_index.read_bytes())
    assert overview.xpath("//a[@href='../vergelijking-gm0629.html']")
    tree = lxml.html.fromstring(page.read_bytes())
    assert tree.xpath("//h1")[0].text_content() == "Comparison Voorbeeld-aan-Zee"
    svgs = tree.xpath("//svg")
    assert len(svgs) == 2
    label = svgs[0].get("aria-labelledby")
    alt = tree.xpath(f"//*[@id='{label}']")[0].text_content()
    assert alt.startswith("Dot plot of Voorbeeld-aan-Zee's expenditure per inhabitant")
    captions = [c.text_content() for c in tree.xpath("//caption")]
    assert len(captions) == 3 and captions[-1] == "Indicators compared with the Netherlands"
    sources = [li.text_content() for li in tree.xpath("//section[last()]//li")]
    assert sources[0] == "Source: CBS Iv3 jaarrekening 2023 (2023_jaarrekening.csv)"


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The rich sample published (both languages) with ``--compare auto`` against the corpus's
    open data: (source report, open-data folder, site)."""
    from tests.conftest import corpus_file

    corpus_file("iv3", "2023_jaarrekening.csv")        # skips without ../shared
    root = corpus_file("cbs").parent
    tmp = tmp_path_factory.mktemp("compared")
    source = tmp / "voorbeeld.yaml"
    source.write_text(RICH_YAML.replace("GOAL_PLACEHOLDER", SCRIPT_GOAL.replace("'", "''")),
                      encoding="utf-8")
    site = tmp / "site"
    result = runner.invoke(app, ["publish", str(source), "-o", str(site), "--public",
                                 "--compare", "auto", "--open-data", str(root)])
    assert result.exit_code == 0, result.output
    return source, root, site


def test_cli_publish_compare_with_corpus(compared: tuple[Path, Path, Path]) -> None:
    _source, _root, site = compared
    tree = lxml.html.fromstring((site / "vergelijking-gm0629.html").read_bytes())
    intro = tree.xpath("//main/p")[0].text_content()
    # Voorbeeld-aan-Zee is jaarstukken 2023, so the Iv3 jaarrekening 2023 is used
    assert "jaarrekening 2023" in intro and "gemeenten van 20.000 tot 50.000" in intro
    bestuur = tree.xpath("(//table)[1]//tr[th='0.1 Bestuur']/td")
    assert len(bestuur) == 4 and bestuur[0].text_content().isdigit()
    rank, n = bestuur[3].text_content().split(" / ")
    assert 1 <= int(rank) <= int(n)


def test_cli_publish_compare_named_peers_and_bad_code(tmp_path: Path) -> None:
    from tests.conftest import corpus_file

    corpus_file("iv3", "2023_jaarrekening.csv")
    root = corpus_file("cbs").parent
    from .conftest import EXAMPLE

    site = tmp_path / "site"
    result = runner.invoke(app, ["publish", str(EXAMPLE), "-o", str(site), "--public",
                                 "--compare", "GM9999", "--open-data", str(root)])
    assert result.exit_code == 1                        # the site is there, the page is not
    assert "GM9999" in result.output and (site / "index.html").is_file()
    assert not list(site.glob("vergelijking-*.html"))
    result = runner.invoke(app, ["publish", str(EXAMPLE), "-o", str(site), "--public",
                                 "--compare", "GM0629", "--peers", "GM0546,GM0626",
                                 "--open-data", str(root)])
    assert result.exit_code == 0, result.output
    tree = lxml.html.fromstring((site / "vergelijking-gm0629.html").read_bytes())
    assert "(2 gemeenten)" in tree.xpath("//main/p")[0].text_content()


def test_cli_publish_compare_with_police_figures_labels_47018ned(tmp_path: Path) -> None:
    """A data root whose crime file is a saved 47018NED answer: the published page's sources say
    "CBS 47018NED" and never "83648NED"."""
    from tests.conftest import CORPUS, corpus_file

    from .conftest import EXAMPLE

    corpus_file("iv3", "2023_jaarrekening.csv")
    register = corpus_file("cbs", "85755NED-gemeenten-2026.csv")
    root = tmp_path / "opendata"
    (root / "cbs").mkdir(parents=True)
    (root / "iv3").symlink_to(CORPUS / "iv3")
    (root / "cbs" / register.name).symlink_to(register)
    police = (Path(__file__).parents[1] / "opendata" / "fixtures"
              / "47018NED-GM0629-constructed.json")
    (root / "cbs" / "47018NED-GM0629.json").write_bytes(police.read_bytes())
    site = tmp_path / "site"
    result = runner.invoke(app, ["publish", str(EXAMPLE), "-o", str(site), "--public",
                                 "--compare", "GM0629", "--open-data", str(root)])
    assert result.exit_code == 0, result.output
    html = (site / "vergelijking-gm0629.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    sources = [li.text_content() for li in tree.xpath("//section[last()]//li")]
    assert any("CBS 47018NED" in s for s in sources), sources
    assert "83648NED" not in html
    indicators = [c.text_content() for c in tree.xpath("//caption")]
    assert any("Nederland" in c for c in indicators)     # the police figures are shown

    # comparison_pages(table=...) picks the file: 83648NED asked for, none there -> said, no
    # crime figures and no crime source on the page
    from rich.console import Console

    from rekenschap.cli.publish_compare import comparison_pages

    console = Console(record=True, width=200)
    pages, failed = comparison_pages("GM0629", "size-class", [], root, "nl", console,
                                     table="83648NED")
    assert not failed and pages[0].indicators is None
    assert not any("CBS 47018NED" in s for s in pages[0].sources)
    assert "CBS-DATA-MISSING" in console.export_text()
    pages, _ = comparison_pages("GM0629", "size-class", [], root, "nl", Console(width=200),
                                table="47018NED")
    assert "CBS 47018NED" in pages[0].sources

    # ... and `publish --table` passes it on: asked for 83648NED, the police file is not read
    other = tmp_path / "site-83648"
    result = runner.invoke(app, ["publish", str(EXAMPLE), "-o", str(other), "--public",
                                 "--lang", "nl", "--compare", "GM0629", "--open-data", str(root),
                                 "--table", "83648NED"])
    assert result.exit_code == 0, result.output
    assert "47018NED" not in (other / "vergelijking-gm0629.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("missing", ["nothing-here"])
def test_cli_publish_compare_without_open_data(tmp_path: Path, missing: str) -> None:
    from .conftest import EXAMPLE

    result = runner.invoke(app, ["publish", str(EXAMPLE), "-o", str(tmp_path / "s"),
                                 "--public", "--compare", "GM0629",
                                 "--open-data", str(tmp_path / missing)])
    assert result.exit_code == 1
    assert "no CBS municipality list" in result.output
    assert (tmp_path / "s" / "index.html").is_file()


def test_cli_publish_compare_in_both_languages_and_export_with_comparison(
        compared: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """The default two-language site has the comparison page in each language; ``export
    --compare`` puts the same comparison into the XLSX (a sheet per table, real numbers)."""
    import openpyxl

    source, root, site = compared
    nl = lxml.html.fromstring((site / "vergelijking-gm0629.html").read_bytes())
    en = lxml.html.fromstring((site / "en" / "vergelijking-gm0629.html").read_bytes())
    assert nl.xpath("//h1")[0].text_content() == "Vergelijking Wassenaar"
    assert en.xpath("//h1")[0].text_content() == "Comparison Wassenaar"
    out = tmp_path / "v.xlsx"
    result = runner.invoke(app, ["export", str(source), "--to", "xlsx", "-o", str(out),
                                 "--public", "--compare", "auto", "--open-data", str(root)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert "De lasten per inwoner" in wb.sheetnames
    ws = wb["De lasten per inwoner"]
    bestuur = next(r for r in ws.iter_rows(values_only=True) if r[0] == "0.1 Bestuur")
    assert all(isinstance(v, int | float) for v in bestuur[1:7]), bestuur
    assert 1 <= bestuur[5] <= bestuur[6]                        # rank within the count

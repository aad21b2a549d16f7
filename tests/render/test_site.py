"""The static site, read back with an HTML parser: structure, links, escaping, charts, search."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from rekenschap.render.site import SiteResult, build_site

from .conftest import example_report
from .sample import SCRIPT_GOAL, rich_report


def _tree(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def test_pages_written(site_nl: SiteResult) -> None:
    names = sorted(str(p.relative_to(site_nl.out_dir)) for p in site_nl.pages)
    assert names == sorted([
        "index.html", "zoeken.html",
        "gemeente-groningen-jaarstukken-2024/index.html",
        "gemeente-groningen-jaarstukken-2024/2-2-veiligheid.html",
        "gemeente-groningen-jaarstukken-2024/problemen.html",
        "gemeente-voorbeeld-aan-zee-jaarstukken-2023/index.html",
        "gemeente-voorbeeld-aan-zee-jaarstukken-2023/1-veiligheid-en-handhaving.html",
        "gemeente-voorbeeld-aan-zee-jaarstukken-2023/1-1-crisisbeheersing-en-brandweer.html",
        "gemeente-voorbeeld-aan-zee-jaarstukken-2023/1-2-openbare-orde-en-veiligheid.html",
        "gemeente-voorbeeld-aan-zee-jaarstukken-2023/2-verkeer-vervoer-en-waterstaat.html",
        "gemeente-voorbeeld-aan-zee-jaarstukken-2023/problemen.html"])


def test_every_page_has_lang_one_h1_skip_link_and_main(site_nl: SiteResult) -> None:
    for page in site_nl.pages:
        tree = _tree(page)
        assert tree.get("lang") == "nl"
        assert len(tree.xpath("//h1")) == 1, page
        skip = tree.xpath("//body/a[1]")[0]
        assert skip.get("href") == "#inhoud"
        assert tree.xpath("//main/@id") == ["inhoud"]


def test_all_links_are_relative_and_resolve(site_nl: SiteResult) -> None:
    for page in site_nl.pages:
        tree = _tree(page)
        refs = tree.xpath("//a/@href | //link/@href | //script/@src | //form/@action")
        for ref in refs:
            parts = urlsplit(ref)
            assert not parts.scheme and not parts.netloc and not ref.startswith("/"), ref
            if parts.path:
                target = (page.parent / parts.path).resolve()
                assert target.exists(), f"{page}: broken link {ref}"
            if parts.fragment and not parts.path:
                assert tree.xpath(f"//*[@id='{parts.fragment}']"), f"{page}: no #{parts.fragment}"


def test_user_text_is_escaped(site_nl: SiteResult) -> None:
    page = site_nl.out_dir / "gemeente-voorbeeld-aan-zee-jaarstukken-2023" / \
        "1-veiligheid-en-handhaving.html"
    raw = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; schoon" in raw
    tree = _tree(page)
    assert f"1.1 {SCRIPT_GOAL}" in [h.text_content() for h in tree.xpath("//h3")]
    assert tree.xpath("//script") == []
    index = (site_nl.out_dir / "static" / "search-index.js").read_text(encoding="utf-8")
    assert "</script>" not in index and "<\\/script>" in index


def test_problems_page_lists_problems_escaped(site_nl: SiteResult) -> None:
    page = site_nl.out_dir / "gemeente-voorbeeld-aan-zee-jaarstukken-2023" / "problemen.html"
    tree = _tree(page)
    rows = tree.xpath("//tbody/tr")
    assert [r.xpath("string(td[2])") for r in rows] == [
        "FIN-OVERRUN", "IND-UNIT-CHANGED", "TXT-CLAIM-CHECKED"]
    assert rows[0].xpath("string(td[3])") == (
        "Lasten overschrijden de begroting na wijziging met 81 <b>duizend</b>")
    assert rows[0].xpath("string(td[4])") == "jaarstukken-2023.pdf:23:4 [programmes[0].finance]"
    empty = _tree(site_nl.out_dir / "gemeente-groningen-jaarstukken-2024" / "problemen.html")
    assert "De controles vonden geen problemen." in empty.text_content()


def test_charts_are_inline_svg_with_text_alternative_and_data_table(site_nl: SiteResult) -> None:
    page = site_nl.out_dir / "gemeente-groningen-jaarstukken-2024" / "2-2-veiligheid.html"
    tree = _tree(page)
    figures = tree.xpath("//figure[contains(@class, 'rs-chart')]")
    assert len(figures) == 6  # seven indicators, one without dated values
    for fig in figures:
        (svg,) = fig.xpath(".//*[local-name()='svg']")
        assert svg.get("role") == "img"
        label = svg.get("aria-labelledby")
        (alt,) = tree.xpath(f"//*[@id='{label}']")
        assert alt.text_content().startswith("Lijngrafiek van ")
        assert fig.xpath(".//details//table//tbody/tr")
    assert not re.search(r"https?://(?!www\.w3\.org)", page.read_text(encoding="utf-8"))
    overview = _tree(site_nl.out_dir / "gemeente-groningen-jaarstukken-2024" / "index.html")
    assert overview.xpath("//figure//*[local-name()='svg']")


def test_finance_table_markup(site_nl: SiteResult) -> None:
    page = site_nl.out_dir / "gemeente-voorbeeld-aan-zee-jaarstukken-2023" / \
        "1-veiligheid-en-handhaving.html"
    tree = _tree(page)
    table = tree.xpath("//section[@aria-labelledby='financien']//table")[0]
    assert table.xpath("string(caption)") == "Lasten en baten: Programma 1 Veiligheid"
    assert [th.text_content() for th in table.xpath("thead//th")] == [
        "Omschrijving", "Begroting 2023 primair", "Begroting 2023 na wijziging",
        "Realisatie 2023", "Verschil"]
    assert ["rs-num" in th.get("class") for th in table.xpath("thead//th")] == [
        False, True, True, True, True]
    indicator = tree.xpath("//article[contains(@class, 'rs-indicator')]//table")[0]
    assert ["rs-num" in th.get("class") for th in indicator.xpath("thead//th")] == [
        False, True, False]
    first = table.xpath("tbody/tr[1]")[0]
    assert first.xpath("th/@scope") == ["row"]
    assert [td.text_content() for td in first.xpath("td")] == ["-4.346", "-4.412", "-4.493", "-81"]
    text = tree.text_content()
    assert "De lasten zijn € 81.000 (1,8%) hoger dan begroot." in text
    assert "Opvang Oekraïners" in text


def test_search_index_is_a_script_with_every_page(site_nl: SiteResult) -> None:
    text = (site_nl.out_dir / "static" / "search-index.js").read_text(encoding="utf-8")
    prefix = "window.REKENSCHAP_SEARCH = "
    assert text.startswith(prefix)
    entries = json.loads(text[len(prefix):].rstrip().rstrip(";"))
    hrefs = {e["href"] for e in entries}
    pages = {str(p.relative_to(site_nl.out_dir)) for p in site_nl.pages}
    assert hrefs == {p for p in pages if not p.endswith(("problemen.html", "zoeken.html"))
                     and p != "index.html"}


def test_public_build_has_no_problems_page(tmp_path: Path) -> None:
    result = build_site([rich_report()], tmp_path, public=True, problems=None)
    assert not list(tmp_path.rglob("problemen.html"))
    assert "problemen.html" not in (tmp_path / result.documents[0].slug / "index.html"
                                    ).read_text(encoding="utf-8")


def test_vendored_css_and_licences_are_copied(site_nl: SiteResult) -> None:
    vendor = site_nl.out_dir / "static" / "vendor"
    for name in ("utrecht-html.css", "utrecht-components.css", "voorbeeld-theme.css",
                 "LICENSE-utrecht.md", "LICENSE-voorbeeld.md"):
        assert (vendor / name).stat().st_size > 1000, name
    assert ".voorbeeld-theme" in (vendor / "voorbeeld-theme.css").read_text(encoding="utf-8")


def test_chart_cache_renders_each_chart_once(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build_site([example_report()], tmp_path / "a", chart_cache=cache)
    second = build_site([example_report()], tmp_path / "b", chart_cache=cache)
    assert first.charts_rendered == 7 and second.charts_rendered == 0
    assert len(list(cache.glob("*.svg"))) == 7
    assert (tmp_path / "a" / first.documents[0].slug / "2-2-veiligheid.html").read_bytes() == \
        (tmp_path / "b" / second.documents[0].slug / "2-2-veiligheid.html").read_bytes()


def test_same_document_twice_gets_distinct_folders(tmp_path: Path) -> None:
    result = build_site([example_report(), example_report()], tmp_path)
    assert [d.slug for d in result.documents] == [
        "gemeente-groningen-jaarstukken-2024", "gemeente-groningen-jaarstukken-2024-2"]
    assert result.documents[1].search[0].href.startswith("gemeente-groningen-jaarstukken-2024-2/")


def test_problems_must_match_reports(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="1 lists for 2 reports"):
        build_site([example_report(), rich_report()], tmp_path, problems=[[]])


def test_vendored_files_match_the_vendor_manifest() -> None:
    """The committed NL Design System CSS and axe-core are what scripts/vendor_assets.py wrote."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "vendor_assets.py"
    spec = importlib.util.spec_from_file_location("vendor_assets", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check() == 0
    css = "a { } .utrecht-page { x: 1 } .utrecht-page-body { y: 2 } .utrecht-pagex { z: 3 }"
    kept = module.select_component_rules(css)
    assert ".utrecht-page " in kept and ".utrecht-page-body" in kept
    assert ".utrecht-pagex" not in kept and "a {" not in kept

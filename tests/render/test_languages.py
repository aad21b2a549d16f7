"""One site in two languages: Dutch at the root, English under en/, each page linked to its
counterpart (language switch, hreflang), search per language."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from rekenschap.render.site import SiteResult, build_site

from .conftest import example_report


def _tree(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def _switch(page: Path) -> dict[str, Path]:
    """The language switch of ``page``: language -> the page it links to (itself if current)."""
    tree = _tree(page)
    found: dict[str, Path] = {}
    for item in tree.xpath("//nav[contains(@class, 'rs-lang')]//li"):
        links = item.xpath("a")
        if links:
            link = links[0]
            assert link.get("hreflang") == link.get("lang")
            found[link.get("hreflang")] = (page.parent / link.get("href")).resolve()
        else:
            current = item.xpath("span[@class='rs-lang__current']")[0]
            found[current.get("lang")] = page.resolve()
    return found


def test_both_trees_have_the_same_pages(site_both: SiteResult) -> None:
    out = site_both.out_dir
    assert site_both.languages == ("nl", "en")
    nl = {p.relative_to(out) for p in site_both.pages if p.relative_to(out).parts[0] != "en"}
    en = {p.relative_to(out / "en") for p in site_both.pages
          if p.relative_to(out).parts[0] == "en"}
    assert nl == en and len(nl) >= 9
    assert Path("vergelijking-gm0629.html") in nl
    assert len(site_both.pages) == 2 * len(nl)
    for page in site_both.pages:
        lang = "en" if page.relative_to(out).parts[0] == "en" else "nl"
        assert _tree(page).get("lang") == lang, page


def test_every_page_links_to_its_counterpart_and_back(site_both: SiteResult) -> None:
    out = site_both.out_dir
    for page in site_both.pages:
        rel = page.relative_to(out)
        english = rel.parts[0] == "en"
        switch = _switch(page)
        assert set(switch) == {"nl", "en"}, page
        other = switch["nl" if english else "en"]
        expected = (out / Path(*rel.parts[1:])) if english else (out / "en" / rel)
        assert other == expected.resolve(), page
        assert _switch(other)["en" if english else "nl"] == page.resolve()
        # the head names the same pages for search engines
        alternates = {a.get("hreflang"): (page.parent / a.get("href")).resolve()
                      for a in _tree(page).xpath("//link[@rel='alternate']")}
        assert alternates == switch


def test_switch_is_labelled_in_both_languages_and_names_each_language_in_itself(
        site_both: SiteResult) -> None:
    page = site_both.out_dir / "en" / "index.html"
    nav = _tree(page).xpath("//nav[contains(@class, 'rs-lang')]")[0]
    assert nav.get("aria-label") == "Language / Taal"
    assert nav.xpath("string(.//a[@lang='nl'])") == "Nederlands"
    nl_nav = _tree(site_both.out_dir / "index.html").xpath("//nav[contains(@class,'rs-lang')]")
    assert nl_nav[0].get("aria-label") == "Taal / Language"
    assert nl_nav[0].xpath("string(.//a[@lang='en'])") == "English"
    assert "(huidige taal)" in nl_nav[0].text_content()


def test_pages_in_each_tree_are_in_their_language(site_both: SiteResult) -> None:
    doc = "gemeente-voorbeeld-aan-zee-jaarstukken-2023/1-veiligheid-en-handhaving.html"
    nl = (site_both.out_dir / doc).read_text(encoding="utf-8")
    en = (site_both.out_dir / "en" / doc).read_text(encoding="utf-8")
    assert "Wat heeft het gekost?" in nl and "What did it cost?" not in nl
    assert "What did it cost?" in en and "Wat heeft het gekost?" not in en
    # English pages use the shared stylesheets one level up
    assert 'href="../../static/site.css"' in en


def test_search_index_per_language(site_both: SiteResult) -> None:
    static = site_both.out_dir / "static"

    def entries(name: str) -> list[dict[str, str]]:
        text = (static / name).read_text(encoding="utf-8")
        data: list[dict[str, str]] = json.loads(text.split("=", 1)[1].strip().rstrip(";"))
        return data

    nl, en = entries("search-index.js"), entries("search-index-en.js")
    assert [e["href"] for e in nl] == [e["href"] for e in en]
    assert any("Wat wilden we bereiken" in e["text"] for e in nl)
    assert any("What did we want to achieve" in e["text"] for e in en)
    assert not any("Wat wilden we bereiken" in e["text"] for e in en)
    search_en = _tree(site_both.out_dir / "en" / "zoeken.html")
    assert search_en.xpath("//script/@src") == ["../static/search-index-en.js",
                                                "../static/search.js"]


def test_single_language_builds_have_no_switch(site_nl: SiteResult, site_en: SiteResult) -> None:
    for site in (site_nl, site_en):
        assert not (site.out_dir / "en").exists()
        for page in site.pages:
            tree = _tree(page)
            assert not tree.xpath("//nav[contains(@class, 'rs-lang')]")
            assert not tree.xpath("//link[@rel='alternate']")


def test_english_first_puts_dutch_under_nl(tmp_path: Path) -> None:
    site = build_site([example_report()], tmp_path, languages=["en", "nl"], public=True)
    assert _tree(tmp_path / "index.html").get("lang") == "en"
    assert _tree(tmp_path / "nl" / "index.html").get("lang") == "nl"
    assert _switch(tmp_path / "index.html")["nl"] == (tmp_path / "nl" / "index.html").resolve()
    assert (tmp_path / "static" / "search-index-nl.js").is_file()
    assert site.languages == ("en", "nl")


def test_bad_language_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="de"):
        build_site([example_report()], tmp_path, languages=["nl", "de"])
    with pytest.raises(ValueError, match="per language"):
        build_site([example_report()], tmp_path, languages=["nl", "en"],
                   comparisons=[object()])  # type: ignore[list-item]


def test_all_links_of_both_trees_resolve(site_both: SiteResult) -> None:
    for page in site_both.pages:
        tree = _tree(page)
        for ref in tree.xpath("//a/@href | //link/@href | //script/@src | //form/@action"):
            path = ref.split("#", 1)[0].split("?", 1)[0]
            assert "://" not in ref and not ref.startswith("/"), ref
            if path:
                assert (page.parent / path).resolve().exists(), f"{page}: broken link {ref}"


def test_a_page_missing_in_one_language_links_to_that_language_home(tmp_path: Path) -> None:
    from rekenschap.opendata.compare import vega_lite_spec
    from rekenschap.render.comparison import comparison_page

    from .sample import rich_report, sample_comparison

    comparison = sample_comparison()
    specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
    build_site([rich_report()], tmp_path, languages=["nl", "en"], public=True,
               comparisons={"nl": [comparison_page(comparison, specs, "nl")]})
    assert not (tmp_path / "en" / "vergelijking-gm0629.html").exists()
    switch = _switch(tmp_path / "vergelijking-gm0629.html")
    assert switch["en"] == (tmp_path / "en" / "index.html").resolve()

"""WCAG 2.1 AA in a real browser: axe-core on every page, keyboard navigation, lang, escaping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rekenschap.model import Problem, Report
from rekenschap.render.site import SiteResult, build_site

from .conftest import AXE

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe(driver: Any, page: Path, query: str = "") -> list[dict[str, Any]]:
    driver.get(page.as_uri() + query)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result: list[dict[str, Any]] = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        "     nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        "  .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        AXE_TAGS)
    return result


def test_the_axe_harness_finds_violations(tmp_path: Path, browser: Any) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><html><head><title>x</title></head><body>"
                   "<img src='x.png'><p style='color:#ddd;background:#fff'>grijs</p>"
                   "<input type='text'></body></html>", encoding="utf-8")
    ids = {v["id"] for v in _axe(browser, bad)}
    assert {"html-has-lang", "image-alt", "color-contrast", "label"} <= ids


# site_both's English tree holds every page of site_en (plus the language switch), so site_en
# is not opened again: 31 pages, about 15 s instead of 10 s for the 19 of site_nl + site_en.
@pytest.mark.parametrize("site_name", ["site_nl", "site_both"])
def test_every_page_has_no_axe_violations(site_name: str, browser: Any,
                                          request: pytest.FixtureRequest) -> None:
    site: SiteResult = request.getfixturevalue(site_name)
    pages = sorted(site.out_dir.rglob("*.html"))
    assert len(pages) == len(site.pages) >= 5
    found = {str(p.relative_to(site.out_dir)): v for p in pages if (v := _axe(browser, p))}
    assert found == {}


def test_lang_and_title_are_set(site_nl: SiteResult, site_en: SiteResult, browser: Any) -> None:
    for site, lang in ((site_nl, "nl"), (site_en, "en")):
        for page in site.pages:
            browser.get(page.as_uri())
            assert browser.execute_script("return document.documentElement.lang") == lang
            assert browser.title.strip()


def _focus_info(driver: Any) -> dict[str, Any]:
    info: dict[str, Any] = driver.execute_script(
        "const e = document.activeElement; const s = getComputedStyle(e);"
        "const r = e.getBoundingClientRect();"
        "return {tag: e.tagName, text: (e.textContent || e.value || '').trim().slice(0, 60),"
        "  href: e.getAttribute('href'), outline: s.outlineStyle, outlineWidth: s.outlineWidth,"
        "  shadow: s.boxShadow, w: r.width, h: r.height};")
    return info


def test_keyboard_skip_link_focus_order_and_visible_focus(site_nl: SiteResult,
                                                          browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page = next(p for p in site_nl.pages if p.name.startswith("1-veiligheid"))
    browser.get(page.as_uri())
    ActionChains(browser).send_keys(Keys.TAB).perform()
    first = _focus_info(browser)
    assert first["href"] == "#inhoud"
    assert first["w"] > 1 and first["h"] > 1, "the skip link must become visible on focus"
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.execute_script("return document.activeElement.id") == "inhoud"

    browser.get(page.as_uri())
    seen: list[dict[str, Any]] = []
    in_order = browser.execute_script("window.__rsPrev = null; return true;")
    assert in_order
    for _ in range(25):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        info = _focus_info(browser)
        if info["tag"] == "BODY":
            break
        seen.append(info)
        ordered = browser.execute_script(
            "const e = document.activeElement, p = window.__rsPrev; window.__rsPrev = e;"
            "return !p || !!(p.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);")
        assert ordered, f"focus moved backwards to {info}"
        assert (info["outline"] != "none" and info["outlineWidth"] != "0px") \
            or info["shadow"] != "none", f"no visible focus indicator on {info}"
    tags = [s["tag"] for s in seen]
    assert len(seen) >= 10 and "INPUT" in tags and "BUTTON" in tags


def test_markup_in_user_text_is_shown_not_run(site_nl: SiteResult, browser: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    page = next(p for p in site_nl.pages if p.name.startswith("1-veiligheid"))
    browser.get(page.as_uri())
    with pytest.raises(NoAlertPresentException):
        _ = browser.switch_to.alert.text
    headings = browser.execute_script(
        "return [...document.querySelectorAll('h3')].map(h => h.textContent)")
    assert "1.1 Veilig <script>alert(1)</script> & schoon" in headings
    assert browser.execute_script("return document.querySelectorAll('main script').length") == 0


def test_search_works_from_file_urls(site_nl: SiteResult, browser: Any) -> None:
    search = site_nl.out_dir / "zoeken.html"
    browser.get(search.as_uri() + "?q=winkeldiefstal")
    links = browser.execute_script(
        "return [...document.querySelectorAll('#rs-results a')].map(a => a.href)")
    assert any(h.endswith("2-2-veiligheid.html") for h in links)
    assert any(h.endswith("1-veiligheid-en-handhaving.html") for h in links)
    status = browser.execute_script("return document.getElementById('rs-status').textContent")
    assert status == f"{len(links)} resultaten gevonden."
    browser.get(search.as_uri() + "?q=" + "%3Cscript%3Ealert")
    assert browser.execute_script("return document.querySelectorAll('#rs-results a').length") == 1
    assert browser.execute_script(
        "return document.getElementById('rs-status').textContent") == "1 resultaat gevonden."
    assert _axe(browser, search, "?q=veiligheid") == []  # with results on the page
    browser.get(search.as_uri() + "?q=geenenkeltreffer")
    assert browser.execute_script(
        "return document.getElementById('rs-status').textContent") == "Geen resultaten gevonden."


@pytest.mark.corpus
def test_site_from_a_real_import_has_no_axe_violations(
        tmp_path: Path, browser: Any, wassenaar: tuple[Report, list[Problem]]) -> None:
    """Wassenaar's jaarstukken 2023 (own overview, FIN-TOTALS) and begroting 2024 (Nederland
    column, targets per year) imported and published with the real comparison page from the
    CBS open data; every page checked."""
    from tests.conftest import corpus_file

    from rekenschap.importers import import_path
    from rekenschap.importers.opendata_municipalities import load_register
    from rekenschap.opendata.compare import build_comparison, vega_lite_spec
    from rekenschap.opendata.sources import discover
    from rekenschap.render.comparison import comparison_page

    report, problems = wassenaar
    begroting, found = import_path(corpus_file("wassenaar", "begroting-2024.pdf"))
    assert begroting is not None, [p.format() for p in found]
    paths = discover(corpus_file("cbs").parent)
    assert paths.register is not None
    register, _ = load_register(paths.register)
    comparison, _ = build_comparison(
        "GM0629", iv3_file=paths.iv3_file(2023, "jaarrekening"), register=register, year=2023,
        phase="jaarrekening", size_classes=paths.size_classes(2023),
        definitions=paths.definitions(2023))
    assert comparison is not None
    specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
    site = build_site([report, begroting], tmp_path, problems=[problems, found],
                      comparisons=[comparison_page(comparison, specs)])
    assert len(site.pages) >= 12
    assert (tmp_path / "vergelijking-gm0629.html") in site.pages
    found = {str(p.relative_to(tmp_path)): v for p in site.pages if (v := _axe(browser, p))}
    assert found == {}


def test_language_switch_works_from_the_keyboard(site_both: SiteResult, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page = site_both.out_dir / "gemeente-voorbeeld-aan-zee-jaarstukken-2023" / \
        "1-veiligheid-en-handhaving.html"
    browser.get(page.as_uri())
    for _ in range(12):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        info = _focus_info(browser)
        if info["text"] == "English":
            break
    else:
        pytest.fail("the language switch cannot be reached with Tab")
    assert (info["outline"] != "none" and info["outlineWidth"] != "0px") \
        or info["shadow"] != "none", f"no visible focus indicator on {info}"
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.current_url == (site_both.out_dir / "en" / page.relative_to(
        site_both.out_dir)).as_uri()
    assert browser.execute_script("return document.documentElement.lang") == "en"

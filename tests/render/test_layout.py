"""Responsive and print layout of the site pages in a real headless Chromium (not the PDF export).

Narrow viewport: no horizontal scroll on any programme page (wide tables scroll in their own
region). Print media: site chrome (header, search, language switch, breadcrumbs, footer, page
contents) hidden, the chart data tables shown, nothing wider than an A4 page, and Chromium's own
print to PDF gives pages with the table text.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rekenschap.render.site import SiteResult

OVERFLOW = ("const d = document.documentElement;"
            "return {scroll: d.scrollWidth, client: d.clientWidth, "
            "wide: [...document.querySelectorAll('main *')]"
            ".filter(e => !e.closest('.rs-table-scroll') && "
            "e.getBoundingClientRect().right > d.clientWidth + 1).slice(0, 3).map(e => "
            "e.tagName + '.' + e.className)};")


def _programme_pages(site: SiteResult) -> list[Path]:
    return [p for p in site.pages if p.parent != site.out_dir and p.parent.name != "en"
            and p.name not in ("index.html", "problemen.html")]


def _viewport(driver: Any, width: int, height: int = 800, media: str = "") -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


@pytest.fixture
def narrow(browser: Any) -> Any:
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("width", [320, 768])
def test_programme_pages_have_no_horizontal_scroll_when_narrow(
        site_both: SiteResult, narrow: Any, width: int) -> None:
    _viewport(narrow, width)
    pages = _programme_pages(site_both)
    pages += [site_both.out_dir / "en" / p.relative_to(site_both.out_dir) for p in pages]
    assert len(pages) >= 8
    for page in pages:
        narrow.get(page.as_uri())
        found = narrow.execute_script(OVERFLOW)
        assert found["scroll"] <= found["client"], (page, found)
        assert found["wide"] == [], (page, found)
    # the wide finance table scrolls inside its own region, which stays within the page
    narrow.get((site_both.out_dir / "gemeente-voorbeeld-aan-zee-jaarstukken-2023"
                / "1-veiligheid-en-handhaving.html").as_uri())
    region = narrow.execute_script(
        "const r = document.querySelector('.rs-table-scroll').getBoundingClientRect();"
        "return r.right <= document.documentElement.clientWidth + 1;")
    assert region


def test_print_media_hides_the_site_chrome_and_shows_chart_data(site_both: SiteResult,
                                                                narrow: Any) -> None:
    page = site_both.out_dir / "gemeente-voorbeeld-aan-zee-jaarstukken-2023" / \
        "1-veiligheid-en-handhaving.html"
    _viewport(narrow, 718, media="print")  # A4 minus 1.5 cm margins at 96 dpi
    narrow.get(page.as_uri())
    hidden = narrow.execute_script(
        "return ['.rs-header', '.rs-lang', '.rs-search', '.rs-breadcrumb', '.rs-footer',"
        " '.rs-pagetoc'].map(s => { const e = document.querySelector(s);"
        " return e === null || e.getBoundingClientRect().height === 0; });")
    assert all(hidden), hidden
    data = narrow.execute_script(
        "return [...document.querySelectorAll('details.rs-chart__data table')]"
        ".map(t => t.getBoundingClientRect().height);")
    assert data and all(h > 0 for h in data), "chart data tables must print"
    found = narrow.execute_script(OVERFLOW.replace("!e.closest('.rs-table-scroll') && ", ""))
    assert found["scroll"] <= found["client"] and found["wide"] == [], found


def test_chromium_prints_the_page_to_pdf_pages(site_both: SiteResult, narrow: Any,
                                               tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    page = site_both.out_dir / "en" / "gemeente-voorbeeld-aan-zee-jaarstukken-2023" / \
        "1-veiligheid-en-handhaving.html"
    narrow.get(page.as_uri())
    pdf = narrow.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False})
    out = tmp_path / "page.pdf"
    out.write_bytes(base64.b64decode(pdf["data"]))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "What did it cost?" in text and "Skip to content" not in text
    assert "Nederlands" not in text  # the language switch is not printed
    assert text.count("\f") >= 1

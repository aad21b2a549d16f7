"""Fixtures for the publishing tests: built sites and a real headless Chromium."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from rekenschap.model import Location, Problem, Report, Severity
from rekenschap.opendata.compare import vega_lite_spec
from rekenschap.render.comparison import comparison_page
from rekenschap.render.site import SiteResult, build_site

from .sample import rich_report, sample_comparison

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "groningen-2024-veiligheid.yaml"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = Path(__file__).parent / "assets" / "axe.min.js"


def example_report() -> Report:
    return Report.model_validate(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))


SAMPLE_PROBLEMS = [
    Problem(code="FIN-OVERRUN", severity=Severity.ERROR,
            message="Lasten overschrijden de begroting na wijziging met 81 <b>duizend</b>",
            location=Location(file="jaarstukken-2023.pdf", page=23, line=4,
                              path="programmes[0].finance")),
    Problem(code="IND-UNIT-CHANGED", severity=Severity.WARNING, message="Eenheid gewijzigd"),
    Problem(code="TXT-CLAIM-CHECKED", severity=Severity.NOTICE, message="Bewering klopt"),
]


@pytest.fixture(scope="session")
def wassenaar() -> tuple[Report, list[Problem]]:
    """Wassenaar's jaarstukken 2023 (195-page PDF) through the real importer, once per session."""
    from tests.conftest import corpus_file

    from rekenschap.importers import import_path

    report, problems = import_path(corpus_file("wassenaar", "jaarstukken-2023.pdf"))
    assert report is not None, [p.format() for p in problems]
    return report, problems


@pytest.fixture(scope="session")
def site_nl(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The example site in Dutch: the Groningen seed page and the rich sample, with problems."""
    out = tmp_path_factory.mktemp("site-nl")
    return build_site([example_report(), rich_report()], out,
                      problems=[[], SAMPLE_PROBLEMS])


@pytest.fixture(scope="session")
def site_en(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    out = tmp_path_factory.mktemp("site-en")
    comparison = sample_comparison()
    specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
    return build_site([rich_report()], out, lang="en", problems=[SAMPLE_PROBLEMS],
                      comparisons=[comparison_page(comparison, specs, "en")])


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium through Selenium; skips when it is not installed."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip("needs /usr/bin/chromium and /usr/bin/chromedriver "
                    "(apt-get install chromium chromium-driver; CI installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rekenschap-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                 "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                              options=options)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def site_both(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """The rich sample in both languages (Dutch at the root, English under en/), with the
    comparison page in each language and the problems page."""
    out = tmp_path_factory.mktemp("site-both")
    comparison = sample_comparison()
    specs = {m: vega_lite_spec(comparison, m) for m in ("lasten", "baten")}
    return build_site([rich_report()], out, languages=["nl", "en"], problems=[SAMPLE_PROBLEMS],
                      comparisons={lang: [comparison_page(comparison, specs, lang)]
                                   for lang in ("nl", "en")})
